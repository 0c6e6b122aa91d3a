package org.glossa.gamification;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.bench.CpuTime;
import org.glossa.gamification.internal.Rewards;
import org.glossa.gamification.league.LeagueXp;
import org.glossa.practice.LessonCompleted;
import org.glossa.practice.SessionKind;
import org.glossa.practice.SessionXp;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how long gamification's whole reaction to one {@code LessonCompleted} takes: what the listener runs (close
 * ended league weeks if needed, then one transaction with the ledger, daily goal, streak, hearts, quests,
 * achievements, and before its commit the league week and leaderboards), commit included, over a few thousand
 * events for a hundred learners moving across days. Not a test (surefire does not pick up {@code *Benchmark}); run
 * on purpose, on PostgreSQL with Redis:
 *
 * <pre>
 * SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/DB SPRING_DATASOURCE_USERNAME=postgres SPRING_DATA_REDIS_URL=redis://127.0.0.1:6379/1 \
 *   ./mvnw -q -pl server -am test -Dtest=LessonRewardsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@GlossaIntegrationTest
class LessonRewardsBenchmark {

    static final int LEARNERS = Integer.getInteger("benchmark.learners", 100);
    /**
     * Reactions before the measured ones. 20,000, because with 2,000 the JIT compilers were still at work during the
     * measured events (4.9 s of compilation within them on a 2-core machine, sharing its cores with the reaction); a
     * server that has run for minutes has long finished. The run prints what compilation remained.
     */
    static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 20_000);
    static final int EVENTS = Integer.getInteger("benchmark.events", 5000);
    /** With {@code -Dbenchmark.slowest=N}, the N slowest reactions are listed with their place and start time. */
    static final int SLOWEST = Integer.getInteger("benchmark.slowest", 0);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Rewards rewards;
    @Autowired
    SessionXp rules;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Gems gems;
    @Autowired
    LeagueXp leagues;

    @Test
    void reactionToOneLessonCompleted() {
        TestApi api = new TestApi(mvc, json);
        String token = api.register("bench").accessToken();
        String database = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "the embedded H2 database");
        UUID courseId = UUID.fromString(api.demoCourseId(token));
        List<UUID[]> lessons = jdbc.sql("select id, skill_id from content_lesson where course_id = :c order by position")
                .param("c", courseId).query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
                .list();
        List<UUID> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            // Real accounts (time zone, daily goal), enrolled with a few lessons done, so that every read of the
            // reaction (account, memory settings, course path for skills completed) does its real work.
            UUID learner = api.register("bench" + i).id();
            learners.add(learner);
            jdbc.sql("insert into practice_enrollment (user_id, course_id, enrolled_at) values (:u, :c, current_timestamp)")
                    .param("u", learner).param("c", courseId).update();
            for (UUID[] lesson : lessons.subList(0, Math.min(3, lessons.size()))) {
                jdbc.sql("insert into practice_lesson_done (user_id, lesson_id, skill_id, times) values (:u, :l, :s, 1)")
                        .param("u", learner).param("l", lesson[0]).param("s", lesson[1]).update();
            }
        }
        Random random = new Random(42);
        run(WARM_UP, learners, lessons, courseId, random, new boolean[WARM_UP], new long[WARM_UP]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long[] gcBefore = collections();
        long compilingBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        String db = database.substring(database.lastIndexOf('/') + 1);
        long threadCpuBefore = threads.getCurrentThreadCpuTime();
        double jvmCpuBefore = CpuTime.jvm();
        double postgresCpuBefore = CpuTime.postgres(db);
        boolean[] firstOfDay = new boolean[EVENTS];
        long[] startedAt = new long[EVENTS];
        long[] nanos = run(EVENTS, learners, lessons, courseId, random, firstOfDay, startedAt);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long[] gcAfter = collections();
        long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compilingBefore;
        double threadCpu = (threads.getCurrentThreadCpuTime() - threadCpuBefore) / 1e6;
        double jvmCpu = (CpuTime.jvm() - jvmCpuBefore) * 1000;
        double postgresCpu = (CpuTime.postgres(db) - postgresCpuBefore) * 1000;
        long wall = Arrays.stream(nanos).sum();
        System.out.printf("%nLessonCompleted reaction, %d events for %d learners on %s%n", EVENTS, LEARNERS, database);
        print("whole reaction, commit included", nanos);
        // A learner's first session of a day does more (the streak's calendar day, the day's quests): shown apart.
        print("  a learner's first of the day", select(nanos, firstOfDay, true));
        print("  the learner's later ones", select(nanos, firstOfDay, false));
        System.out.printf("  allocated by the reacting thread: %.0f KB per reaction; %d garbage collections, %d ms in all,"
                + " during the %d events%n", allocated / 1024.0 / EVENTS, gcAfter[0] - gcBefore[0],
                gcAfter[1] - gcBefore[1], EVENTS);
        // The compilers' threads share the machine's cores with the reaction: a run whose warm-up was too short for
        // the code to settle shows it here.
        System.out.printf("  JIT compilation during the %d events: %d ms (after %d events to warm up)%n%n", EVENTS,
                compiling, WARM_UP);
        // Where a reaction's time goes: a reaction that needs more CPU than the wall time between its round trips
        // leaves waits that another process on the machine's cores can lengthen.
        System.out.printf("  per reaction: %.2f ms of wall time; CPU %.2f ms of the reacting thread, %.2f ms of the"
                + " whole JVM (JIT and GC included), %.2f ms of PostgreSQL's processes for %s%n%n", ms(wall) / EVENTS,
                threadCpu / EVENTS, jvmCpu / EVENTS, postgresCpu < 0 ? Double.NaN : postgresCpu / EVENTS, db);
        printSlowest(nanos, firstOfDay, startedAt);
        assertThat(nanos).hasSize(EVENTS);
    }

    /** The league close pays up to ~100,000 grants at once: one call of {@link Gems#grant}, then the same call again. */
    @Test
    void oneHundredThousandGemGrants() {
        int count = Integer.getInteger("benchmark.grants", 100_000);
        String week = "bench-week:" + UUID.randomUUID();
        List<Gems.GemGrant> grants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            grants.add(new Gems.GemGrant(UUID.randomUUID(), 10 + i % 3 * 10, "league podium", week));
        }
        long start = System.nanoTime();
        int paid = gems.grant(grants);
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        int again = gems.grant(grants);
        long second = System.nanoTime() - start;
        System.out.printf("%nGems.grant of %d grants: %.2f s (%d paid); the same grants again: %.2f s (%d paid)%n%n",
                count, first / 1e9, paid, second / 1e9, again);
        assertThat(paid).isEqualTo(count);
        assertThat(again).isZero();
    }

    /**
     * Events for random learners; every 1,000 events the clock moves on by a day, so streaks and quests roll. Marks in
     * {@code firstOfDay} the events that were their learner's first since the clock last moved, and in
     * {@code startedAt} when each began (epoch milliseconds, to match with logs).
     */
    private long[] run(int events, List<UUID> learners, List<UUID[]> lessons, UUID courseId, Random random,
            boolean[] firstOfDay, long[] startedAt) {
        long[] nanos = new long[events];
        java.util.Set<UUID> seenToday = new java.util.HashSet<>();
        for (int i = 0; i < events; i++) {
            if (i % 1000 == 0) {
                clock.advance(Duration.ofHours(24));
                seenToday.clear();
            }
            UUID learner = learners.get(random.nextInt(learners.size()));
            firstOfDay[i] = seenToday.add(learner);
            SessionKind kind = random.nextInt(5) == 0 ? SessionKind.PRACTICE : SessionKind.LESSON;
            boolean perfect = random.nextBoolean();
            UUID[] lesson = kind == SessionKind.LESSON ? lessons.get(random.nextInt(lessons.size())) : null;
            LessonCompleted event = new LessonCompleted(learner, UUID.randomUUID(), courseId,
                    lesson == null ? null : lesson[1], lesson == null ? null : lesson[0], kind,
                    rules.xpFor(kind, perfect, random.nextInt(2)), perfect ? 12 : 10, 12, perfect, clock.now());
            startedAt[i] = System.currentTimeMillis();
            long start = System.nanoTime();
            leagues.prepare(); // what the listener does first: close ended league weeks, outside the reaction
            transactions.executeWithoutResult(tx -> rewards.completed(event));
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /**
     * The slowest reactions, to tell clusters (consecutive events stalled together: the machine or the JVM) from one
     * kind of reaction being slow; their start times match with GC, safepoint or PostgreSQL logs.
     */
    private static void printSlowest(long[] nanos, boolean[] firstOfDay, long[] startedAt) {
        Integer[] order = java.util.stream.IntStream.range(0, nanos.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
        for (int k = 0; k < Math.min(SLOWEST, nanos.length); k++) {
            int i = order[k];
            System.out.printf("  slow #%d: event %d (%d into its day%s) %.2f ms, started %s%n", k + 1, i, i % 1000,
                    firstOfDay[i] ? ", the learner's first" : "", ms(nanos[i]),
                    java.time.Instant.ofEpochMilli(startedAt[i]));
        }
    }

    /** Garbage collection pauses so far and their total time in ms (G1's concurrent cycles left out). */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector.getName().contains("Concurrent")) {
                continue;
            }
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] { count, millis };
    }

    private static long[] select(long[] nanos, boolean[] marks, boolean marked) {
        return java.util.stream.IntStream.range(0, nanos.length).filter(i -> marks[i] == marked).mapToLong(i -> nanos[i])
                .toArray();
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-40s p50 %6.2f ms, p90 %6.2f ms, p99 %6.2f ms, max %7.2f ms (%d events)%n", what,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) (sorted.length * 0.9)]),
                ms(sorted[(int) (sorted.length * 0.99)]), ms(sorted[sorted.length - 1]), sorted.length);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
