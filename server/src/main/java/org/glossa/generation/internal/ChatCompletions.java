package org.glossa.generation.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One exchange with an OpenAI-compatible {@code POST {base}/chat/completions}, spoken with the JDK's
 * HTTP client: 429 and 5xx answers and broken connections are retried with backoff (the provider's
 * {@code Retry-After} when it sends one) as long as the whole exchange fits in the timeout; an
 * exchange that still fails counts against the circuit breaker and is a 503 problem for the caller.
 */
class ChatCompletions {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletions.class);

    record Message(String role, String content) {
    }

    /** What the provider answered, with the tokens it counted and the waits it took to get there. */
    record Completion(String content, String model, long promptTokens, long completionTokens, int requests,
            List<Duration> waits) {
    }

    /** A failed request: counted in usage, then retried or reported. */
    interface Attempts {
        void failedRequest();
    }

    private final LlmSettings settings;
    private final HttpClient http;
    private final JsonMapper json;
    private final CircuitBreaker breaker;
    private final Pause pause;

    /** Waits between attempts; a seam so that tests could observe waits without sleeping (they assert the waits). */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    ChatCompletions(LlmSettings settings, HttpClient http, JsonMapper json, Clock clock, Pause pause) {
        this.settings = settings;
        this.http = http;
        this.json = json;
        this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerOpenFor(), clock);
        this.pause = pause;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Completion complete(List<Message> messages, JsonNode schema, String schemaName, Attempts attempts) {
        if (!breaker.allow()) {
            throw unavailable("The language model failed repeatedly and is paused until " + breaker.openUntil()
                    + "; try again later.");
        }
        String body = json.writeValueAsString(requestBody(messages, schema, schemaName));
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        List<Duration> waits = new ArrayList<>();
        String lastProblem = "no answer";
        int maxAttempts = Math.max(1, settings.maxAttempts());
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                lastProblem = "the timeout of " + settings.timeout() + " passed";
                break;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.chatCompletionsUrl()))
                    .timeout(Duration.ofNanos(remaining))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (StringUtils.hasText(settings.apiKey())) {
                request.header("Authorization", "Bearer " + settings.apiKey());
            }
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    Completion completion = parse(response.body(), attempt, waits);
                    breaker.succeeded();
                    return completion;
                }
                attempts.failedRequest();
                if (status != 429 && status < 500) {
                    // A refused request (bad key, unknown model, ...) does not get better by asking again.
                    breaker.failed();
                    log.warn("The language model refused a request with status {}: {}", status,
                            PromptTemplates.cut(response.body(), 300));
                    throw unavailable("The language model refused the request (status " + status + ").");
                }
                lastProblem = "status " + status;
                wait = retryAfter(response).orElse(backoff(attempt));
            } catch (HttpTimeoutException e) {
                attempts.failedRequest();
                lastProblem = "the timeout of " + settings.timeout() + " passed";
                break;
            } catch (IOException e) {
                attempts.failedRequest();
                lastProblem = "connection failed (" + e.getClass().getSimpleName() + ")";
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastProblem = "interrupted";
                break;
            } catch (MalformedCompletion e) {
                attempts.failedRequest();
                lastProblem = e.getMessage();
                wait = backoff(attempt);
            }
            if (attempt == maxAttempts) {
                break;
            }
            if (System.nanoTime() + wait.toNanos() >= deadline) {
                lastProblem += ", and waiting " + wait + " more would pass the timeout of " + settings.timeout();
                break;
            }
            waits.add(wait);
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastProblem = "interrupted";
                break;
            }
        }
        breaker.failed();
        log.warn("The language model at {} is unavailable: {}", settings.baseUrl(), lastProblem);
        throw unavailable("The language model is unavailable (" + lastProblem + "); try again later.");
    }

    private ObjectNode requestBody(List<Message> messages, JsonNode schema, String schemaName) {
        ObjectNode request = json.createObjectNode();
        request.put("model", settings.model());
        request.put("temperature", settings.temperature());
        ArrayNode list = request.putArray("messages");
        for (Message message : messages) {
            list.addObject().put("role", message.role()).put("content", message.content());
        }
        if (schema != null) {
            switch (settings.responseFormat()) {
                case "json_schema" -> {
                    ObjectNode format = request.putObject("response_format");
                    format.put("type", "json_schema");
                    ObjectNode jsonSchema = format.putObject("json_schema");
                    jsonSchema.put("name", schemaName);
                    jsonSchema.set("schema", schema);
                }
                case "json_object" -> request.putObject("response_format").put("type", "json_object");
                default -> {
                }
            }
        }
        return request;
    }

    private static final class MalformedCompletion extends RuntimeException {
        MalformedCompletion(String message) {
            super(message, null, false, false);
        }
    }

    private Completion parse(String body, int requests, List<Duration> waits) {
        JsonNode reply;
        try {
            reply = json.readTree(body);
        } catch (RuntimeException e) {
            throw new MalformedCompletion("the provider's answer is not JSON");
        }
        JsonNode content = reply.path("choices").path(0).path("message").path("content");
        if (!content.isString()) {
            throw new MalformedCompletion("the provider's answer has no choices[0].message.content");
        }
        JsonNode usage = reply.path("usage");
        return new Completion(content.asString(), reply.path("model").asString(settings.model()),
                usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0), requests,
                List.copyOf(waits));
    }

    /** Retry-After in seconds or as an HTTP date. */
    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(java.time.Instant.now(), at.toInstant());
                    return java.util.Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (RuntimeException unreadable) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private Duration backoff(int attempt) {
        return settings.retryBackoff().multipliedBy(1L << Math.min(10, attempt - 1));
    }

    static ApiProblem unavailable(String detail) {
        return ApiProblem.of(ProblemKind.UNAVAILABLE, detail);
    }
}
