package org.glossa.generation.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;

/**
 * The reply cache: Spring's cache abstraction, which the application sets to Caffeine in process or to
 * Redis when Redis is configured (see GlossaEnvironment). Only this module's cache is shaped here.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class GenerationConfiguration {

    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> generationCaffeineCache(LlmSettings settings) {
        return manager -> manager.registerCustomCache(LlmGateway.CACHE,
                Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(settings.cacheTtl()).build());
    }

    @Bean
    RedisCacheManagerBuilderCustomizer generationRedisCache(LlmSettings settings) {
        return builder -> builder.withCacheConfiguration(LlmGateway.CACHE,
                RedisCacheConfiguration.defaultCacheConfig().entryTtl(settings.cacheTtl()));
    }
}
