package org.glossa.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.glossa.identity.AccountView;
import org.glossa.identity.Accounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountsQuery implements Accounts {

    private final AccountRepository accounts;

    AccountsQuery(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountView> find(UUID userId) {
        return accounts.findById(userId).map(Account::view);
    }
}
