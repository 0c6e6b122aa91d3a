package org.glossa.shared.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixed-window counters in this process, bounded in size; for a single node without Redis. */
class InMemoryRequestLimiter implements RequestLimiter {

    private final Clock clock;
    private final Cache<String, AtomicInteger> counters = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    InMemoryRequestLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String key, int limit, Duration window) {
        long now = clock.millis();
        long windowMillis = window.toMillis();
        long index = now / windowMillis;
        int count = counters.get(key + ":" + index, k -> new AtomicInteger()).incrementAndGet();
        if (count <= limit) {
            return Decision.allow();
        }
        return new Decision(false, Duration.ofMillis((index + 1) * windowMillis - now));
    }
}
