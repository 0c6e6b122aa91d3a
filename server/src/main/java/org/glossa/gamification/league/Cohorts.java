package org.glossa.gamification.league;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.glossa.shared.runtime.Statements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Puts a learner's XP into their league week: the week's first XP takes a seat in a cohort of their tier that
 * has one free (or opens the next cohort), later XP raises the score. Runs inside the caller's transaction.
 */
@Component
class Cohorts {

    private static final int MAX_ATTEMPTS = 1000;

    private final JdbcClient jdbc;
    private final LeagueSettings settings;
    private final Standings standings;

    Cohorts(JdbcClient jdbc, LeagueSettings settings, Standings standings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.standings = standings;
    }

    private static final String ADD_TO_ENTRY = """
            update gamification_league_entry set xp = xp + ?, reached_at = greatest(reached_at, ?)
            where week_start = ? and user_id = ?""";

    /**
     * Adds {@code amount} XP reached at {@code earnedAt} to the learner's week, in two steps so that the common case
     * can go in the caller's batch of statements: this adds the update of the learner's entry of the week (the row's
     * own lock orders concurrent XP) to {@code statements}, and returns its index among their results.
     */
    int addToEntry(Statements statements, UUID userId, LeagueWeek week, int amount, Instant earnedAt) {
        return statements.update(ADD_TO_ENTRY, amount, utc(earnedAt), week.start(), userId);
    }

    /**
     * The second step, once the update has run: if it found no entry ({@code updated} 0), the learner's member row is
     * locked before looking again and seating them, so that one learner's concurrent first XP takes one seat.
     */
    void seatIfNotAdded(int updated, UUID userId, LeagueWeek week, int amount, Instant earnedAt, Instant now) {
        if (updated == 1) {
            return;
        }
        if (lockMember(userId).isEmpty()) {
            jdbc.sql("insert into gamification_league_member (user_id, joined_at) values (:u, :now) on conflict do nothing")
                    .param("u", userId).param("now", utc(now)).update();
            lockMember(userId).orElseThrow();
        }
        if (jdbc.sql(ADD_TO_ENTRY).params(amount, utc(earnedAt), week.start(), userId).update() != 1) {
            join(userId, week, standings.tierFor(userId, week).ordinal(), amount, earnedAt, now);
        }
    }

    private Optional<UUID> lockMember(UUID userId) {
        return jdbc.sql("select user_id from gamification_league_member where user_id = :u for update")
                .param("u", userId).query(UUID.class).optional();
    }

    /**
     * Seats the learner in the first cohort of their tier with a free seat, or opens the next one. Whether any
     * cohort is open and how many exist are read in one statement, so a cohort is opened only when that one
     * snapshot showed every existing cohort full; if another joiner opened the same number meanwhile, the unique
     * (week, tier, number) key turns this attempt away and the loop looks again.
     */
    private void join(UUID userId, LeagueWeek week, int tier, int amount, Instant earnedAt, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Seating seating = jdbc.sql("""
                    select (select id from gamification_league_cohort
                            where week_start = :week and tier = :tier and members < :max
                            order by number limit 1) as open_cohort,
                           (select coalesce(max(number), 0) from gamification_league_cohort
                            where week_start = :week and tier = :tier) as last_number
                    """).param("week", week.start()).param("tier", tier).param("max", settings.cohortSize())
                    .query((rs, n) -> new Seating(rs.getObject("open_cohort", UUID.class), rs.getInt("last_number")))
                    .single();
            UUID cohort;
            if (seating.openCohort() != null) {
                // The seat is taken only if the cohort still has one once this transaction holds its row.
                int seated = jdbc.sql("""
                        update gamification_league_cohort set members = members + 1
                        where id = :id and members < :max
                        """).param("id", seating.openCohort()).param("max", settings.cohortSize()).update();
                if (seated == 0) {
                    continue;
                }
                cohort = seating.openCohort();
            } else {
                cohort = UUID.randomUUID();
                int opened = jdbc.sql("""
                        insert into gamification_league_cohort (id, week_start, tier, number, members)
                        values (:id, :week, :tier, :number, 1) on conflict do nothing
                        """).param("id", cohort).param("week", week.start()).param("tier", tier)
                        .param("number", seating.lastNumber() + 1).update();
                if (opened == 0) {
                    continue;
                }
            }
            jdbc.sql("""
                    insert into gamification_league_entry (week_start, user_id, cohort_id, tier, xp, reached_at, joined_at)
                    values (:week, :u, :cohort, :tier, :xp, :at, :now)
                    """).param("week", week.start()).param("u", userId).param("cohort", cohort).param("tier", tier)
                    .param("xp", amount).param("at", utc(earnedAt)).param("now", utc(now)).update();
            return;
        }
        throw new IllegalStateException("No cohort seat for " + userId + " in week " + week.start());
    }

    /** One snapshot of a tier's week: the first cohort with a free seat (or null) and the highest cohort number. */
    private record Seating(UUID openCohort, int lastNumber) {
    }


}
