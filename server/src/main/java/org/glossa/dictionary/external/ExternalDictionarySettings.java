package org.glossa.dictionary.external;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outside dictionary API ({@code glossa.dictionary.external.*}), asked on a search miss. Off unless
 * {@code base-url} is set, in every mode (embedded included): Glossa never calls out by default.
 *
 * @param baseUrl where the Free Dictionary API (or a service answering in its format) lives, such as
 *                {@code https://api.dictionaryapi.dev}; requests go to {@code <base-url>/api/v2/entries/<lang>/<word>}
 * @param languages the languages it is asked about
 * @param source the name stored with every entry it gives
 * @param license the license stored with every entry it gives (each response's own licenses stay in its document)
 * @param connectTimeout time to open a connection
 * @param requestTimeout time for a whole answer, per attempt
 * @param maxAttempts attempts per lookup (timeouts, 5xx and 429 are retried)
 * @param deadline the longest one lookup may take, retries and waits included: a learner's search waits for it
 * @param backoff wait before the second attempt; it doubles for each further one
 * @param maxRetryAfter the longest {@code Retry-After} of a 429 that a lookup waits for; longer ones end the lookup,
 *                      and no call goes out until that time has passed
 * @param failureThreshold failed calls in a row that open the circuit
 * @param openFor how long an open circuit refuses calls before one trial call
 * @param requestsPerMinute calls this node makes per minute at most (beyond: answered from what is stored)
 * @param cacheTtl how long an answer with entries is remembered
 * @param negativeCacheTtl how long "No Definitions Found" is remembered
 * @param cacheSize answers remembered in process (without Redis)
 */
@ConfigurationProperties("glossa.dictionary.external")
public record ExternalDictionarySettings(String baseUrl, @DefaultValue("en") List<String> languages,
        @DefaultValue("free-dictionary-api") String source, @DefaultValue("CC BY-SA 3.0") String license,
        @DefaultValue("1s") Duration connectTimeout, @DefaultValue("2s") Duration requestTimeout,
        @DefaultValue("3") int maxAttempts, @DefaultValue("5s") Duration deadline, @DefaultValue("200ms") Duration backoff,
        @DefaultValue("2s") Duration maxRetryAfter, @DefaultValue("5") int failureThreshold,
        @DefaultValue("30s") Duration openFor, @DefaultValue("60") int requestsPerMinute,
        @DefaultValue("7d") Duration cacheTtl, @DefaultValue("1d") Duration negativeCacheTtl,
        @DefaultValue("10000") int cacheSize) {
}
