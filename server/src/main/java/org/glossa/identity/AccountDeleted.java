package org.glossa.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An account and its identity data are gone; every module deletes what it holds about the user
 * when it receives this.
 */
public record AccountDeleted(UUID userId, Instant at) {
}
