package org.glossa.gamification.league;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leaderboards as Redis sorted sets, one per board, holding the learner ids with minus their XP as the score:
 * ascending order is then XP descending and, among equal scores, the ids in ascending byte order, which is the
 * database's order (see {@link Board}). Keys live under a namespace stored in the database, so that boards of
 * another database on the same Redis never mix in. Each XP entry is applied once (a marker key per entry), and
 * weekly boards expire {@code weekly-retention} after their week.
 */
class RedisLeaderboards implements Leaderboards {

    private static final Logger log = LoggerFactory.getLogger(RedisLeaderboards.class);

    /** KEYS: the entry's marker, then the boards. ARGV: amount, member, marker TTL, then each board's TTL (0: none). */
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then return 0 end
            for i = 2, #KEYS do
              redis.call('ZINCRBY', KEYS[i], -tonumber(ARGV[1]), ARGV[2])
              local ttl = tonumber(ARGV[i + 2])
              if ttl > 0 then redis.call('EXPIRE', KEYS[i], ttl) end
            end
            return 1
            """, Long.class);

    /** Takes back a count (its transaction rolled back) if its marker is there; a member left at 0 XP leaves. */
    private static final RedisScript<Long> UNCOUNT = RedisScript.of("""
            if redis.call('DEL', KEYS[1]) == 0 then return 0 end
            for i = 2, #KEYS do
              if tonumber(redis.call('ZINCRBY', KEYS[i], tonumber(ARGV[1]), ARGV[2])) == 0 then
                redis.call('ZREM', KEYS[i], ARGV[2])
              end
            end
            return 1
            """, Long.class);

    /** One round trip: the page, the learner's rank (-1: absent) and score, and the board's size. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> PAGE = RedisScript.of("""
            local rows = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2], 'WITHSCORES')
            local rank = redis.call('ZRANK', KEYS[1], ARGV[3])
            local score = redis.call('ZSCORE', KEYS[1], ARGV[3])
            return {rows, rank or -1, score or '0', redis.call('ZCARD', KEYS[1])}
            """, List.class);

    private final StringRedisTemplate redis;
    private final ReactiveStringRedisTemplate sent;
    private final Duration replyTimeout;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LeaderboardSettings settings;
    private volatile String prefix;

    RedisLeaderboards(StringRedisTemplate redis, JdbcClient jdbc, Clock clock, LeaderboardSettings settings) {
        this.redis = redis;
        // Counting sends its script without waiting for the reply (see counted): Lettuce, Spring Boot's client, can.
        if (!(redis.getConnectionFactory() instanceof ReactiveRedisConnectionFactory reactive)) {
            throw new IllegalStateException("Redis leaderboards need a reactive Redis client (Lettuce)");
        }
        this.sent = new ReactiveStringRedisTemplate(reactive);
        this.replyTimeout = reactive instanceof LettuceConnectionFactory lettuce
                ? lettuce.getClientConfiguration().getCommandTimeout() : Duration.ofSeconds(60);
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Written counted(UUID entryId, UUID userId, int amount, List<Board> boards) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        keys.add(prefix() + "seen:" + entryId);
        args.add(Integer.toString(amount));
        args.add(userId.toString());
        args.add(Long.toString(settings.replayWindow().toSeconds()));
        for (Board board : boards) {
            long ttl = ttlSeconds(board);
            if (ttl < 0) {
                continue; // a weekly board already past its retention: only the database keeps it
            }
            keys.add(key(board));
            args.add(Long.toString(ttl));
        }
        // Sent now (subscribing sends it); the caller goes on with the database and awaits the reply before commit.
        return undoable(keys, amount, userId, sent.execute(COUNT, keys, args).next().toFuture());
    }

    private Written undoable(List<String> keys, int amount, UUID userId, CompletableFuture<Long> reply) {
        return new Written() {
            @Override
            public void await() {
                awaitReply(reply, replyTimeout);
            }

            @Override
            public void undo() {
                try {
                    await();
                } catch (RuntimeException e) {
                    // Not applied, or unknown: undoing finds no marker in the first case, and takes it back in the second.
                }
                redis.execute(UNCOUNT, keys, Integer.toString(amount), userId.toString());
            }
        };
    }

    /**
     * Waits for a reply as long as a blocking Redis command would (Lettuce's command timeout): the count is awaited
     * inside a reaction that holds the learner's row lock, which an unanswered reply must not hold for good.
     */
    static <T> T awaitReply(CompletableFuture<T> reply, Duration timeout) {
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new RedisSystemException("The leaderboard count failed in Redis", e.getCause());
        } catch (TimeoutException e) {
            throw new QueryTimeoutException("Redis did not answer the leaderboard count within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("Interrupted while waiting for Redis to answer the leaderboard count");
        }
    }

    @Override
    public void removed(UUID userId, List<Board> boards) {
        for (Board board : boards) {
            redis.opsForZSet().remove(key(board), userId.toString());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page page(Board board, int page, int size, UUID me) {
        long start = (long) page * size;
        List<Object> result = redis.execute(PAGE, List.of(key(board)), Long.toString(start),
                Long.toString(start + size - 1), me.toString());
        List<Object> flat = (List<Object>) result.get(0);
        List<Row> rows = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            rows.add(new Row(start + i / 2 + 1, UUID.fromString((String) flat.get(i)), xp(flat.get(i + 1))));
        }
        long rank = ((Number) result.get(1)).longValue();
        Row mine = rank < 0 ? null : new Row(rank + 1, me, xp(result.get(2)));
        return new Page(rows, ((Number) result.get(3)).longValue(), mine);
    }

    /** Rewrites every board from the database (after Redis lost its data, or on a new Redis). */
    void rebuild() {
        List<Board> boards = jdbc.sql("select distinct period, scope from gamification_board_score")
                .query((rs, n) -> new Board(rs.getString("period"), rs.getString("scope"))).list();
        int members = 0;
        for (Board board : boards) {
            long ttl = ttlSeconds(board);
            String key = key(board);
            redis.delete(key);
            if (ttl < 0) {
                continue;
            }
            Set<TypedTuple<String>> batch = new HashSet<>();
            List<Object[]> scores = jdbc.sql("select user_id, xp from gamification_board_score where period = :p and scope = :s")
                    .param("p", board.period()).param("s", board.scope())
                    .query((rs, n) -> new Object[] { rs.getString("user_id"), rs.getLong("xp") }).list();
            for (Object[] score : scores) {
                batch.add(TypedTuple.of((String) score[0], -((Long) score[1]).doubleValue()));
                if (batch.size() == 10_000) {
                    redis.opsForZSet().add(key, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                redis.opsForZSet().add(key, batch);
            }
            if (ttl > 0) {
                redis.expire(key, Duration.ofSeconds(ttl));
            }
            members += scores.size();
        }
        redis.opsForValue().set(prefix() + "built", clock.instant().toString());
        log.info("Rebuilt {} leaderboards ({} scores) in Redis from the database", boards.size(), members);
    }

    /** Rebuilds when this database's boards are missing from Redis: a new Redis, or one that lost its data. */
    void rebuildIfMissing() {
        if (!Boolean.TRUE.equals(redis.hasKey(prefix() + "built"))) {
            rebuild();
        }
    }

    String key(Board board) {
        return prefix() + board.period() + ":" + board.scope();
    }

    /** Seconds a board is kept: 0 for ever (all time), negative when a weekly board is already past it. */
    private long ttlSeconds(Board board) {
        if (!board.weekly()) {
            return 0;
        }
        return Math.max(-1, Duration.between(clock.instant(), board.endsAt().plus(settings.weeklyRetention()))
                .toSeconds());
    }

    private static long xp(Object score) {
        return -Math.round(Double.parseDouble(score.toString()));
    }

    private String prefix() {
        String known = prefix;
        if (known == null) {
            jdbc.sql("insert into gamification_board_namespace (id, namespace) values (1, :n) on conflict do nothing")
                    .param("n", UUID.randomUUID()).update();
            known = "glossa:board:" + jdbc.sql("select namespace from gamification_board_namespace where id = 1")
                    .query(UUID.class).single() + ":";
            prefix = known;
        }
        return known;
    }
}
