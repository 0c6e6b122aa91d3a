package org.glossa.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a learner's XP ledger was written. {@code localDate} is the learner's own day (their time
 * zone and day start) the XP counts for; {@code courseId} is null for XP that belongs to no course.
 */
public record XpEarned(UUID entryId, UUID userId, UUID courseId, XpSource source, int amount, Instant earnedAt,
        LocalDate localDate) {
}
