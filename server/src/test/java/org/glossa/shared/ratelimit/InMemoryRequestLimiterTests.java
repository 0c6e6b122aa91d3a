package org.glossa.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRequestLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final RequestLimiter limiter = new InMemoryRequestLimiter(clock);

    @Test
    void allowsTheLimitPerWindowAndSaysWhenTheNextWindowOpens() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a", 3, Duration.ofMinutes(1)).allowed()).isTrue();
        }
        clock.now = clock.now.plusSeconds(20);

        RequestLimiter.Decision refused = limiter.tryAcquire("a", 3, Duration.ofMinutes(1));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(limiter.tryAcquire("b", 3, Duration.ofMinutes(1)).allowed()).as("other keys").isTrue();

        clock.now = clock.now.plusSeconds(40);
        assertThat(limiter.tryAcquire("a", 3, Duration.ofMinutes(1)).allowed()).isTrue();
    }

    static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
