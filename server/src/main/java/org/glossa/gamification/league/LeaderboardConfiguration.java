package org.glossa.gamification.league;

import java.time.Clock;
import org.glossa.shared.runtime.Database;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Redis sorted sets where Redis is configured ({@code glossa.redis.enabled}), the database otherwise. */
@Configuration(proxyBeanMethods = false)
class LeaderboardConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("glossa.redis.enabled")
    static class Redis {

        @Bean
        RedisLeaderboards redisLeaderboards(StringRedisTemplate redis, JdbcClient jdbc, Clock clock,
                LeaderboardSettings settings) {
            return new RedisLeaderboards(redis, jdbc, clock, settings);
        }

        /** A Redis that lost this database's boards (or a new one) gets them back from the database at start. */
        @EventListener(ApplicationReadyEvent.class)
        void rebuild(ApplicationReadyEvent ready) {
            ready.getApplicationContext().getBean(RedisLeaderboards.class).rebuildIfMissing();
            ready.getApplicationContext().getBean(RankIndex.class).drop();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "glossa.redis.enabled", havingValue = false, matchIfMissing = true)
    static class InTheDatabase {

        @Bean
        DatabaseLeaderboards databaseLeaderboards(JdbcClient jdbc) {
            return new DatabaseLeaderboards(jdbc);
        }

        /** The database ranks the boards: with its index, made at start where a Redis deployment dropped it. */
        @EventListener(ApplicationReadyEvent.class)
        void rankIndex(ApplicationReadyEvent ready) {
            ready.getApplicationContext().getBean(RankIndex.class).keep();
        }
    }

    @Bean
    RankIndex rankIndex(JdbcClient jdbc, TransactionTemplate transactions, Database database) {
        return new RankIndex(jdbc, transactions, database);
    }
}
