package org.glossa.generation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With no language model configured, an editor drafts a skill in the background, reviews the
 * suggestion, fills what the offline generator could not know, approves it, and finds it in the course.
 */
@GlossaIntegrationTest
class SuggestionsIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Learner admin;
    String courseId;
    String sectionId;
    String skillId;
    @Autowired
    org.glossa.dictionary.DictionaryEntries dictionary;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        admin = api.admin();
        courseId = created(api.post("/api/v1/admin/courses", Map.of("title", "Café Spanish " + UUID.randomUUID(),
                "targetLanguage", "es", "sourceLanguage", "en"), admin.accessToken()));
        sectionId = created(api.post("/api/v1/admin/courses/" + courseId + "/sections", Map.of("name", "Basics"),
                admin.accessToken()));
        String skill = created(api.post("/api/v1/admin/sections/" + sectionId + "/skills", Map.of("name", "Drinks"),
                admin.accessToken()));
        skillId = skill;
        created(api.post("/api/v1/admin/skills/" + skill + "/items", Map.of("kind", "WORD", "text", "el café",
                "translation", "the coffee", "targetAnswers", List.of("café")), admin.accessToken()));
        created(api.post("/api/v1/admin/skills/" + skill + "/items", Map.of("kind", "PHRASE",
                "text", "Un café con leche, por favor.", "translation", "A coffee with milk, please."), admin.accessToken()));
    }

    /** Waits for the generation run at {@code location} to end, and checks that it succeeded. */
    private JsonNode awaitSucceeded(String location) {
        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.json(api.get(location, admin.accessToken())),
                        r -> r.get("status").asString().equals("SUCCEEDED") || r.get("status").asString().equals("FAILED"));
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        return run;
    }

    private String created(MvcTestResult result) {
        assertThat(result).hasStatus(201);
        return api.json(result).get("id").asString();
    }

    private JsonNode draft(List<String> words) {
        MvcTestResult accepted = api.post("/api/v1/admin/generation/skill-drafts", Map.of("courseId", courseId,
                "sectionId", sectionId, "topic", "Sweet things", "level", "A1", "targetWords", words), admin.accessToken());
        assertThat(accepted).hasStatus(202);
        String location = accepted.getResponse().getHeader("Location");
        JsonNode run = awaitSucceeded(location);
        assertThat(run.get("suggestions").asInt()).isEqualTo(1);
        for (JsonNode suggestion : api.json(api.get("/api/v1/admin/suggestions?state=PENDING", admin.accessToken()))) {
            if (suggestion.get("jobId").asString().equals(run.get("id").asString())) {
                return suggestion;
            }
        }
        throw new AssertionError("no pending suggestion from run " + run.get("id"));
    }

    @Test
    void anOfflineDraftIsReviewedCompletedApprovedAndThenPartOfTheCourse() {
        JsonNode suggestion = draft(List.of("el café", "azúcar"));
        String id = suggestion.get("id").asString();
        assertThat(suggestion.get("generator").asString()).isEqualTo("offline");
        assertThat(suggestion.get("kind").asString()).isEqualTo("SKILL_DRAFT");
        JsonNode content = suggestion.get("content");
        assertThat(content.get("words").get(0).get("translation").asString()).isEqualTo("the coffee");
        assertThat(content.get("words").get(1).get("translation").asString()).isEqualTo("[to be written by an editor]");
        assertThat(content.get("phrases").get(0).get("text").asString()).isEqualTo("Un café con leche, por favor.");

        // The gap must be filled before approval.
        MvcTestResult refused = api.post("/api/v1/admin/suggestions/" + id + "/approve", null, admin.accessToken());
        assertThat(refused).hasStatus(422);
        assertThat(api.json(refused).get("gaps").toString()).contains("/words/1/translation");

        MvcTestResult invalid = api.patch("/api/v1/admin/suggestions/" + id,
                Map.of("content", Map.of("name", "x", "words", "none")), admin.accessToken());
        assertThat(invalid).hasStatus(400);
        assertThat(api.json(invalid).get("errors").toString()).contains("content/words", "content/phrases");

        ObjectNode edited = (ObjectNode) content.deepCopy();
        ((ObjectNode) edited.get("words").get(1)).put("translation", "sugar");
        assertThat(api.patch("/api/v1/admin/suggestions/" + id, Map.of("content", edited), admin.accessToken()))
                .hasStatusOk();

        int versionBefore = version();
        MvcTestResult approved = api.post("/api/v1/admin/suggestions/" + id + "/approve", null, admin.accessToken());
        assertThat(approved).hasStatusOk();
        JsonNode done = api.json(approved);
        assertThat(done.get("state").asString()).isEqualTo("APPROVED");
        String skillId = done.get("result").asString();

        assertThat(version()).as("one new version of the course, whatever the number of items").isEqualTo(versionBefore + 1);
        assertThat(jdbc.sql("select name from content_skill where id = cast(:id as uuid)").param("id", skillId)
                .query(String.class).single()).isEqualTo("Sweet things");
        // The skill records what drafted it and which suggestion was approved, for learners and in the export.
        JsonNode skill = api.json(api.get("/api/v1/skills/" + skillId, admin.accessToken()));
        assertThat(skill.get("generatedBy").get("generator").asString()).isEqualTo("offline");
        assertThat(skill.get("generatedBy").get("suggestionId").asString()).isEqualTo(id);
        assertThat(skill.get("explanation").asString()).doesNotContain("suggestion");
        String export = TestApi.body(api.get("/api/v1/admin/courses/" + courseId + "/export", admin.accessToken()));
        assertThat(export).contains("Sweet things", "azúcar", "sugar", "generatedBy", "generator: offline",
                "suggestionId: " + id);

        assertThat(api.post("/api/v1/admin/suggestions/" + id + "/approve", null, admin.accessToken())).hasStatus(409);
        assertThat(api.post("/api/v1/admin/suggestions/" + id + "/reject", Map.of(), admin.accessToken())).hasStatus(409);
        assertThat(api.patch("/api/v1/admin/suggestions/" + id, Map.of("content", edited), admin.accessToken()))
                .hasStatus(409);
    }

    @Test
    void aRejectedSuggestionChangesNothing() {
        JsonNode suggestion = draft(List.of("el café"));
        int versionBefore = version();
        MvcTestResult rejected = api.post("/api/v1/admin/suggestions/" + suggestion.get("id").asString() + "/reject",
                Map.of("reason", "not needed"), admin.accessToken());
        assertThat(rejected).hasStatusOk();
        assertThat(api.json(rejected).get("state").asString()).isEqualTo("REJECTED");
        assertThat(api.json(rejected).get("note").asString()).isEqualTo("not needed");
        assertThat(version()).isEqualTo(versionBefore);
        assertThat(TestApi.body(api.get("/api/v1/admin/suggestions?state=REJECTED", admin.accessToken())))
                .contains(suggestion.get("id").asString());
        assertThat(api.get("/api/v1/admin/suggestions?state=MAYBE", admin.accessToken())).hasStatus(400);
    }

    @Test
    void onlyEditorsAndAdminsReviewAndOnlyAdminsSeeUsage() {
        Learner learner = api.register("lena");
        assertThat(api.get("/api/v1/admin/suggestions", learner.accessToken())).hasStatus(403);
        assertThat(api.post("/api/v1/admin/generation/skill-drafts", Map.of("courseId", courseId, "topic", "t",
                "level", "A1", "targetWords", List.of("x")), learner.accessToken())).hasStatus(403);
        assertThat(api.get("/api/v1/admin/generation/usage", learner.accessToken())).hasStatus(403);
        assertThat(api.post("/api/v1/admin/generation/skill-drafts", Map.of("courseId", courseId, "topic", "t",
                "level", "Z9", "targetWords", List.of()), admin.accessToken())).hasStatus(400);
        assertThat(api.post("/api/v1/admin/generation/skill-drafts", Map.of("courseId", UUID.randomUUID(), "topic", "t",
                "level", "A1", "targetWords", List.of("x")), admin.accessToken())).hasStatus(404);

        JsonNode usage = api.json(api.get("/api/v1/admin/generation/usage", admin.accessToken()));
        assertThat(usage.get("generator").asString()).isEqualTo("offline");
        assertThat(usage.get("breaker").asString()).isEqualTo("NOT_USED");
        assertThat(usage.get("usage")).isNotNull();
    }

    @Test
    void anOfflineEnrichmentIsCompletedApprovedAndThenPartOfTheDictionaryEntry() {
        // A made-up word of its own, so that no other test's dictionary entry answers for it.
        // (Six random letters: a UUID's own letters, a to f, were sometimes fewer than six.)
        String lemma = "lechón" + java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        var entryId = dictionary.upsert(org.glossa.dictionary.EntryDocument.of("es", lemma, "noun").withSenses(List.of(
                new org.glossa.dictionary.EntryDocument.Sense(List.of(new org.glossa.dictionary.EntryDocument.Gloss("en",
                        "suckling pig")), List.of(), List.of()))), "test", "CC0").entryId();
        created(api.post("/api/v1/admin/skills/" + skillId + "/items", Map.of("kind", "PHRASE",
                "text", "Un plato de " + lemma + ", por favor.", "translation", "A plate of suckling pig, please."),
                admin.accessToken()));

        MvcTestResult accepted = api.post("/api/v1/admin/generation/enrichments", Map.of("courseId", courseId,
                "words", List.of(lemma)), admin.accessToken());
        assertThat(accepted).hasStatus(202);
        String location = accepted.getResponse().getHeader("Location");
        JsonNode run = awaitSucceeded(location);
        JsonNode suggestion = null;
        for (JsonNode s : api.json(api.get("/api/v1/admin/suggestions?state=pending", admin.accessToken()))) {
            if (s.get("jobId").asString().equals(run.get("id").asString())) {
                suggestion = s;
            }
        }
        assertThat(suggestion).isNotNull();
        assertThat(suggestion.get("kind").asString()).isEqualTo("ENRICHMENT");
        assertThat(suggestion.get("target").asString()).isEqualTo(entryId.toString());
        assertThat(suggestion.get("generator").asString()).isEqualTo("offline");
        JsonNode content = suggestion.get("content");
        assertThat(content.get("examples").get(0).get("text").asString()).isEqualTo("Un plato de " + lemma + ", por favor.");
        assertThat(content.get("usageNotes").asString()).contains("Offline", "noun", "suckling pig");
        String id = suggestion.get("id").asString();
        assertThat(api.post("/api/v1/admin/suggestions/" + id + "/approve", null, admin.accessToken())).hasStatus(422);

        ObjectNode edited = (ObjectNode) content.deepCopy();
        edited.put("mnemonic", "A piglet is so small it still drinks leche.");
        assertThat(api.patch("/api/v1/admin/suggestions/" + id, Map.of("content", edited), admin.accessToken()))
                .hasStatusOk();
        MvcTestResult approved = api.post("/api/v1/admin/suggestions/" + id + "/approve", null, admin.accessToken());
        assertThat(approved).hasStatusOk();
        assertThat(api.json(approved).get("result").asString()).isEqualTo(entryId.toString());

        var entry = dictionary.find(entryId).orElseThrow();
        assertThat(entry.senses().getFirst().glosses()).as("the meaning stays").isNotEmpty();
        assertThat(entry.senses().getFirst().examples()).extracting(org.glossa.dictionary.EntryDocument.Example::text)
                .contains("Un plato de " + lemma + ", por favor.");
        assertThat(entry.cefr()).isEqualTo(content.get("cefr").asString());
        assertThat(entry.sources()).extracting(org.glossa.dictionary.DictionaryEntry.Source::source)
                .contains("glossa-generation", "test");
        // The learner sees the mnemonic and the usage notes with the entry, in the course's source language.
        JsonNode shown = api.json(api.get("/api/v1/dictionary/es/entries/" + entryId, admin.accessToken()));
        assertThat(shown.get("notes").findValuesAsString("kind")).containsExactly("usage", "mnemonic");
        assertThat(shown.get("notes").get(1).get("text").asString()).isEqualTo("A piglet is so small it still drinks leche.");
        assertThat(shown.get("notes").get(0).get("text").asString()).contains("suckling pig");
        assertThat(shown.get("notes").findValuesAsString("language")).containsOnly("en");
        assertThat(shown.get("fieldSources").get("notes").asString()).isEqualTo("glossa-generation");
    }

    private int version() {
        return jdbc.sql("select version from content_course where id = cast(:id as uuid)").param("id", courseId)
                .query(Integer.class).single();
    }

    @Test
    void anEnrichmentOfALanguageTakesItsMostFrequentEntriesNotSuggestedYetRunAfterRun() {
        String language = "qge"; // private use: no other test's entries
        for (String[] word : new String[][] { { "uno", "1", "one" }, { "dos", "2", "two" }, { "tres", "3", "three" },
                { "cuatro", null, "four" } }) {
            dictionary.upsert(new org.glossa.dictionary.EntryDocument(language, word[0], "num", null, null, List.of(),
                    List.of(), List.of(new org.glossa.dictionary.EntryDocument.Sense(List.of(
                            new org.glossa.dictionary.EntryDocument.Gloss("en", word[2])), List.of(), List.of())),
                    List.of(), word[1] == null ? null : Integer.valueOf(word[1]), null, null), "test", "CC0");
        }
        assertThat(targets(enrich(language, 2))).containsExactlyInAnyOrder("uno", "dos");
        assertThat(targets(enrich(language, 2))).as("the next ones").containsExactlyInAnyOrder("tres", "cuatro");
        assertThat(targets(enrich(language, 2))).as("nothing left to suggest").isEmpty();
        assertThat(api.post("/api/v1/admin/generation/enrichments", Map.of("words", List.of("uno")), admin.accessToken()))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("courseId");
    }

    private String enrich(String language, int limit) {
        MvcTestResult accepted = api.post("/api/v1/admin/generation/enrichments", Map.of("language", language,
                "limit", limit), admin.accessToken());
        assertThat(accepted).hasStatus(202);
        String location = accepted.getResponse().getHeader("Location");
        JsonNode run = awaitSucceeded(location);
        return run.get("id").asString();
    }

    /** The lemmas of the entries a run suggested enrichments for. */
    private List<String> targets(String runId) {
        return jdbc.sql("select target from generation_suggestion where job_id = cast(:id as uuid)")
                .param("id", runId).query(String.class).list().stream()
                .map(target -> dictionary.find(UUID.fromString(target)).orElseThrow().lemma()).toList();
    }
}
