package org.glossa.identity;

import java.util.Optional;
import java.util.UUID;

/** Read access to accounts for other modules. */
public interface Accounts {

    Optional<AccountView> find(UUID userId);
}
