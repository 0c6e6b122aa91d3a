package org.glossa.gamification.league;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.gamification.XpEarned;
import org.glossa.gamification.XpSource;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leaderboards from the database and from Redis give the same pages in the same order (XP, then user id), count
 * each XP entry once, and Redis boards come back from the database. The Redis tests need SPRING_DATA_REDIS_URL.
 */
@GlossaIntegrationTest
class LeaderboardIntegrationTests {

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
    Leaderboards leaderboards;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RankIndex rankIndex;

    LeagueFixture fixture;
    DatabaseLeaderboards database;
    UUID course;
    LeagueWeek week;
    Map<UUID, Long> weekly;
    Map<UUID, Long> allTime;

    @BeforeEach
    void setUp() {
        fixture = new LeagueFixture(testClock, clock, jdbc, xp, close, leagues);
        database = new DatabaseLeaderboards(jdbc);
        course = UUID.randomUUID();
        // Last week's XP counts all time only; this week's on both. Few distinct amounts: many ties.
        weekly = new HashMap<>();
        allTime = new HashMap<>();
        Random random = new Random(42);
        List<UUID> learners = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            learners.add(UUID.randomUUID());
        }
        fixture.nextWeek(1);
        for (UUID learner : learners.subList(0, 30)) {
            earn(learner, 10 * (1 + random.nextInt(3)), false);
        }
        week = fixture.nextWeek(1);
        for (UUID learner : learners.subList(15, 45)) {
            for (int n = random.nextInt(3); n >= 0; n--) {
                earn(learner, 10 * (1 + random.nextInt(3)), true);
            }
        }
    }

    private void earn(UUID learner, int amount, boolean thisWeek) {
        fixture.earn(learner, course, amount);
        allTime.merge(learner, (long) amount, Long::sum);
        if (thisWeek) {
            weekly.merge(learner, (long) amount, Long::sum);
        }
    }

    @Test
    void theDatabaseOrdersByXpThenUserIdAndGivesEachLearnerTheirRank() {
        assertSamePagesAsExpected(database, Board.weekly(week, course), weekly);
        assertSamePagesAsExpected(database, Board.allTime(course), allTime);
        Leaderboards.Page stranger = database.page(Board.allTime(course), 0, 5, UUID.randomUUID());
        assertThat(stranger.me()).isNull();
        assertThat(stranger.total()).isEqualTo(45);
    }

    @Test
    void redisGivesExactlyTheDatabasesPages() {
        RedisLeaderboards redis = redis();
        assertSamePagesAsExpected(redis, Board.weekly(week, course), weekly);
        assertSamePagesAsExpected(redis, Board.allTime(course), allTime);
        // The global boards hold other tests' learners too: Redis and the database agree on them.
        for (Board board : List.of(Board.weekly(week, null), Board.allTime(null))) {
            for (UUID me : weekly.keySet()) {
                assertThat(redis.page(board, 0, 10, me)).isEqualTo(database.page(board, 0, 10, me));
            }
        }
    }

    @Test
    void aReplayedEntryCountsOnceInTheDatabaseAndInRedis() {
        UUID ana = UUID.randomUUID();
        var earned = fixture.earn(ana, course, 40);
        assertThat(xp.count(earned)).isFalse();
        assertThat(database.page(Board.allTime(course), 0, 1, ana).me().xp()).isEqualTo(40);
        assertThat(leaderboards.page(Board.weekly(week, course), 0, 1, ana).me().xp()).isEqualTo(40);
    }

    @Test
    void aCountWhoseTransactionRollsBackAfterAllIsTakenBackInRedis() {
        RedisLeaderboards redis = redis();
        UUID ana = UUID.randomUUID();
        java.time.LocalDate today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        XpEarned earned = new XpEarned(UUID.randomUUID(), ana, course, XpSource.LESSON, 30, clock.instant(), today);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.publishEvent(earned);
            // A step of the commit after the league's count fails (as a failing commit would): all rolls back.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new IllegalStateException("commit refused");
                }
            });
        })).hasMessage("commit refused");
        for (Board board : List.of(Board.weekly(week, course), Board.allTime(course))) {
            assertThat(database.page(board, 0, 50, ana).me()).isNull();
            assertThat(redis.page(board, 0, 50, ana)).isEqualTo(database.page(board, 0, 50, ana));
        }

        // The retry (new ledger entries, as the reaction run again writes) counts once.
        XpEarned retried = new XpEarned(UUID.randomUUID(), ana, course, XpSource.LESSON, 30, clock.instant(), today);
        transactions.executeWithoutResult(status -> events.publishEvent(retried));
        for (Board board : List.of(Board.weekly(week, course), Board.allTime(course))) {
            assertThat(database.page(board, 0, 50, ana).me().xp()).isEqualTo(30);
            assertThat(redis.page(board, 0, 50, ana)).isEqualTo(database.page(board, 0, 50, ana));
        }
    }

    @Test
    void redisBoardsAreRebuiltFromTheDatabase() {
        RedisLeaderboards redis = redis();
        Board board = Board.allTime(course);
        UUID someone = weekly.keySet().iterator().next();
        Leaderboards.Page before = redis.page(board, 0, 100, someone);
        redis.removed(someone, List.of(board)); // Redis drifts (as after a lost write or a flush)
        assertThat(redis.page(board, 0, 100, someone)).isNotEqualTo(before);

        redis.rebuild();

        assertThat(redis.page(board, 0, 100, someone)).isEqualTo(before);
        assertSamePagesAsExpected(redis, Board.weekly(week, course), weekly);
    }

    /**
     * The rank index is there where the database ranks the boards and gone where Redis does (so that XP updates stay
     * on their page); made again, or dropped again, a node finds the same pages.
     */
    @Test
    void theRankIndexIsKeptWhereTheDatabaseRanksAndDroppedWhereRedisDoes() {
        boolean redis = leaderboards instanceof RedisLeaderboards;
        assertThat(rankIndex.exists()).isEqualTo(!redis);
        Board board = Board.weekly(week, course);
        try {
            rankIndex.keep();
            rankIndex.keep(); // a second node starting: nothing to do
            assertThat(rankIndex.exists()).isTrue();
            assertSamePagesAsExpected(database, board, weekly);
            rankIndex.drop();
            rankIndex.drop();
            assertThat(rankIndex.exists()).isFalse();
            assertSamePagesAsExpected(database, board, weekly);
        } finally {
            if (redis) {
                rankIndex.drop();
            } else {
                rankIndex.keep();
            }
        }
        assertThat(rankIndex.exists()).isEqualTo(!redis);
    }

    private RedisLeaderboards redis() {
        if (!(leaderboards instanceof RedisLeaderboards)) {
            System.err.println("SKIPPED Redis leaderboard tests: Redis is not configured (set SPRING_DATA_REDIS_URL)");
        }
        Assumptions.assumeTrue(leaderboards instanceof RedisLeaderboards,
                "Redis is not configured: set SPRING_DATA_REDIS_URL to run the Redis leaderboard tests");
        return (RedisLeaderboards) leaderboards;
    }

    /** Walks every page of 7 and checks rows, ranks, total, and each learner's own rank against the expected order. */
    private static void assertSamePagesAsExpected(Leaderboards boards, Board board, Map<UUID, Long> scores) {
        List<Map.Entry<UUID, Long>> expected = new ArrayList<>(scores.entrySet());
        expected.sort(Comparator.<Map.Entry<UUID, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(e -> e.getKey().toString()));
        List<Leaderboards.Row> rows = new ArrayList<>();
        for (int page = 0; page * 7 < expected.size() + 7; page++) {
            Leaderboards.Page result = boards.page(board, page, 7, expected.get(0).getKey());
            assertThat(result.total()).isEqualTo(expected.size());
            rows.addAll(result.rows());
        }
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            UUID learner = expected.get(i).getKey();
            Leaderboards.Row row = new Leaderboards.Row(i + 1, learner, expected.get(i).getValue());
            assertThat(rows.get(i)).isEqualTo(row);
            assertThat(boards.page(board, 0, 1, learner).me()).isEqualTo(row);
        }
    }
}
