package org.glossa.generation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The language model gateway ({@code glossa.llm.*}, environment {@code GLOSSA_LLM_*}).
 *
 * @param baseUrl an OpenAI-compatible API, ending in {@code /v1}; empty for the offline generator
 * @param apiKey sent as a bearer token when set (Ollama and llama.cpp need none)
 * @param model the model name sent with every request and reported as the generator
 * @param timeout how long one exchange with the provider may take, its retries included
 * @param templates a YAML file whose templates replace the shipped ones of the same name; empty for none
 * @param responseFormat {@code json_schema} (the schema is sent), {@code json_object}, or {@code none}
 * @param maxAttempts requests per exchange when the provider answers 429 or 5xx or the connection fails
 * @param retryBackoff the first wait between attempts when the provider sends no {@code Retry-After}; doubles each time
 * @param breakerFailures failed exchanges in a row that open the circuit breaker
 * @param breakerOpenFor how long an open breaker fails calls at once before letting one through again
 * @param learnerRequestsPerDay provider requests one learner's actions may cause per day (cache hits are free)
 * @param globalRequestsPerDay provider requests per day for everyone together
 * @param maxInputChars learner and editor text is cut to this many characters before it enters a prompt
 * @param cacheTtl how long a reply is reused for the same template version, model and inputs
 * @param temperature sampling temperature sent with every request
 */
@ConfigurationProperties("glossa.llm")
public record LlmSettings(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("") String model,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("") String templates,
        @DefaultValue("json_schema") String responseFormat,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("5") int breakerFailures,
        @DefaultValue("30s") Duration breakerOpenFor,
        @DefaultValue("200") int learnerRequestsPerDay,
        @DefaultValue("20000") int globalRequestsPerDay,
        @DefaultValue("500") int maxInputChars,
        @DefaultValue("7d") Duration cacheTtl,
        @DefaultValue("0.2") double temperature) {

    /** A model is configured when both its address and its name are. */
    public boolean configured() {
        return StringUtils.hasText(baseUrl) && StringUtils.hasText(model);
    }

    String chatCompletionsUrl() {
        return baseUrl.replaceAll("/+$", "") + "/chat/completions";
    }
}
