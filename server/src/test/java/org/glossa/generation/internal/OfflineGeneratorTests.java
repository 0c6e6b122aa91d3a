package org.glossa.generation.internal;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline generator on its own: deterministic, plainly labelled, shaped like the model's replies. */
class OfflineGeneratorTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final OfflineGenerator offline = new OfflineGenerator(json);

    private final List<Tasks.CourseWord> course = List.of(
            new Tasks.CourseWord("el café", "the coffee", List.of("café"), List.of("coffee"), false),
            new Tasks.CourseWord("la leche", "the milk", List.of(), List.of("milk"), false),
            new Tasks.CourseWord("Un café con leche, por favor.", "A coffee with milk, please.", List.of(),
                    List.of("A white coffee, please."), true),
            new Tasks.CourseWord("Buenos días", "Good morning", List.of(), List.of(), true));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Soy un profesor | Soy profesor    | Words that differ: not in the accepted answer: "un".
            Soy             | Soy profesor    | Words that differ: expected but missing: "profesor".
            adios           | adiós           | Words that differ: accents or capitals: "adios" is written "adiós".
            el cafe negro   | el café         | Words that differ: not in the accepted answer: "negro"; accents or capitals: "cafe" is written "café".
            Hola, amigo.    | hola amigo      | Words that differ: accents or capitals: "Hola" is written "hola".
            gracias         | gracias         | Your words match the accepted answer.
            perro           | gato            | Words that differ: expected but missing: "gato"; not in the accepted answer: "perro".
            """)
    void namesTheWordsThatDiffer(String given, String expected, String differences) {
        assertThat(OfflineGenerator.differences(given, expected)).isEqualTo(differences);
    }

    @Test
    void explanationShowsTheExpectedAnswerTheAlternativesAndTheDifferingWordsAndSaysItIsOffline() {
        Tasks.ExplainInput input = new Tasks.ExplainInput("translate", "I am a teacher", "es", "en", "Soy un profesor",
                List.of("Soy profesor", "Yo soy profesor"), "Soy profesor", "wrong", List.of("profesor = teacher"));
        String text = offline.explain(input);
        assertThat(text).startsWith("Offline explanation (no language model is configured")
                .contains("Your answer: \"Soy un profesor\"", "Accepted answer: \"Soy profesor\"",
                        "Also accepted: \"Yo soy profesor\"", "Verdict: wrong.", "not in the accepted answer: \"un\"",
                        "- profesor = teacher");
        assertThat(offline.explain(input)).as("deterministic").isEqualTo(text);
    }

    @Test
    void skillDraftTakesKnownWordsFromTheCourseAndMarksTheGapsAnEditorMustFill() {
        Tasks.SkillDraftInput input = new Tasks.SkillDraftInput("es", "en", "At the café", "A1",
                List.of("el café", "leche", "azúcar", "Leche"), course, Map.of());
        JsonNode draft = offline.draftSkill(input);

        assertThat(JsonSchemaCheck.errors(json.readTree(Tasks.SKILL_SCHEMA), draft)).as("shaped like the model's").isEmpty();
        assertThat(draft.get("name").asString()).isEqualTo("At the café");
        assertThat(draft.get("explanation").asString()).contains("Offline draft", "azúcar");
        assertThat(draft.get("words")).hasSize(3);
        assertThat(draft.get("words").get(0).get("text").asString()).isEqualTo("el café");
        assertThat(draft.get("words").get(0).get("alternatives").get(0).asString()).isEqualTo("café");
        assertThat(draft.get("words").get(2).get("translation").asString()).isEqualTo(OfflineGenerator.GAP);
        assertThat(draft.get("phrases")).hasSize(1);
        assertThat(draft.get("phrases").get(0).get("text").asString()).isEqualTo("Un café con leche, por favor.");
        assertThat(draft.get("phrases").get(0).get("translationAlternatives").get(0).asString())
                .isEqualTo("A white coffee, please.");
        assertThat(offline.draftSkill(input)).as("deterministic").isEqualTo(draft);
    }

    @Test
    void skillDraftUsesDictionaryGlossesForWordsTheCourseLacks() {
        JsonNode draft = offline.draftSkill(new Tasks.SkillDraftInput("es", "en", "Sweet", "A1", List.of("azúcar"),
                course, Map.of("azucar", List.of("sugar", "sweetener"))));
        assertThat(draft.get("words").get(0).get("translation").asString()).isEqualTo("sugar");
        assertThat(draft.get("words").get(0).get("translationAlternatives").get(0).asString()).isEqualTo("sweetener");
        assertThat(draft.get("explanation").asString()).doesNotContain(OfflineGenerator.GAP);
    }

    @Test
    void enrichmentUsesTheCoursePhrasesAsExamplesAndEstimatesTheLevel() {
        Tasks.EnrichInput input = new Tasks.EnrichInput("es", "leche", "noun", List.of("milk"), "en", 900, null,
                course.stream().filter(Tasks.CourseWord::phrase).toList());
        JsonNode enrichment = offline.enrich(input);
        assertThat(JsonSchemaCheck.errors(json.readTree(Tasks.ENRICH_SCHEMA), enrichment)).isEmpty();
        assertThat(enrichment.get("examples")).hasSize(1);
        assertThat(enrichment.get("examples").get(0).get("translation").asString()).isEqualTo("A coffee with milk, please.");
        assertThat(enrichment.get("mnemonic").asString()).isEqualTo(OfflineGenerator.GAP);
        assertThat(enrichment.get("usageNotes").asString()).startsWith("Offline note").contains("noun", "milk");
        assertThat(enrichment.get("cefr").asString()).isEqualTo("A2");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            sol,          1,     null, A1
            casa,         1200,  null, A2
            ayuntamiento, 4000,  null, B2
            ayuntamiento, 20000, null, C2
            ayuntamiento, null,  null, B2
            sol,          null,  null, A1
            sol,          null,  B2,   B2
            """)
    void estimatesTheLevelFromTheRecordThenFrequencyThenLength(String lemma, Integer rank, String cefr, String expected) {
        assertThat(OfflineGenerator.cefr(new Tasks.EnrichInput("es", lemma, null, List.of(), "en", rank, cefr, List.of())))
                .isEqualTo(expected);
    }
}
