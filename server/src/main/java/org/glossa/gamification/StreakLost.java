package org.glossa.gamification;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A streak of {@code length} days ended: {@code missedDay} passed without activity and without a freeze. It can be
 * repaired for gems until the end of {@code repairableUntil}.
 */
public record StreakLost(UUID userId, int length, LocalDate missedDay, LocalDate repairableUntil) {
}
