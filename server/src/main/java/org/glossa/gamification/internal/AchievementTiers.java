package org.glossa.gamification.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The highest tier a learner has unlocked of each achievement, as kept on their row ({@code "streak=2 total-xp=1"}):
 * a cache of {@code gamification_achievement}, which stays the record.
 */
public record AchievementTiers(Map<String, Integer> highest) {

    static final AchievementTiers NONE = new AchievementTiers(Map.of());

    public AchievementTiers {
        highest = Collections.unmodifiableMap(new TreeMap<>(highest));
    }

    int of(String achievement) {
        return highest.getOrDefault(achievement, 0);
    }

    AchievementTiers with(String achievement, int tier) {
        if (tier <= of(achievement)) {
            return this;
        }
        Map<String, Integer> next = new TreeMap<>(highest);
        next.put(achievement, tier);
        return new AchievementTiers(next);
    }

    /** The stored form; {@code null} (never read yet) stays {@code null}. */
    static AchievementTiers parse(String stored) {
        if (stored == null) {
            return null;
        }
        Map<String, Integer> highest = new TreeMap<>();
        for (String pair : stored.split(" ")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                highest.put(pair.substring(0, equals), Integer.parseInt(pair.substring(equals + 1)));
            }
        }
        return new AchievementTiers(highest);
    }

    String format() {
        StringBuilder stored = new StringBuilder();
        highest.forEach((achievement, tier) -> {
            if (!stored.isEmpty()) {
                stored.append(' ');
            }
            stored.append(achievement).append('=').append(tier);
        });
        return stored.toString();
    }
}
