package org.glossa.identity;

import java.util.Optional;
import java.util.UUID;
import org.glossa.shared.runtime.Statements;

/** Read access to accounts for other modules. */
public interface Accounts {

    Optional<AccountView> find(UUID userId);

    /** The same read, added to the caller's batch of statements (one round trip with the caller's own reads). */
    Statements.Pending<Optional<AccountView>> find(Statements batch, UUID userId);
}
