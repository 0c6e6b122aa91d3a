package org.glossa.shared.ratelimit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnBooleanProperty("glossa.redis.enabled")
    RequestLimiter redisRequestLimiter(StringRedisTemplate redis, Clock clock) {
        return new RedisRequestLimiter(redis, clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "glossa.redis.enabled", havingValue = false, matchIfMissing = true)
    RequestLimiter inMemoryRequestLimiter(Clock clock) {
        return new InMemoryRequestLimiter(clock);
    }
}
