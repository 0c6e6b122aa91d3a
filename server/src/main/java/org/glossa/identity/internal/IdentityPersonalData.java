package org.glossa.identity.internal;

import java.util.UUID;
import org.glossa.shared.PersonalData;
import org.springframework.stereotype.Component;

/** Identity's part of the data export: the account, its login sessions and its entitlements. */
@Component
class IdentityPersonalData implements PersonalData {

    private final AccountService accounts;
    private final AccountEntitlements entitlements;

    IdentityPersonalData(AccountService accounts, AccountEntitlements entitlements) {
        this.accounts = accounts;
        this.entitlements = entitlements;
    }

    @Override
    public String section() {
        return "identity";
    }

    @Override
    public Object export(UUID userId) {
        java.util.Map<String, Object> data = accounts.export(userId);
        data.put("entitlements", entitlements.of(userId));
        return data;
    }
}
