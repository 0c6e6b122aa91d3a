package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.glossa.gamification.XpEarned;
import org.glossa.gamification.XpSource;
import org.glossa.shared.time.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Moves the test clock to league weeks and feeds XP the way the ledger does. */
final class LeagueFixture {

    private final TestClock testClock;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final LeagueXp xp;
    private final WeeklyClose close;

    LeagueFixture(TestClock testClock, Clock clock, JdbcClient jdbc, LeagueXp xp, WeeklyClose close) {
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
        jdbc.sql("insert into gamification_league_member (user_id, tier) values (:u, :t)").param("u", userId)
                .param("t", tier.ordinal()).update();
        return userId;
    }

    Tier tierOf(UUID userId) {
        return Tier.of(jdbc.sql("select tier from gamification_league_member where user_id = :u").param("u", userId)
                .query(Integer.class).single());
    }
}
