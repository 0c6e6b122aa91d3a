package org.glossa.generation.internal;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * The one way to the language model: renders a named template, answers from the cache when the same
 * template version, model and inputs were asked before, takes the learner's and the global daily
 * quota, calls the provider (retries, timeout, circuit breaker: {@link ChatCompletions}), validates
 * structured replies against their schema with one repair attempt, and accounts usage per task and day.
 */
@Component
class LlmGateway {

    static final String CACHE = "glossa-generation";

    private static final Logger log = LoggerFactory.getLogger(LlmGateway.class);

    /** Who asks: the task (for usage and the template) and the learner whose quota it spends, if any. */
    record Caller(String task, UUID learnerId) {
    }

    /** A reply: plain text, or validated JSON in {@code data}; {@code waits} are the backoffs it took. */
    record Generated(String text, JsonNode data, String generator, boolean cached, List<Duration> waits) {
    }

    /** A structured reply that failed validation twice: recorded, reported, never stored as content. */
    static final class InvalidReply extends RuntimeException {

        private final UUID failureId;
        private final List<String> errors;

        InvalidReply(UUID failureId, List<String> errors) {
            super("The language model's reply did not match the schema twice: " + String.join("; ", errors), null, false,
                    false);
            this.failureId = failureId;
            this.errors = List.copyOf(errors);
        }

        UUID failureId() {
            return failureId;
        }

        List<String> errors() {
            return errors;
        }
    }

    private final LlmSettings settings;
    private final PromptTemplates templates;
    private final ChatCompletions chat;
    private final CacheManager caches;
    private final Quotas quotas;
    private final Usage usage;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate separately;

