package org.glossa.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The learner's streak grew to {@code length} days with activity on their local day {@code localDate}. */
public record StreakExtended(UUID userId, int length, LocalDate localDate, Instant at) {
}
