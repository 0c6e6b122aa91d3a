package org.glossa.identity;

import java.time.Instant;
import java.util.UUID;

/** A new account exists. */
public record AccountRegistered(UUID userId, Instant at) {
}
