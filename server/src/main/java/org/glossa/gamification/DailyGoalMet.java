package org.glossa.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The learner reached their daily XP goal on their local day {@code localDate}; published once per day. */
public record DailyGoalMet(UUID userId, LocalDate localDate, int goalXp, int xpToday, Instant metAt) {
}
