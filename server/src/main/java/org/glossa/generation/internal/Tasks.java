package org.glossa.generation.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.ProblemKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three generation tasks, each answered by the configured language model through the gateway or,
 * when none is configured, by the offline generator; in production an unconfigured model is a 503,
 * never a silent fallback. Every answer says which generator produced it.
 */
@Component
class Tasks {

    static final String EXPLAIN = "explain-answer";
    static final String SKILL_DRAFT = "skill-draft";
    static final String ENRICH = "enrich-entry";

    record ExplainInput(String exerciseType, String prompt, String targetLanguage, String sourceLanguage, String answer, List<String> accepted,
            String expected, String verdict, List<String> dictionary) {
    }

    /** A word or phrase the course already has. */
    record CourseWord(String text, String translation, List<String> alternatives, List<String> translationAlternatives,
            boolean phrase) {
    }

    /**
     * @param glosses dictionary glosses of target words, keyed by the folded word
     */
    record SkillDraftInput(String targetLanguage, String sourceLanguage, String topic, String level, List<String> words,
            List<CourseWord> courseWords, Map<String, List<String>> glosses) {
    }

    record EnrichInput(String language, String lemma, String partOfSpeech, List<String> glosses, String glossLanguage,
            Integer frequencyRank, String cefr, List<CourseWord> coursePhrases) {
    }

    record Text(String text, String generator, boolean cached) {
    }

    record Data(JsonNode data, String generator, boolean cached) {
    }

    private final LlmGateway gateway;
    private final OfflineGenerator offline;
    private final Usage usage;
    private final boolean production;
    private final JsonNode skillSchema;
    private final JsonNode enrichSchema;

    Tasks(LlmGateway gateway, Usage usage, JsonMapper json, @Value("${glossa.mode:embedded}") String mode) {
        this.gateway = gateway;
        this.usage = usage;
        this.offline = new OfflineGenerator(json);
        this.production = mode.equals("production");
        this.skillSchema = json.readTree(SKILL_SCHEMA);
        this.enrichSchema = json.readTree(ENRICH_SCHEMA);
    }

    JsonNode schema(String task) {
        return switch (task) {
            case SKILL_DRAFT -> skillSchema;
            case ENRICH -> enrichSchema;
            default -> throw new IllegalArgumentException(task);
        };
    }

    /** The generator that will answer: the model's name, offline, or none (production without a model). */
    String generator() {
        return gateway.configured() ? gateway.model() : production ? "none" : OfflineGenerator.NAME;
    }

    Text explain(ExplainInput in, UUID learnerId) {
        if (useOffline()) {
            usage.record(EXPLAIN, OfflineGenerator.NAME, 1, 0, 0, 0, 0);
            return new Text(offline.explain(in), OfflineGenerator.NAME, false);
        }
        LlmGateway.Generated reply = gateway.text(EXPLAIN, inputs(
                "source_language", in.sourceLanguage(), "source_language_name", name(in.sourceLanguage()),
                "target_language", in.targetLanguage(), "target_language_name", name(in.targetLanguage()),
                "exercise_type", in.exerciseType(), "prompt", in.prompt(),
                "accepted", String.join(" | ", in.accepted()), "expected", String.valueOf(in.expected()),
                "verdict", String.valueOf(in.verdict()),
                "dictionary", in.dictionary().isEmpty() ? "(none)" : "- " + String.join("\n- ", in.dictionary()),
                "learner_answer", in.answer()), new LlmGateway.Caller(EXPLAIN, learnerId));
        return new Text(reply.text().strip(), reply.generator(), reply.cached());
    }

