package org.glossa.gamification.league;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times one leaderboard page (20 rows) with the learner's own rank and XP, among 1,000,000 learners, from Redis
 * through {@link RedisLeaderboards} (one script call, one round trip). Not a test: run it with
 * {@code bash benchmarks/leagues/run.sh leaderboard}. Uses Redis database 12 (REDIS_URL to change) and flushes only
 * that database, before and after. Prints mean, median, 99th percentile and maximum.
 */
public final class LeaderboardPageBenchmark {

    static final int LEARNERS = 1_000_000;

    public static void main(String[] args) {
        URI url = URI.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379/12"));
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(url.getHost(),
                url.getPort() < 0 ? 6379 : url.getPort());
        configuration.setDatabase(url.getPath() == null || url.getPath().length() < 2 ? 12
                : Integer.parseInt(url.getPath().substring(1)));
        LettuceConnectionFactory connections = new LettuceConnectionFactory(configuration);
        connections.afterPropertiesSet();
        connections.start();
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        // The namespace of the boards lives in the database: an in-memory one here.
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("create table gamification_board_namespace (id integer not null primary key, namespace uuid not null)")
                .update();
        try {
            flush(redis, configuration.getDatabase());
            run(redis, jdbc);
        } finally {
            flush(redis, configuration.getDatabase());
            connections.destroy();
        }
    }

    private static void flush(StringRedisTemplate redis, int database) {
        redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        System.out.println("flushed Redis database " + database);
    }

    private static void run(StringRedisTemplate redis, JdbcClient jdbc) {
        RedisLeaderboards boards = new RedisLeaderboards(redis, jdbc, Clock.systemUTC(),
                new LeaderboardSettings(20, 100, Duration.ofDays(1), Duration.ofDays(30)));
        Board board = Board.allTime(null);
        String key = boards.key(board);
        Random random = new Random(7);
        UUID[] learners = new UUID[LEARNERS];
        long seeding = System.nanoTime();
        Set<TypedTuple<String>> batch = new HashSet<>();
        for (int i = 0; i < LEARNERS; i++) {
            learners[i] = new UUID(random.nextLong(), random.nextLong());
            // XP from 0 to 99,999: about ten learners share each score, so the tie-break is exercised.
            batch.add(TypedTuple.of(learners[i].toString(), -(double) random.nextInt(100_000)));
            if (batch.size() == 10_000) {
                redis.opsForZSet().add(key, batch);
                batch.clear();
            }
        }
        System.out.printf("seeded %,d learners in %.1f s (board size %,d)%n", LEARNERS,
                (System.nanoTime() - seeding) / 1e9, redis.opsForZSet().zCard(key));

        int warmup = 5_000;
        int measured = 20_000;
        long[] nanos = new long[measured];
        long checksum = 0;
        for (int i = 0; i < warmup + measured; i++) {
            UUID me = learners[random.nextInt(LEARNERS)];
            int page = random.nextInt(1_000); // anywhere in the first 20,000 ranks
            long start = System.nanoTime();
            Leaderboards.Page result = boards.page(board, page, 20, me);
            long took = System.nanoTime() - start;
            checksum += result.rows().size() + result.me().rank();
            if (i >= warmup) {
                nanos[i - warmup] = took;
            }
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf("leaderboard page (20 rows) + own rank among %,d, %,d calls: mean %.3f ms, p50 %.3f ms, "
                + "p99 %.3f ms, max %.3f ms (checksum %d)%n", LEARNERS, measured, mean, nanos[measured / 2] / 1e6,
                nanos[(int) (measured * 0.99)] / 1e6, nanos[measured - 1] / 1e6, checksum);
    }
}
