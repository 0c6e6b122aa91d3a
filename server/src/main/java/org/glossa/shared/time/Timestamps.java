package org.glossa.shared.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the JDBC drivers of both databases take them for {@code timestamp with time zone} columns. */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant at offset UTC; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