    LlmGateway(LlmSettings settings, PromptTemplates templates, CacheManager caches, Quotas quotas, Usage usage,
            JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.templates = templates;
        this.quotas = quotas;
        this.usage = usage;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.caches = caches;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? settings.timeout()
                        : Duration.ofSeconds(10)).build();
        this.chat = new ChatCompletions(settings, http, json, clock, duration -> Thread.sleep(duration));
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
    }

    boolean configured() {
        return settings.configured();
    }

    String model() {
        return settings.model();
    }

    CircuitBreaker breaker() {
        return chat.breaker();
    }

    Generated text(String template, Map<String, String> inputs, Caller caller) {
        return generate(template, inputs, null, caller);
    }

    Generated json(String template, Map<String, String> inputs, JsonNode schema, Caller caller) {
        return generate(template, inputs, schema, caller);
    }

    private Generated generate(String template, Map<String, String> inputs, JsonNode schema, Caller caller) {
        PromptTemplates.Prompt prompt = templates.render(template, inputs, settings.maxInputChars());
        String key = cacheKey(prompt, schema);
        String hit = cached(key);
        if (hit != null) {
            usage.record(caller.task(), settings.model(), 0, 1, 0, 0, 0);
            return schema == null ? new Generated(hit, null, settings.model(), true, List.of())
                    : new Generated(null, json.readTree(hit), settings.model(), true, List.of());
        }
        Instant now = clock.instant();
        takeQuota(caller);
        List<ChatCompletions.Message> messages = new ArrayList<>();
        if (!prompt.system().isEmpty()) {
            messages.add(new ChatCompletions.Message("system", prompt.system()));
        }
        messages.add(new ChatCompletions.Message("user", prompt.user()));
        ChatCompletions.Completion first;
        try {
            first = complete(messages, schema, prompt.name(), caller);
        } catch (ApiProblem unavailable) {
            giveBack(caller, now);
            throw unavailable;
        }
        if (schema == null) {
            remember(key, first.content());
            return new Generated(first.content(), null, settings.model(), false, first.waits());
        }
        Parsed parsed = parse(first.content(), schema);
        List<Duration> waits = new ArrayList<>(first.waits());
        if (!parsed.errors().isEmpty()) {
            log.info("The {} reply did not match its schema ({}); asking once to repair it", template, parsed.errors());
            messages.add(new ChatCompletions.Message("assistant", first.content()));
            messages.add(new ChatCompletions.Message("user", "Your reply does not match the JSON schema:\n- "
                    + String.join("\n- ", parsed.errors())
                    + "\nReply again with only the corrected JSON object, nothing else."));
            ChatCompletions.Completion second = complete(messages, schema, prompt.name(), caller);
            waits.addAll(second.waits());
            Parsed repaired = parse(second.content(), schema);
            if (!repaired.errors().isEmpty()) {
                UUID failure = recordFailure(caller.task(), prompt, repaired.errors(), second.content());
                usage.record(caller.task(), settings.model(), 0, 0, 1, 0, 0);
                throw new InvalidReply(failure, repaired.errors());
            }
            parsed = repaired;
        }
        remember(key, json.writeValueAsString(parsed.value()));
        return new Generated(null, parsed.value(), settings.model(), false, List.copyOf(waits));
    }

    private ChatCompletions.Completion complete(List<ChatCompletions.Message> messages, JsonNode schema, String name,
            Caller caller) {
        ChatCompletions.Completion completion = chat.complete(messages, schema, name,
                () -> usage.record(caller.task(), settings.model(), 1, 0, 1, 0, 0));
        usage.record(caller.task(), settings.model(), 1, 0, 0, completion.promptTokens(), completion.completionTokens());
        return completion;
    }

    /** A cache that is down (Redis restarting) costs a provider call, never the request. */
    private String cached(String key) {
        try {
            Cache cache = caches.getCache(CACHE);
            return cache == null ? null : cache.get(key, String.class);
        } catch (RuntimeException e) {
            log.warn("The generation cache is unavailable: {}", e.toString());
            return null;
        }
    }

    private void remember(String key, String value) {
        try {
            Cache cache = caches.getCache(CACHE);
            if (cache != null) {
                cache.put(key, value);
            }
        } catch (RuntimeException e) {
            log.warn("The generation cache is unavailable: {}", e.toString());
        }
    }

    private void takeQuota(Caller caller) {
        if (caller.learnerId() != null) {
            Quotas.Take mine = quotas.takeForLearner(caller.learnerId(), Quotas.Kind.LLM_REQUESTS,
                    settings.learnerRequestsPerDay());
            if (!mine.taken()) {
                throw ApiProblem.rateLimited("Your daily allowance of " + mine.limit()
                        + " language model requests is used up; it renews at " + mine.resetsAt() + ".",
                        mine.retryAfter(clock)).with("resetsAt", mine.resetsAt().toString());
            }
        }
        Quotas.Take global = quotas.takeGlobal(Quotas.Kind.LLM_REQUESTS, settings.globalRequestsPerDay());
        if (!global.taken()) {
            if (caller.learnerId() != null) {
                quotas.giveBack(caller.learnerId().toString(), Quotas.Kind.LLM_REQUESTS, clock.instant());
            }
            throw ApiProblem.rateLimited("Glossa's daily allowance of " + global.limit()
                    + " language model requests is used up; it renews at " + global.resetsAt() + ".",
                    global.retryAfter(clock)).with("resetsAt", global.resetsAt().toString());
        }
    }

    private void giveBack(Caller caller, Instant takenAt) {
        if (caller.learnerId() != null) {
            quotas.giveBack(caller.learnerId().toString(), Quotas.Kind.LLM_REQUESTS, takenAt);
        }
        quotas.giveBack(Quotas.GLOBAL, Quotas.Kind.LLM_REQUESTS, takenAt);
    }

    private record Parsed(JsonNode value, List<String> errors) {
    }

    private Parsed parse(String content, JsonNode schema) {
        String text = content.strip();
        // Models often fence JSON in Markdown even when told not to; the fence is not part of the data.
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        JsonNode value;
        try {
            value = json.readTree(text);
        } catch (RuntimeException e) {
            return new Parsed(null, List.of("the reply is not valid JSON (" + firstLine(e.getMessage()) + ")"));
        }
        return new Parsed(value, JsonSchemaCheck.errors(schema, value));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : PromptTemplates.cut(message.lines().findFirst().orElse(""), 200);
    }

    private UUID recordFailure(String task, PromptTemplates.Prompt prompt, List<String> errors, String reply) {
        UUID id = UUID.randomUUID();
        separately.executeWithoutResult(status -> jdbc.sql("""
                insert into generation_failure (id, task, template, generator, errors, reply, failed_at)
                values (:id, :task, :template, :generator, :errors, :reply, :at)
                """).param("id", id).param("task", task).param("template", prompt.name() + "@" + prompt.version())
                .param("generator", settings.model()).param("errors", PromptTemplates.cut(String.join("\n", errors), 3900))
                .param("reply", reply == null ? null : PromptTemplates.cut(reply, 7900))
                .param("at", utc(clock.instant())).update());
        log.warn("The {} reply failed validation twice (failure {}): {}", task, id, errors);
        return id;
    }

    /** Template name and version, model, the schema and the rendered messages (which hold every input). */
    private String cacheKey(PromptTemplates.Prompt prompt, JsonNode schema) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { prompt.name(), Integer.toString(prompt.version()), settings.model(),
                    settings.baseUrl(), schema == null ? "" : schema.toString(), prompt.system(), prompt.user() }) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return prompt.name() + ":" + prompt.version() + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isUnavailable(RuntimeException e) {
        return e instanceof ApiProblem problem && problem.kind() == ProblemKind.UNAVAILABLE;
    }
}
