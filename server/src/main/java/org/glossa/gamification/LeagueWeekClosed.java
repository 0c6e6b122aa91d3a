package org.glossa.gamification;

import java.time.Instant;
import java.time.LocalDate;

/** A league week (Monday 00:00 UTC to the next) was closed: promotions, demotions and rewards are settled. */
public record LeagueWeekClosed(LocalDate weekStart, int cohorts, int learners, Instant closedAt) {
}
