package org.glossa.practice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import org.glossa.content.Courses;
import org.glossa.dictionary.internal.ItemLinks;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.dictionary.DictionaryEntries;
import org.glossa.dictionary.EntryDocument;
import org.glossa.dictionary.EntryDocument.Form;
import org.glossa.dictionary.EntryDocument.Gloss;
import org.glossa.dictionary.EntryDocument.Sense;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** During a lesson of the demo course, a learner asks for hints: meanings of the prompt's words, never the answer. */
@GlossaIntegrationTest
class HintIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DictionaryEntries dictionary;
    @Autowired
    ItemLinks links;
    @Autowired
    Courses courses;

    TestApi api;
    Learner ana;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        ana = api.register("hinted");
        dictionary.upsertAll(List.of(
                entry("hola", "intj", List.of(), "hello", "hi", "a greeting used when meeting someone"),
                entry("adiós", "intj", List.of(), "goodbye", "a word said when parting"),
                entry("gracias", "intj", List.of(), "thanks", "thank you", "an expression of gratitude"),
                entry("mañana", "noun", List.of(), "tomorrow", "morning", "the day after today"),
                entry("amigo", "noun", List.of("amigos", "amiga"), "friend", "a person you know well and like"),
                entry("bueno", "adj", List.of("buenos", "buenas", "buen"), "good", "of high quality"),
                entry("día", "noun", List.of("días"), "day", "a period of twenty-four hours"),
                entry("noche", "noun", List.of("noches"), "night", "evening", "the time when it is dark"),
                entry("cómo", "adv", List.of(), "how", "in what way"),
                entry("estar", "verb", List.of("estás", "está"), "to be", "to be somewhere or in some state"),
                entry("hasta", "prep", List.of(), "until", "as far as")), "hint-test", "CC0");
    }

    static EntryDocument entry(String lemma, String pos, List<String> forms, String... glosses) {
        return new EntryDocument("es", lemma, pos, null, null, forms.stream().map(f -> new Form(f, List.of())).toList(),
                List.of(), List.of(new Sense(Arrays.stream(glosses).map(g -> new Gloss("en", g)).toList(), List.of(),
                        List.of())), List.of(), null, null, null);
    }

    @Test
    void hintsGiveMeaningsOfThePromptsWordsButNeverTheAnswer() {
        String courseId = api.demoCourseId(ana.accessToken());
        JsonNode path = api.json(api.get("/api/v1/courses/" + courseId, ana.accessToken()));
        String lesson = path.get("sections").get(0).get("skills").get(0).get("lessons").get(0).get("id").asString();
        JsonNode session = api.json(api.post("/api/v1/sessions", Map.of("lessonId", lesson), ana.accessToken()));
        String id = session.get("sessionId").asString();
        LessonKey key = new LessonKey(jdbc, json, id);

        int shown = 0;
        int withheld = 0;
        for (JsonNode exercise : session.get("exercises")) {
            String exerciseId = exercise.get("id").asString();
            MvcTestResult result = api.get("/api/v1/sessions/" + id + "/exercises/" + exerciseId + "/hints",
                    ana.accessToken());
            assertThat(result).hasStatus(200);
            JsonNode hints = api.json(result);
            Set<String> answers = answers(key.exercise(exerciseId));
            for (JsonNode word : hints.get("words")) {
                withheld += word.get("withheld").asInt();
                for (JsonNode meaning : word.get("meanings")) {
                    for (JsonNode gloss : meaning.get("glosses")) {
                        shown++;
                        String text = normal(gloss.asString());
                        assertThat(answers).as("exercise %s gloss '%s'", exerciseId, gloss.asString())
                                .doesNotContain(text);
                        for (String part : gloss.asString().split("[,;]")) {
                            assertThat(answers).doesNotContain(normal(part));
                        }
                    }
                }
            }
            String type = key.exercise(exerciseId).get("type").asString();
            if (type.equals("listen") || type.equals("match")) {
                assertThat(hints.get("words")).isEmpty();
            }
        }
        // The lesson's Spanish prompts have words in the dictionary: some meanings are shown, the answers withheld.
        assertThat(shown).isPositive();
        assertThat(withheld).isPositive();
    }

    @Test
    void aWordsMeaningsLeaveOutTheGlossThatIsTheAnswer() {
        String courseId = api.demoCourseId(ana.accessToken());
        JsonNode path = api.json(api.get("/api/v1/courses/" + courseId, ana.accessToken()));
        String lesson = path.get("sections").get(0).get("skills").get(0).get("lessons").get(0).get("id").asString();
        JsonNode session = api.json(api.post("/api/v1/sessions", Map.of("lessonId", lesson), ana.accessToken()));
        String id = session.get("sessionId").asString();
        LessonKey key = new LessonKey(jdbc, json, id);
        // The first exercise introduces a word: its Spanish prompt, its English answer among the options.
        JsonNode first = session.get("exercises").get(0);
        assertThat(first.get("type").asString()).isEqualTo("choose");
        JsonNode hints = api.json(api.get("/api/v1/sessions/" + id + "/exercises/" + first.get("id").asString()
                + "/hints", ana.accessToken()));
        assertThat(hints.get("language").asString()).isEqualTo("es");
        String answer = normal(optionText(key.exercise(first.get("id").asString())));
        List<String> glosses = new ArrayList<>();
        hints.get("words").forEach(w -> w.get("meanings").forEach(m -> m.get("glosses").forEach(g -> glosses.add(g.asString()))));
        assertThat(glosses).isNotEmpty().noneMatch(g -> normal(g).equals(answer));
        assertThat(hints.get("words").get(0).get("withheld").asInt()).isPositive();

        Learner other = api.register("nosy");
        assertThat(api.get("/api/v1/sessions/" + id + "/exercises/e1/hints", other.accessToken())).hasStatus(404);
        assertThat(api.get("/api/v1/sessions/" + id + "/exercises/e999/hints", ana.accessToken())).hasStatus(404);
    }

    @Test
    void courseItemsLinkToTheEntriesOfTheirWords() {
        UUID courseId = UUID.fromString(api.demoCourseId(ana.accessToken()));
        links.link(courseId); // also done on every course import and after every dictionary import
        Map<String, UUID> items = new HashMap<>();
        courses.items(courseId).forEach(item -> items.put(item.text(), item.id()));
        JsonNode hola = api.json(api.get("/api/v1/dictionary/items/" + items.get("hola"), ana.accessToken()));
        assertThat(hola.findValuesAsString("lemma")).contains("hola");
        JsonNode phrase = api.json(api.get("/api/v1/dictionary/items/" + items.get("buenos días"), ana.accessToken()));
        assertThat(phrase.findValuesAsString("word")).contains("buenos", "días");
        assertThat(phrase.findValuesAsString("lemma")).contains("bueno", "día");
    }

    static String optionText(JsonNode exercise) {
        for (JsonNode option : exercise.get("options")) {
            if (option.get("id").asString().equals(exercise.get("correctOption").asString())) {
                return option.get("text").asString();
            }
        }
        throw new AssertionError("no correct option");
    }

    static Set<String> answers(JsonNode exercise) {
        Set<String> answers = new HashSet<>();
        if (exercise.hasNonNull("accepted")) {
            exercise.get("accepted").forEach(a -> {
                for (String alternative : a.asString().split("/")) {
                    answers.add(normal(alternative.replaceAll("[()]", "")));
                }
            });
        }
        if (exercise.hasNonNull("correctOption")) {
            answers.add(normal(optionText(exercise)));
        }
        return answers;
    }

    static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}&&[^'-]]", " ").replaceAll("\\s+", " ").strip();
    }
}
