package org.glossa.shared.runtime;

import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

import static org.assertj.core.api.Assertions.assertThat;

/** An entry put in the cache is there for the very next read (with Redis, the write is done when put returns). */
@GlossaIntegrationTest
class CacheWritesIntegrationTests {

    @Autowired
    CacheManager caches;
    @Value("${glossa.redis.enabled}")
    boolean redis;

    @Test
    void aReadRightAfterAPutFindsTheEntry() {
        Assumptions.assumeTrue(redis, "writes are asynchronous only in the Redis cache; without Redis the cache is in process");
        Cache cache = caches.getCache("glossa-test-writes");
        assertThat(cache).isNotNull();
        int missed = 0;
        for (int i = 0; i < 2000; i++) {
            String key = UUID.randomUUID().toString();
            cache.put(key, "value " + i);
            if (cache.get(key, String.class) == null) {
                missed++;
            }
        }
        cache.clear();
        assertThat(missed).as("reads right after their put that missed the entry, of 2000").isZero();
    }
}
