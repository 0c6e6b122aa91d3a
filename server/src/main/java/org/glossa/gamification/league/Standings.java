package org.glossa.gamification.league;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Derives a learner's tier from their closed weeks, so that the weekly close writes one ranking per cohort and no
 * row per learner. The tier in which a learner plays week W is: Bronze without an earlier league week; otherwise
 * the tier of their last week before W, moved by its outcome once that week is closed, then one tier lower for
 * each closed week since in which they earned no XP (never below Bronze).
 */
@Component
class Standings {

    private final JdbcClient jdbc;
    private final LeagueSettings settings;

    Standings(JdbcClient jdbc, LeagueSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** A week the learner played, with its final ranking once closed (null before). */
    record Played(LocalDate weekStart, Tier tier, int xp, UUID cohortId, Ranking ranking) {
    }

    /** The learner's tier for week {@code week} (before or without XP in it). */
    Tier tierFor(UUID userId, LeagueWeek week) {
        List<Played> last = played(userId, week, 1);
        if (last.isEmpty()) {
            return Tier.BRONZE;
        }
        Played played = last.getFirst();
        Tier tier = played.tier();
        if (played.ranking() != null) {
            tier = settings.outcome(tier, played.ranking().rankOf(userId), played.ranking().size()).apply(tier);
        }
        int absent = jdbc.sql("""
                select count(*) from gamification_league_week where week_start > :last and week_start < :week
                """).param("last", played.weekStart()).param("week", week.start()).query(Integer.class).single();
        return Tier.of(Math.max(0, tier.ordinal() - absent));
    }

    /** The learner's weeks before {@code before}, newest first, at most {@code limit}. */
    List<Played> played(UUID userId, LeagueWeek before, int limit) {
        return jdbc.sql("""
                select e.week_start, e.tier, e.xp, e.cohort_id, c.ranking from gamification_league_entry e
                join gamification_league_cohort c on c.id = e.cohort_id
                where e.user_id = :u and e.week_start < :before order by e.week_start desc limit :limit
                """).param("u", userId).param("before", before.start()).param("limit", limit)
                .query((rs, n) -> new Played(rs.getObject("week_start", LocalDate.class), Tier.of(rs.getInt("tier")),
                        rs.getInt("xp"), rs.getObject("cohort_id", UUID.class),
                        rs.getString("ranking") == null ? null : Ranking.parse(rs.getString("ranking"))))
                .list();
    }
}
