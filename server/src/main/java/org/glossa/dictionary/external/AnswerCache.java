package org.glossa.dictionary.external;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Remembers the outside dictionary's answers, "No Definitions Found" included, so that a word is asked about
 * once per period however often learners look it up. In process, or in Redis (shared by every node) when Glossa
 * runs with Redis.
 */
interface AnswerCache {

    Optional<Answer> get(String key);

    void put(String key, Answer answer);

    static AnswerCache inProcess(ExternalDictionarySettings settings, Clock clock) {
        return new InProcess(settings, clock);
    }

    static AnswerCache redis(StringRedisTemplate redis, ExternalDictionarySettings settings) {
        return new Redis(redis, settings);
    }

    final class InProcess implements AnswerCache {

        private final Cache<String, Answer> answers;

        InProcess(ExternalDictionarySettings settings, Clock clock) {
            this.answers = Caffeine.newBuilder().maximumSize(settings.cacheSize())
                    .ticker(() -> clock.millis() * 1_000_000L)
                    .expireAfter(Expiry.<String, Answer>creating((key, answer) -> answer instanceof Answer.NotFound
                            ? settings.negativeCacheTtl() : settings.cacheTtl()))
                    .build();
        }

        @Override
        public Optional<Answer> get(String key) {
            return Optional.ofNullable(answers.getIfPresent(key));
        }

        @Override
        public void put(String key, Answer answer) {
            if (!(answer instanceof Answer.Unavailable)) {
                answers.put(key, answer);
            }
        }
    }

    /** One Redis string per word: {@code 404}, or {@code 200:} and the body. */
    final class Redis implements AnswerCache {

        static final String PREFIX = "glossa:dictionary:external:";
        private static final String NOT_FOUND = "404";
        private static final String FOUND = "200:";

        private final StringRedisTemplate redis;
        private final ExternalDictionarySettings settings;

        Redis(StringRedisTemplate redis, ExternalDictionarySettings settings) {
            this.redis = redis;
            this.settings = settings;
        }

        @Override
        public Optional<Answer> get(String key) {
            String value = redis.opsForValue().get(PREFIX + key);
            if (value == null) {
                return Optional.empty();
            }
            return Optional.of(value.equals(NOT_FOUND) ? new Answer.NotFound()
                    : new Answer.Found(value.substring(FOUND.length())));
        }

        @Override
        public void put(String key, Answer answer) {
            switch (answer) {
                case Answer.Found found -> redis.opsForValue().set(PREFIX + key, FOUND + found.body(), settings.cacheTtl());
                case Answer.NotFound notFound -> redis.opsForValue().set(PREFIX + key, NOT_FOUND,
                        settings.negativeCacheTtl());
                case Answer.Unavailable unavailable -> {
                }
            }
        }
    }
}
