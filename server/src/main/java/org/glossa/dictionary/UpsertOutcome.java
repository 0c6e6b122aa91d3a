package org.glossa.dictionary;

import java.util.UUID;

/** What storing one entry did: a new entry, a changed one, or nothing because the source sent the same again. */
public record UpsertOutcome(UUID entryId, Kind kind) {

    public enum Kind {
        INSERTED, UPDATED, UNCHANGED
    }
}
