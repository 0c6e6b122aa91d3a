package org.glossa.content;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor builds a course through the API; learners see it once it is published. */
@GlossaIntegrationTest
class AuthoringIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Courses courses;

    TestApi api;
    Learner admin;
    Learner ana;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        admin = api.admin();
        ana = api.register("ana");
    }

    private String created(MvcTestResult result) {
        assertThat(result).hasStatus(201);
        return api.json(result).get("id").asString();
    }

    @Test
    void anEditorBuildsAndPublishesACourseThatLearnersCanTake() {
        String course = created(api.post("/api/v1/admin/courses", Map.of("title", "Italian basics",
                "targetLanguage", "it", "sourceLanguage", "en"), admin.accessToken()));
        String section = created(api.post("/api/v1/admin/courses/" + course + "/sections", Map.of("name", "Start"),
                admin.accessToken()));
        String skill = created(api.post("/api/v1/admin/sections/" + section + "/skills", Map.of("name", "Greetings",
                "explanation", "# Ciao"), admin.accessToken()));
        List<String[]> words = List.of(new String[] { "ciao", "hello" }, new String[] { "grazie", "thank you" },
                new String[] { "buongiorno", "good morning" }, new String[] { "arrivederci", "goodbye" },
                new String[] { "amico", "friend" }, new String[] { "pane", "bread" });
        String firstItem = null;
        for (String[] word : words) {
            String item = created(api.post("/api/v1/admin/skills/" + skill + "/items", Map.of("kind", "WORD",
                    "text", word[0], "translation", word[1], "sourceAnswers", List.of(word[1] + "s"),
                    "audio", List.of("https://audio.example/it/" + word[0] + ".mp3")), admin.accessToken()));
            firstItem = firstItem == null ? item : firstItem;
        }
        assertThat(api.patch("/api/v1/admin/items/" + firstItem, Map.of("sourceAnswers", List.of("hi")),
                admin.accessToken())).hasStatusOk();
        ItemView ciao = courses.item(UUID.fromString(firstItem)).orElseThrow();
        assertThat(ciao.sourceAnswers()).containsExactly("hello", "hi");
        SkillView greetings = courses.skill(UUID.fromString(skill)).orElseThrow();
        assertThat(greetings.lessonIds()).as("5 items a lesson, then a new one").hasSize(2);
        assertThat(greetings.explanation()).isEqualTo("# Ciao");

        assertThat(api.get("/api/v1/courses/" + course, ana.accessToken())).as("a draft is hidden").hasStatus(404);
        assertThat(api.patch("/api/v1/admin/courses/" + course, Map.of("status", "PUBLISHED"), admin.accessToken()))
                .hasStatusOk();
        JsonNode catalogue = api.json(api.get("/api/v1/courses?target=it", ana.accessToken()));
        assertThat(catalogue.findValuesAsString("id")).contains(course);
        MvcTestResult session = api.post("/api/v1/sessions", Map.of("lessonId", greetings.lessonIds().getFirst().toString()),
                ana.accessToken());
        assertThat(session).hasStatus(201);
        JsonNode listen = null;
        for (JsonNode exercise : api.json(session).get("exercises")) {
            if (exercise.get("type").asString().equals("listen")) {
                listen = exercise;
            }
        }
        assertThat(listen).as("items with a recording are listened to").isNotNull();
        assertThat(listen.get("audioUrl").asString()).startsWith("https://audio.example/it/");

        assertThat(api.delete("/api/v1/admin/items/" + firstItem, null, admin.accessToken())).hasStatus(204);
        assertThat(courses.item(UUID.fromString(firstItem))).isEmpty();
        assertThat(TestApi.body(api.get("/api/v1/admin/courses/" + course + "/export", admin.accessToken())))
                .contains("grazie").doesNotContain("ciao");
    }

    @Test
    void badAuthoringRequestsAreRefused() {
        assertThat(api.post("/api/v1/admin/courses", Map.of("title", "x", "targetLanguage", "it", "sourceLanguage", "en"),
                ana.accessToken())).hasStatus(403);
        MvcTestResult invalid = api.post("/api/v1/admin/courses", Map.of("title", "", "targetLanguage", "!!",
                "sourceLanguage", "en"), admin.accessToken());
        assertThat(invalid).hasStatus(400);
        assertThat(api.json(invalid).get("errors").findValuesAsString("field")).contains("title", "targetLanguage");
        assertThat(api.post("/api/v1/admin/courses/" + UUID.randomUUID() + "/sections", Map.of("name", "S"),
                admin.accessToken())).hasStatus(404);
        assertThat(api.post("/api/v1/admin/skills/" + UUID.randomUUID() + "/items", Map.of("kind", "WORD", "text", "a",
                "translation", "b"), admin.accessToken())).hasStatus(404);
        String course = created(api.post("/api/v1/admin/courses", Map.of("title", "T", "targetLanguage", "it",
                "sourceLanguage", "en"), admin.accessToken()));
        assertThat(api.patch("/api/v1/admin/courses/" + course, Map.of("status", "GONE"), admin.accessToken()))
                .hasStatus(400);
        String section = created(api.post("/api/v1/admin/courses/" + course + "/sections", Map.of("name", "S"),
                admin.accessToken()));
        String skill = created(api.post("/api/v1/admin/sections/" + section + "/skills", Map.of("name", "K"),
                admin.accessToken()));
        assertThat(api.post("/api/v1/admin/skills/" + skill + "/items", Map.of("kind", "SENTENCE", "text", "a",
                "translation", "b"), admin.accessToken())).hasStatus(400);
        assertThat(api.post("/api/v1/admin/skills/" + skill + "/items", Map.of("kind", "WORD", "text", " ",
                "translation", "b"), admin.accessToken())).hasStatus(400);
        assertThat(api.delete("/api/v1/admin/items/" + UUID.randomUUID(), null, admin.accessToken())).hasStatus(404);
        assertThat(api.post("/api/v1/admin/skills/" + skill + "/items", Map.of("kind", "WORD", "text", "a",
                "translation", "b", "audio", List.of("file:///etc/passwd")), admin.accessToken())).hasStatus(400);
    }
}
