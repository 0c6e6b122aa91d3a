package org.glossa.shared.ratelimit;

import java.time.Duration;

/**
 * Counts requests per key in fixed windows. Shared between server nodes when Redis is configured,
 * per node otherwise (the embedded default runs one node).
 */
public interface RequestLimiter {

    /** Counts one request for the key and says whether it is within the limit. */
    Decision tryAcquire(String key, int limit, Duration window);

    record Decision(boolean allowed, Duration retryAfter) {

        static Decision allow() {
            return new Decision(true, Duration.ZERO);
        }
    }
}
