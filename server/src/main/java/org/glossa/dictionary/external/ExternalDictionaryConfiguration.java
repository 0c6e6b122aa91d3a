package org.glossa.dictionary.external;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The outside dictionary exists only where {@code glossa.dictionary.external.base-url} is set; Glossa never calls out by default. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${glossa.dictionary.external.base-url:}'.isBlank()")
class ExternalDictionaryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExternalDictionaryConfiguration.class);

    @Bean
    FreeDictionary freeDictionary(ExternalDictionarySettings settings, Clock clock, JsonMapper json,
            @Value("${glossa.redis.enabled:false}") boolean redisEnabled, ObjectProvider<StringRedisTemplate> redis) {
        AnswerCache cache = redisEnabled ? AnswerCache.redis(redis.getObject(), settings)
                : AnswerCache.inProcess(settings, clock);
        log.info("Search misses in {} are looked up at {} (answers cached {})", settings.languages(), settings.baseUrl(),
                redisEnabled ? "in Redis" : "in process");
        FreeDictionaryClient client = new FreeDictionaryClient(settings, clock, duration -> Thread.sleep(duration),
                cache, json);
        return new FreeDictionary(settings, client, json);
    }
}
