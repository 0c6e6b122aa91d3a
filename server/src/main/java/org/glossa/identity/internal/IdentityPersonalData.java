package org.glossa.identity.internal;

import java.util.UUID;
import org.glossa.shared.PersonalData;
import org.springframework.stereotype.Component;

/** Identity's part of the data export: the account and its login sessions. */
@Component
class IdentityPersonalData implements PersonalData {

    private final AccountService accounts;

    IdentityPersonalData(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String section() {
        return "identity";
    }

    @Override
    public Object export(UUID userId) {
        return accounts.export(userId);
    }
}
