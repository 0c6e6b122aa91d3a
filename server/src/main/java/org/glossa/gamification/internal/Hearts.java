package org.glossa.gamification.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A learner's hearts, immutable: {@code since} is the instant the next heart's wait started (null when full).
 * One heart comes back per {@code period} elapsed, computed when asked, so no timer runs per learner.
 */
record Hearts(int current, Instant since) {

    Hearts refreshed(Instant now, int max, Duration period) {
        if (current >= max || since == null) {
            return new Hearts(Math.min(current, max), current >= max ? null : now);
        }
        long back = Math.max(0, Duration.between(since, now).toNanos() / period.toNanos());
        int hearts = (int) Math.min(max, current + back);
        return hearts >= max ? new Hearts(max, null) : new Hearts(hearts, since.plus(period.multipliedBy(back)));
    }

    Hearts lose(Instant now, int max, Duration period) {
        Hearts h = refreshed(now, max, period);
        if (h.current == 0) {
            return h;
        }
        return new Hearts(h.current - 1, h.since != null ? h.since : now);
    }

    Hearts gain(int hearts, Instant now, int max, Duration period) {
        Hearts h = refreshed(now, max, period);
        int next = Math.min(max, h.current + hearts);
        return next >= max ? new Hearts(max, null) : new Hearts(next, h.since);
    }

    Instant nextRefillAt(Duration period) {
        return since == null ? null : since.plus(period);
    }
}
