package org.glossa.dictionary.external;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the Free Dictionary API ({@code GET <base>/api/v2/entries/<lang>/<word>}) about one word, carefully: answers
 * come from the cache first (negative ones too); a node makes at most {@code requests-per-minute} calls; each call
 * has a timeout; timeouts, 5xx and 429 are retried with a doubling backoff (a 429's {@code Retry-After} is honoured,
 * and no call goes out before it has passed); a circuit breaker stops calling a service that keeps failing and tries
 * it again after a while. Nothing here throws: whatever goes wrong is an {@link Answer.Unavailable}.
 */
final class FreeDictionaryClient {

    private static final Logger log = LoggerFactory.getLogger(FreeDictionaryClient.class);

    /** How the client waits between attempts; tests record the waits instead. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final ExternalDictionarySettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final Pause pause;
    private final AnswerCache cache;
    private final JsonMapper json;
    private final CircuitBreaker breaker;
    private final Bucket bucket;
    private volatile Instant notBefore = Instant.MIN;

    FreeDictionaryClient(ExternalDictionarySettings settings, Clock clock, Pause pause, AnswerCache cache, JsonMapper json) {
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
        this.cache = cache;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.breaker = new CircuitBreaker(clock, settings.failureThreshold(), settings.openFor());
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.requestsPerMinute())
                        .refillGreedy(settings.requestsPerMinute(), Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        Instant now = clock.instant();
                        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
    }

    CircuitBreaker.State circuit() {
        return breaker.state();
    }

    Answer lookup(String language, String word) {
        String normalized = Normalizer.normalize(word.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String key = language + ":" + normalized;
        Optional<Answer> cached = cached(key);
        log.debug("Outside dictionary lookup {}: cached {}", key, cached);
        if (cached.isPresent()) {
            return cached.get();
        }
        Answer answer = ask(language, normalized);
        if (!(answer instanceof Answer.Unavailable)) {
            remember(key, answer);
        } else {
            log.debug("Outside dictionary gave no answer for {}:{}: {}", language, normalized,
                    ((Answer.Unavailable) answer).reason());
        }
        return answer;
    }

    private Answer ask(String language, String word) {
        URI uri = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/api/v2/entries/"
                + URLEncoder.encode(language, StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(word, StandardCharsets.UTF_8).replace("+", "%20"));
        String reason = "no attempt made";
        Instant deadline = clock.instant().plus(settings.deadline());
        for (int attempt = 1; attempt <= Math.max(1, settings.maxAttempts()); attempt++) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (!left.isPositive()) {
                return new Answer.Unavailable(reason + "; no time left for another attempt");
            }
            if (clock.instant().isBefore(notBefore)) {
                return new Answer.Unavailable("the service asked to wait until " + notBefore);
            }
            if (!breaker.tryAcquire()) {
                return new Answer.Unavailable("circuit open after repeated failures");
            }
            if (!bucket.tryConsume(1)) {
                breaker.release(); // nothing was tried
                return new Answer.Unavailable("more than " + settings.requestsPerMinute() + " requests a minute");
            }
            Duration wait = backoff(attempt);
            try {
                HttpResponse<String> response = send(uri, left.compareTo(settings.requestTimeout()) < 0 ? left
                        : settings.requestTimeout());
                int status = response.statusCode();
                log.debug("Outside dictionary {} answered {} on attempt {}", uri, status, attempt);
                if (status == 200) {
                    if (isEntryArray(response.body())) {
                        breaker.onSuccess();
                        return new Answer.Found(response.body());
                    }
                    breaker.onFailure();
                    return new Answer.Unavailable("a 200 answer that is not a list of entries");
                }
                if (status == 404) {
                    if (isNoDefinitions(response.body())) {
                        breaker.onSuccess();
                        return new Answer.NotFound();
                    }
                    breaker.onFailure();
                    return new Answer.Unavailable("a 404 that is not the service's 'No Definitions Found'");
                }
                if (status == 429) {
                    breaker.onFailure();
                    Duration retryAfter = retryAfter(response).orElse(wait);
                    notBefore = clock.instant().plus(retryAfter);
                    if (retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
                        return new Answer.Unavailable("rate limited by the service for " + retryAfter);
                    }
                    reason = "rate limited by the service (429)";
                    wait = retryAfter;
                } else if (status >= 500) {
                    breaker.onFailure();
                    reason = "server error " + status;
                } else {
                    breaker.onSuccess(); // the service is up; this request will not get better by repeating it
                    return new Answer.Unavailable("unexpected status " + status);
                }
            } catch (TimeoutException e) {
                breaker.onFailure();
                reason = "no answer within " + settings.requestTimeout();
            } catch (ExecutionException e) {
                breaker.onFailure();
                reason = e.getCause() instanceof HttpTimeoutException ? "no answer within " + settings.requestTimeout()
                        : "request failed: " + e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                breaker.onFailure();
                return new Answer.Unavailable("interrupted");
            }
            if (attempt < settings.maxAttempts()) {
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    return new Answer.Unavailable(reason + "; waiting " + wait + " more would pass the deadline");
                }
                try {
                    pause.pause(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Answer.Unavailable("interrupted");
                }
            }
        }
        return new Answer.Unavailable(reason);
    }

    private HttpResponse<String> send(URI uri, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").header("User-Agent", "Glossa").GET().build();
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // The whole exchange, body included, within the timeout.
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw e;
        }
    }

    private Duration backoff(int attempt) {
        return settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration until = Duration.between(clock.instant(), at);
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private boolean isEntryArray(String body) {
        try {
            JsonNode tree = json.readTree(body);
            if (!tree.isArray() || tree.isEmpty()) {
                return false;
            }
            for (JsonNode entry : tree) {
                if (!entry.isObject() || !entry.path("word").isString()) {
                    return false;
                }
            }
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private boolean isNoDefinitions(String body) {
        try {
            return "No Definitions Found".equals(json.readTree(body).path("title").asString(null));
        } catch (JacksonException e) {
            return false;
        }
    }

    private Optional<Answer> cached(String key) {
        try {
            return cache.get(key);
        } catch (RuntimeException e) {
            log.warn("The outside dictionary's answer cache is unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    private void remember(String key, Answer answer) {
        try {
            cache.put(key, answer);
        } catch (RuntimeException e) {
            log.warn("The outside dictionary's answer cache is unavailable: {}", e.toString());
        }
    }
}
