package org.glossa.dictionary.external;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outside dictionary's answers in the real Redis named by SPRING_DATA_REDIS_URL; skipped where none is configured. */
class AnswerCacheRedisIntegrationTests {

    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;

    @BeforeEach
    void connect() {
        String url = System.getenv("SPRING_DATA_REDIS_URL");
        if (url == null || url.isBlank()) {
            System.err.println("SKIPPED AnswerCacheRedisIntegrationTests: Redis is not configured (set SPRING_DATA_REDIS_URL)");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "Redis is not configured: set SPRING_DATA_REDIS_URL to run the Redis tests");
        connections = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url));
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
    void answersAndNoDefinitionsFoundAreSharedWithTheirOwnLifetimes() {
        ExternalDictionarySettings settings = new ExternalDictionarySettings("http://unused", List.of("en"), "s", "l",
                Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(5), 5,
                Duration.ofSeconds(30), 60, Duration.ofDays(7), Duration.ofDays(1), 100);
        AnswerCache nodeA = AnswerCache.redis(redis, settings);
        AnswerCache nodeB = AnswerCache.redis(redis, settings);
        String found = "test-" + UUID.randomUUID();
        String missing = "test-" + UUID.randomUUID();

        nodeA.put(found, new Answer.Found("[{\"word\":\"hello\"}]"));
        nodeA.put(missing, new Answer.NotFound());
        nodeA.put("test-unavailable", new Answer.Unavailable("down"));

        assertThat(nodeB.get(found)).contains(new Answer.Found("[{\"word\":\"hello\"}]"));
        assertThat(nodeB.get(missing)).contains(new Answer.NotFound());
        assertThat(nodeB.get("test-unavailable")).isEmpty();
        assertThat(redis.getExpire(AnswerCache.Redis.PREFIX + found)).isBetween(Duration.ofDays(6).toSeconds(),
                Duration.ofDays(7).toSeconds());
        assertThat(redis.getExpire(AnswerCache.Redis.PREFIX + missing)).isBetween(Duration.ofHours(23).toSeconds(),
                Duration.ofDays(1).toSeconds());
        redis.delete(List.of(AnswerCache.Redis.PREFIX + found, AnswerCache.Redis.PREFIX + missing));
    }
}
