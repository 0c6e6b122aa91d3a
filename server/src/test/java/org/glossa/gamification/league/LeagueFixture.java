package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.glossa.gamification.XpEarned;
import org.glossa.gamification.XpSource;
import org.glossa.shared.time.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.glossa.shared.time.Timestamps.utc;

/** Moves the test clock to league weeks and feeds XP the way the ledger does. */
final class LeagueFixture {

    private final TestClock testClock;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final LeagueXp xp;
    private final WeeklyClose close;
    private final Leagues leagues;

    LeagueFixture(TestClock testClock, Clock clock, JdbcClient jdbc, LeagueXp xp, WeeklyClose close, Leagues leagues) {
        this.leagues = leagues;
        this.testClock = testClock;
        this.clock = clock;
        this.jdbc = jdbc;
        this.xp = xp;
        this.close = close;
    }

    /**
     * Moves the clock to the next week's Monday, {@code hours} in, and closes every ended week: a week nobody
     * else plays in while the test runs (tests run one after another).
     */
    LeagueWeek nextWeek(int hours) {
        LeagueWeek next = LeagueWeek.of(clock.instant()).next();
        testClock.advance(Duration.between(clock.instant(), next.startsAt().plus(Duration.ofHours(hours))));
        close.closeEndedWeeks();
        return next;
    }

    void advance(Duration duration) {
        testClock.advance(duration);
    }

    Instant now() {
        return clock.instant();
    }

    /** One XP ledger entry, earned now, counted synchronously. */
    XpEarned earn(UUID userId, UUID courseId, int amount) {
        XpEarned earned = new XpEarned(UUID.randomUUID(), userId, courseId, XpSource.LESSON, amount, clock.instant(),
                clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        xp.count(earned);
        return earned;
    }

    /** A learner who already holds a tier (as after earlier weeks). */
    UUID memberIn(Tier tier) {
        UUID userId = UUID.randomUUID();
        giveTier(userId, tier);
        return userId;
    }

    /**
     * Gives the learner {@code tier} for this week: a closed week before it in which they finished 21st of 30 in
     * that tier (the middle: neither promoted nor demoted in any tier), the other places taken by deleted learners.
     */
    void giveTier(UUID userId, Tier tier) {
        LeagueWeek previous = LeagueWeek.of(clock.instant()).previous();
        jdbc.sql("""
                insert into gamification_league_week (week_start, closed_at, cohorts, learners) values (:w, :now, 0, 0)
                on conflict do nothing
                """).param("w", previous.start()).param("now", utc(clock.instant())).update();
        java.util.List<String> ranking = new java.util.ArrayList<>(java.util.Collections.nCopies(30, Ranking.GONE));
        ranking.set(20, userId.toString());
        UUID cohort = UUID.randomUUID();
        jdbc.sql("""
                insert into gamification_league_cohort (id, week_start, tier, number, members, ranking)
                values (:id, :w, :t, :n, 30, :ranking)
                """).param("id", cohort).param("w", previous.start()).param("t", tier.ordinal())
                .param("n", 1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000))
                .param("ranking", String.join(",", ranking)).update();
        jdbc.sql("""
                insert into gamification_league_entry (week_start, user_id, cohort_id, tier, xp, reached_at, joined_at)
                values (:w, :u, :c, :t, 1, :at, :at)
                """).param("w", previous.start()).param("u", userId).param("c", cohort).param("t", tier.ordinal())
                .param("at", utc(previous.startsAt())).update();
        jdbc.sql("insert into gamification_league_member (user_id, joined_at) values (:u, :at) on conflict do nothing")
                .param("u", userId).param("at", utc(previous.startsAt())).update();
    }

    Tier tierOf(UUID userId) {
        return leagues.tier(userId);
    }
}
