package org.glossa.gamification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the rest of gamification (stats, achievements) may know of a learner's league. */
public interface LeagueStanding {

    /** The learner's tier, and their rank in this week's cohort (null until they earn XP this week). */
    Optional<Position> position(UUID userId);

    /** How many closed weeks the learner finished in the top 3 of their cohort. */
    int podiumFinishes(UUID userId);

    /** The learners who finished in the top 3 of their cohort in the week starting on {@code weekStart}. */
    List<UUID> podiumFinishers(LocalDate weekStart);

    record Position(String tier, Integer rank) {
    }
}
