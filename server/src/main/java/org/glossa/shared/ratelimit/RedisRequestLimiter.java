package org.glossa.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Fixed-window counters in Redis, shared by every server node. */
class RedisRequestLimiter implements RequestLimiter {

    /** Increments and sets the expiry in one step, so a counter never outlives its window. */
    private static final RedisScript<Long> INCREMENT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count
            """, Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    RedisRequestLimiter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String key, int limit, Duration window) {
        long now = clock.millis();
        long windowMillis = window.toMillis();
        long index = now / windowMillis;
        Long count = redis.execute(INCREMENT, List.of("glossa:rate:" + key + ":" + index),
                Long.toString(windowMillis + 1000));
        if (count == null || count <= limit) {
            return Decision.allow();
        }
        return new Decision(false, Duration.ofMillis((index + 1) * windowMillis - now));
    }
}
