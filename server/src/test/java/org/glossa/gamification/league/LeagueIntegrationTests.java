package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.glossa.GlossaIntegrationTest;
import org.glossa.gamification.Gems;
import org.glossa.gamification.LeagueStanding;
import org.glossa.gamification.XpEarned;
import org.glossa.gamification.XpSource;
import org.glossa.shared.jobs.RecurringJobs;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** League weeks through the test clock: joining cohorts, ranking, and the weekly close. */
@GlossaIntegrationTest
class LeagueIntegrationTests {

    @Autowired
    TestClock testClock;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LeagueXp xp;
    @Autowired
    WeeklyClose close;
    @Autowired
    Leagues leagues;
    @Autowired
    LeagueStanding standing;
    @Autowired
    Gems gems;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RecurringJobs recurringJobs;

    LeagueFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new LeagueFixture(testClock, clock, jdbc, xp, close, leagues);
    }

    @Test
    void aLearnerJoinsABronzeCohortWithTheFirstXpOfTheWeekAndTheEventIsCountedOnce() {
        LeagueWeek week = fixture.nextWeek(1);
        UUID ana = UUID.randomUUID();
        assertThat(standing.position(ana)).isEmpty();

        XpEarned earned = new XpEarned(UUID.randomUUID(), ana, null, XpSource.LESSON, 15, clock.instant(),
                clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        // As the ledger does: the entry's row and its event in one transaction.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into gamification_xp (id, user_id, session_id, source, amount, earned_at, local_date)
                    values (:id, :u, :s, 'LESSON', 15, :at, :day)
                    """).param("id", earned.entryId()).param("u", ana).param("s", UUID.randomUUID())
                    .param("at", java.time.OffsetDateTime.ofInstant(earned.earnedAt(), java.time.ZoneOffset.UTC))
                    .param("day", earned.localDate()).update();
            events.publishEvent(earned);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> standing.position(ana).isPresent());
        // Counting the same entry again (a recount) finds the ledger's row and changes nothing.
        assertThat(xp.count(earned)).isFalse();

        var cohort = leagues.cohort(ana).orElseThrow();
        assertThat(cohort.tier()).isEqualTo(Tier.BRONZE);
        assertThat(cohort.week()).isEqualTo(week);
        assertThat(cohort.standings()).extracting(Leagues.Standing::userId).contains(ana);
        assertThat(cohort.standings().stream().filter(s -> s.userId().equals(ana)).findFirst().orElseThrow().xp())
                .isEqualTo(15);
        assertThat(standing.position(ana)).contains(new LeagueStanding.Position("BRONZE", cohort.standings().stream()
                .filter(s -> s.userId().equals(ana)).findFirst().orElseThrow().rank()));
        assertThat(cohort.promoted()).isEqualTo(20);
        assertThat(cohort.demoted()).isZero();
    }

    @Test
    void tiesGoToWhoeverReachedTheScoreFirst() {
        fixture.nextWeek(1);
        UUID first = fixture.memberIn(Tier.EMERALD);
        UUID second = fixture.memberIn(Tier.EMERALD);
        UUID leader = fixture.memberIn(Tier.EMERALD);
        fixture.earn(second, null, 10);
        fixture.advance(Duration.ofMinutes(5));
        fixture.earn(first, null, 20);
        fixture.advance(Duration.ofMinutes(5));
        fixture.earn(second, null, 10); // 20 as well, but reached later
        fixture.earn(leader, null, 50);

        assertThat(leagues.cohort(first).orElseThrow().standings()).extracting(Leagues.Standing::userId)
                .containsExactly(leader, first, second);
        assertThat(standing.position(first).orElseThrow().rank()).isEqualTo(2);
        assertThat(standing.position(second).orElseThrow().rank()).isEqualTo(3);
        assertThat(standing.position(second).orElseThrow().tier()).isEqualTo("EMERALD");
    }

    @Test
    void theCloseRanksPromotesDemotesPaysThePodiumAndDropsTheAbsentOnce() {
        LeagueWeek week = fixture.nextWeek(2);
        List<UUID> silver = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            silver.add(fixture.memberIn(Tier.SILVER));
        }
        // Learner i earns 300 - 10 i: the list is the final ranking. Learners 20 and 21 tie at 100; 21 got there first.
        for (int i = 0; i < 30; i++) {
            if (i != 20) {
                fixture.earn(silver.get(i), null, i == 21 ? 100 : 300 - 10 * i);
            }
        }
        fixture.advance(Duration.ofMinutes(1));
        fixture.earn(silver.get(20), null, 100);
        Collections.swap(silver, 20, 21);
        UUID absentRuby = fixture.memberIn(Tier.RUBY);
        UUID absentBronze = fixture.memberIn(Tier.BRONZE);
        UUID diamond = fixture.memberIn(Tier.DIAMOND);
        fixture.earn(diamond, null, 60);
        // A small cohort: the bottom 5 of 7, but never the upper half: ranks 5 to 7 go down.
        List<UUID> diamonds = new ArrayList<>(List.of(diamond));
        for (int i = 1; i < 7; i++) {
            UUID other = fixture.memberIn(Tier.DIAMOND);
            fixture.earn(other, null, 60 - 5 * i);
            diamonds.add(other);
        }
        assertThat(leagues.cohort(silver.get(0)).orElseThrow().standings()).extracting(Leagues.Standing::userId)
                .containsExactlyElementsOf(silver);

        assertThat(close.close(week)).as("a week that has not ended").isFalse();
        fixture.nextWeek(0);
        assertThat(close.close(week)).as("closed already by nextWeek").isFalse();

        for (int i = 0; i < 30; i++) {
            Tier expected = i < 15 ? Tier.GOLD : i >= 25 ? Tier.BRONZE : Tier.SILVER;
            assertThat(fixture.tierOf(silver.get(i))).as("rank " + (i + 1)).isEqualTo(expected);
        }
        assertThat(fixture.tierOf(absentRuby)).isEqualTo(Tier.SAPPHIRE);
        assertThat(fixture.tierOf(absentBronze)).isEqualTo(Tier.BRONZE);
        for (int i = 0; i < 7; i++) {
            assertThat(fixture.tierOf(diamonds.get(i))).as("diamond rank " + (i + 1))
                    .isEqualTo(i < 4 ? Tier.DIAMOND : Tier.OBSIDIAN);
        }
        assertThat(leagueGems(silver.get(0), week)).isEqualTo(50);
        assertThat(leagueGems(silver.get(1), week)).isEqualTo(30);
        assertThat(leagueGems(silver.get(2), week)).isEqualTo(20);
        assertThat(leagueGems(silver.get(3), week)).isZero();
        assertThat(leagueGems(diamond, week)).isEqualTo(50);
        assertThat(gems.balance(silver.get(0))).isGreaterThanOrEqualTo(50); // the wallet has them
        assertThat(standing.podiumFinishers(week.start())).containsAll(silver.subList(0, 3)).contains(diamond)
                .doesNotContain(silver.get(3));
        assertThat(standing.podiumFinishes(silver.get(2))).isEqualTo(1);
        assertThat(leagues.history(silver.get(29))).first().satisfies(past -> {
            assertThat(past.weekStart()).isEqualTo(week.start());
            assertThat(past.tier()).isEqualTo(Tier.SILVER);
            assertThat(past.rank()).isEqualTo(30);
            assertThat(past.cohortSize()).isEqualTo(30);
            assertThat(past.outcome()).isEqualTo("DEMOTED");
        });

        // Closing again, from two nodes at once, changes nothing: no second tier change, no second payment.
        close.closeEndedWeeks();
        close.close(week);
        assertThat(fixture.tierOf(silver.get(0))).isEqualTo(Tier.GOLD);
        assertThat(fixture.tierOf(absentRuby)).isEqualTo(Tier.SAPPHIRE);
        assertThat(leagueGems(silver.get(0), week)).isEqualTo(50);
        assertThat(jdbc.sql("select count(*) from gamification_gem_entry where user_id = :u and reference like 'league:%'")
                .param("u", silver.get(0)).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from gamification_league_week where week_start = :w")
                .param("w", week.start()).query(Integer.class).single()).isEqualTo(1);

        // A week later, nobody of them played: each one with a tier above Bronze drops one.
        fixture.nextWeek(0);
        assertThat(fixture.tierOf(silver.get(0))).isEqualTo(Tier.SILVER);
        assertThat(fixture.tierOf(silver.get(29))).isEqualTo(Tier.BRONZE);
        assertThat(fixture.tierOf(absentRuby)).isEqualTo(Tier.GOLD);
    }

    @Test
    void aPromotedLearnerJoinsACohortOfTheNewTierInTheNextWeek() {
        LeagueWeek week = fixture.nextWeek(3);
        UUID ana = fixture.memberIn(Tier.OBSIDIAN);
        fixture.earn(ana, null, 10);
        // No close has run yet when Ana's first XP of the next week arrives: it closes the ended week first.
        testClock.advance(Duration.between(clock.instant(), week.endsAt().plus(Duration.ofMinutes(1))));
        fixture.earn(ana, null, 10);

        assertThat(leagues.history(ana)).first().extracting(Leagues.PastWeek::outcome).isEqualTo("PROMOTED");
        assertThat(leagues.cohort(ana).orElseThrow().tier()).isEqualTo(Tier.DIAMOND);
        assertThat(standing.position(ana)).contains(new LeagueStanding.Position("DIAMOND", 1));
    }

    @Test
    void theRecurringJobClosesEndedWeeksByTheServersClock() {
        LeagueWeek week = fixture.nextWeek(1);
        UUID ana = fixture.memberIn(Tier.GOLD);
        fixture.earn(ana, null, 10);
        assertThat(recurringJobs.schedules()).containsKey("league-week-close");
        recurringJobs.run("league-week-close");
        assertThat(leagues.history(ana)).first().extracting(Leagues.PastWeek::weekStart).isNotEqualTo(week.start());

        testClock.advance(Duration.between(clock.instant(), week.endsAt().plus(Duration.ofMinutes(1))));
        recurringJobs.run("league-week-close"); // what JobRunr runs on its schedule

        assertThat(leagues.history(ana)).first().satisfies(past -> {
            assertThat(past.weekStart()).isEqualTo(week.start());
            assertThat(past.outcome()).isEqualTo("PROMOTED");
        });
        assertThat(fixture.tierOf(ana)).isEqualTo(Tier.SAPPHIRE);
    }

    @Test
    void closingTheSameWeekOnSeveralNodesAtOnceHappensOnce() throws Exception {
        LeagueWeek week = fixture.nextWeek(1);
        UUID ana = fixture.memberIn(Tier.PEARL);
        fixture.earn(ana, null, 10);
        // Move past the week without closing it (nextWeek would close it).
        testClock.advance(Duration.between(clock.instant(), week.endsAt().plus(Duration.ofMinutes(1))));
        List<Callable<Boolean>> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(() -> close.close(week));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int closed = 0;
            for (Future<Boolean> result : pool.invokeAll(nodes)) {
                closed += result.get() ? 1 : 0;
            }
            assertThat(closed).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(fixture.tierOf(ana)).isEqualTo(Tier.OBSIDIAN);
        assertThat(leagueGems(ana, week)).isEqualTo(50);
    }

    // Repeated: the race it guards against (two joiners opening two cohorts) showed once in 40 runs before the fix.
    @RepeatedTest(5)
    void concurrentFirstXpNeverOverfillsACohort() throws Exception {
        LeagueWeek week = fixture.nextWeek(1);
        List<UUID> learners = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            learners.add(fixture.memberIn(Tier.AMETHYST));
        }
        List<Callable<Boolean>> firsts = new ArrayList<>();
        for (UUID learner : learners) {
            // Each learner's first XP, twice at once (two ledger entries racing for one seat).
            firsts.add(() -> xp.count(entry(learner, 7)));
            firsts.add(() -> xp.count(entry(learner, 3)));
        }
        Collections.shuffle(firsts);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Boolean> result : pool.invokeAll(firsts)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }

        List<Integer> sizes = jdbc.sql("""
                select count(*) from gamification_league_entry where week_start = :w and tier = :t group by cohort_id
                order by count(*) desc
                """).param("w", week.start()).param("t", Tier.AMETHYST.ordinal()).query(Integer.class).list();
        assertThat(sizes).containsExactly(30, 30, 30, 5);
        assertThat(jdbc.sql("""
                select count(*) from gamification_league_cohort c where week_start = :w and tier = :t
                and members <> (select count(*) from gamification_league_entry e where e.cohort_id = c.id)
                """).param("w", week.start()).param("t", Tier.AMETHYST.ordinal()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select sum(xp) from gamification_league_entry where week_start = :w and tier = :t")
                .param("w", week.start()).param("t", Tier.AMETHYST.ordinal()).query(Integer.class).single())
                .isEqualTo(95 * 10);
    }

    @Test
    void xpOfTheWeeksLastMinuteStillBeingCountedWhenTheCloseStartsIsRankedByIt() throws Exception {
        LeagueWeek week = fixture.nextWeek(1);
        UUID early = fixture.memberIn(Tier.SILVER);
        fixture.earn(early, null, 10);
        UUID late = fixture.memberIn(Tier.SILVER);
        testClock.advance(Duration.between(clock.instant(), week.endsAt().minus(Duration.ofMinutes(1))));
        XpEarned lastMinute = entry(late, 50);
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch closing = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The ledger's transaction publishes the XP a minute before the end and commits after the close began.
            Future<?> ledger = pool.submit(() -> transactions.executeWithoutResult(status -> {
                events.publishEvent(lastMinute);
                published.countDown();
                try {
                    closing.await();
                    Thread.sleep(1000); // time for a close that does not wait to rank the week without this XP
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
            testClock.advance(Duration.ofMinutes(2));
            Future<Boolean> closed = pool.submit(() -> {
                closing.countDown();
                return close.close(week);
            });
            ledger.get(60, TimeUnit.SECONDS);
            assertThat(closed.get(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(leagues.history(late)).first().satisfies(past -> {
            assertThat(past.weekStart()).isEqualTo(week.start());
            assertThat(past.xp()).isEqualTo(50);
            assertThat(past.rank()).isEqualTo(1);
        });
        assertThat(leagues.history(early)).first().extracting(Leagues.PastWeek::rank).isEqualTo(2);
    }

    /** The gems the gem ledger credited for the week's league podium (one entry per learner and week, or none). */
    private int leagueGems(UUID userId, LeagueWeek week) {
        return jdbc.sql("select coalesce(sum(amount), 0) from gamification_gem_entry where user_id = :u and reference = :r")
                .param("u", userId).param("r", WeeklyClose.reference(week)).query(Integer.class).single();
    }

    private XpEarned entry(UUID userId, int amount) {
        return new XpEarned(UUID.randomUUID(), userId, null, XpSource.PRACTICE, amount, clock.instant(),
                clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    }
}
