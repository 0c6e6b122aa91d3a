package org.glossa.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared limiter against the real Redis named by SPRING_DATA_REDIS_URL; skipped where none is configured. */
class RedisRequestLimiterIntegrationTests {

    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;

    @BeforeEach
    void connect() {
        String url = System.getenv("SPRING_DATA_REDIS_URL");
        if (url == null || url.isBlank()) {
            System.err.println("SKIPPED RedisRequestLimiterIntegrationTests: Redis is not configured (set SPRING_DATA_REDIS_URL)");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "Redis is not configured: set SPRING_DATA_REDIS_URL to run the Redis tests");
        java.net.URI uri = java.net.URI.create(url);
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(),
                uri.getPort() < 0 ? 6379 : uri.getPort()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterEach
    void disconnect() {
        if (connections != null) {
            connections.destroy();
        }
    }

    @Test
    void countsPerKeyAcrossInstancesSharingRedis() {
        var clock = new InMemoryRequestLimiterTests.MutableClock(Instant.parse("2026-11-22T10:00:30Z"));
        RequestLimiter nodeA = new RedisRequestLimiter(redis, clock);
        RequestLimiter nodeB = new RedisRequestLimiter(redis, clock);
        String key = "test-" + UUID.randomUUID();

        assertThat(nodeA.tryAcquire(key, 2, Duration.ofMinutes(1)).allowed()).isTrue();
        assertThat(nodeB.tryAcquire(key, 2, Duration.ofMinutes(1)).allowed()).isTrue();
        RequestLimiter.Decision third = nodeA.tryAcquire(key, 2, Duration.ofMinutes(1));

        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        Long ttl = redis.getExpire("glossa:rate:" + key + ":" + (clock.now.toEpochMilli() / 60_000));
        assertThat(ttl).isBetween(1L, 61L);

        clock.now = clock.now.plusSeconds(30);
        assertThat(nodeB.tryAcquire(key, 2, Duration.ofMinutes(1)).allowed()).isTrue();
    }
}
