package org.glossa.gamification;

import java.time.LocalDate;
import java.util.UUID;

/** A missed day ({@code frozenDay}) consumed an equipped streak freeze; the streak of {@code length} days holds. */
public record StreakFrozen(UUID userId, LocalDate frozenDay, int length, int freezesLeft) {
}
