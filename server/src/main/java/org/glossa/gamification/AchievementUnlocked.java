package org.glossa.gamification;

import java.time.Instant;
import java.util.UUID;

/** A tier of an achievement was unlocked (once per learner, achievement and tier) and rewarded with {@code gems}. */
public record AchievementUnlocked(UUID userId, String achievement, int tier, int threshold, int gems,
        Instant unlockedAt) {
}