    Data draftSkill(SkillDraftInput in) {
        if (useOffline()) {
            usage.record(SKILL_DRAFT, OfflineGenerator.NAME, 1, 0, 0, 0, 0);
            return new Data(offline.draftSkill(in), OfflineGenerator.NAME, false);
        }
        LlmGateway.Generated reply = gateway.json(SKILL_DRAFT, inputs(
                "target_language", in.targetLanguage(), "target_language_name", name(in.targetLanguage()),
                "source_language", in.sourceLanguage(), "source_language_name", name(in.sourceLanguage()),
                "level", in.level(), "editor_topic", in.topic(), "editor_words", String.join("\n", in.words()),
                "known_words", String.join(", ", in.courseWords().stream().filter(w -> !w.phrase()).map(CourseWord::text)
                        .limit(200).toList()),
                "schema", skillSchema.toString()), skillSchema, new LlmGateway.Caller(SKILL_DRAFT, null));
        return new Data(reply.data(), reply.generator(), reply.cached());
    }

    Data enrich(EnrichInput in) {
        if (useOffline()) {
            usage.record(ENRICH, OfflineGenerator.NAME, 1, 0, 0, 0, 0);
            return new Data(offline.enrich(in), OfflineGenerator.NAME, false);
        }
        LlmGateway.Generated reply = gateway.json(ENRICH, inputs(
                "language", in.language(), "language_name", name(in.language()), "lemma", in.lemma(),
                "part_of_speech", String.valueOf(in.partOfSpeech()),
                "glosses", in.glosses().isEmpty() ? "(none)" : String.join("; ", in.glosses()),
                "gloss_language", in.glossLanguage(), "gloss_language_name", name(in.glossLanguage()),
                "schema", enrichSchema.toString()), enrichSchema, new LlmGateway.Caller(ENRICH, null));
        return new Data(reply.data(), reply.generator(), reply.cached());
    }

    /** Refuses a task that no generator could answer (production without a model), before any work is queued. */
    void requireGenerator() {
        useOffline();
    }

    private boolean useOffline() {
        if (gateway.configured()) {
            return false;
        }
        if (production) {
            throw ApiProblem.of(ProblemKind.UNAVAILABLE, "No language model is configured: set GLOSSA_LLM_BASE_URL and "
                    + "GLOSSA_LLM_MODEL. The offline generator is for trying Glossa out and is not used in production.");
        }
        return true;
    }

    private static Map<String, String> inputs(String... namesAndValues) {
        Map<String, String> inputs = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            inputs.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return inputs;
    }

    static String name(String languageTag) {
        String name = Locale.forLanguageTag(languageTag).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? languageTag : name;
    }

    private static final String ITEM = """
            {"type": "object", "additionalProperties": false,
             "required": ["text", "translation", "alternatives", "translationAlternatives"],
             "properties": {
               "text": {"type": "string", "minLength": 1, "maxLength": 300},
               "translation": {"type": "string", "minLength": 1, "maxLength": 300},
               "alternatives": {"type": "array", "maxItems": 10, "items": {"type": "string", "minLength": 1, "maxLength": 300}},
               "translationAlternatives": {"type": "array", "maxItems": 10, "items": {"type": "string", "minLength": 1, "maxLength": 300}}}}
            """;

    static final String SKILL_SCHEMA = """
            {"type": "object", "additionalProperties": false, "required": ["name", "explanation", "words", "phrases"],
             "properties": {
               "name": {"type": "string", "minLength": 1, "maxLength": 200},
               "explanation": {"type": "string", "maxLength": 5000},
               "words": {"type": "array", "minItems": 1, "maxItems": 40, "items": %s},
               "phrases": {"type": "array", "maxItems": 20, "items": %s}}}
            """.formatted(ITEM, ITEM);

    static final String ENRICH_SCHEMA = """
            {"type": "object", "additionalProperties": false, "required": ["examples", "mnemonic", "usageNotes", "cefr"],
             "properties": {
               "examples": {"type": "array", "minItems": 1, "maxItems": 5, "items": {"type": "object",
                  "additionalProperties": false, "required": ["text", "translation"],
                  "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 300},
                                 "translation": {"type": "string", "minLength": 1, "maxLength": 300}}}},
               "mnemonic": {"type": "string", "minLength": 1, "maxLength": 500},
               "usageNotes": {"type": "string", "minLength": 1, "maxLength": 1000},
               "cefr": {"type": "string", "enum": ["A1", "A2", "B1", "B2", "C1", "C2"]}}}
            """;
}
