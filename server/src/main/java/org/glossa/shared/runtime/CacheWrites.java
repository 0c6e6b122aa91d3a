package org.glossa.shared.runtime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The Redis cache writes each entry before {@code put} returns. Spring Data Redis, given Lettuce, otherwise sends the
 * write asynchronously, so a read right after it could miss the entry: a language model request repeated at once
 * called the provider twice (seen in CI as the LLM cache test failing now and then, the entry present a moment later).
 */
@Configuration(proxyBeanMethods = false)
class CacheWrites {

    @Bean
    RedisCacheManagerBuilderCustomizer cacheWritesBeforePutReturns(ObjectProvider<RedisConnectionFactory> redis) {
        return builder -> builder.cacheWriter(RedisCacheWriter.create(redis.getObject(), writer -> writer.immediateWrites()));
    }
}
