package org.glossa.dictionary;

import java.util.List;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.dictionary.EntryDocument.Form;
import org.glossa.dictionary.EntryDocument.Gloss;
import org.glossa.dictionary.EntryDocument.Sense;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learners search by lemma or inflected form without accents; entries from two sources merge field by
 * field; storing the same again changes nothing. Uses the private-use language {@code qzs} so that no
 * other test's entries interfere.
 */
@GlossaIntegrationTest
class DictionarySearchIntegrationTests {

    static final String LANG = "qzs"; // relabelled samples use q + a..t + a letter: no clash

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    DictionaryEntries entries;

    TestApi api;
    Learner learner;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        learner = api.register("lexi");
        entries.upsertAll(List.of(
                verb("ir", 30, "to go", "voy", "fui", "fuimos", "iremos"),
                verb("ser", 10, "to be", "soy", "fui", "fuimos", "era"),
                noun("niño", 200, "boy, child", "niños", "niña"),
                noun("niñera", 5000, "nanny"),
                noun("nido", 3000, "nest"),
                noun("fuimostra", null, "a made-up word that starts like fuimos")), "test", "CC0");
    }

    static EntryDocument verb(String lemma, Integer rank, String gloss, String... forms) {
        return entry(lemma, "verb", rank, gloss, forms);
    }

    static EntryDocument noun(String lemma, Integer rank, String gloss, String... forms) {
        return entry(lemma, "noun", rank, gloss, forms);
    }

    static EntryDocument entry(String lemma, String pos, Integer rank, String gloss, String... forms) {
        return new EntryDocument(LANG, lemma, pos, null, null,
                java.util.Arrays.stream(forms).map(f -> new Form(f, List.of("test"))).toList(), List.of(),
                List.of(new Sense(List.of(new Gloss("en", gloss)), List.of(), List.of())), List.of(), rank, null, null);
    }

    List<String> lemmas(MvcTestResult result) {
        assertThat(result).hasStatus(200);
        List<String> lemmas = new java.util.ArrayList<>();
        api.json(result).forEach(m -> lemmas.add(m.get("lemma").asString()));
        return lemmas;
    }

    @Test
    void browsingListsTheMostFrequentEntriesFirstAndBadPagesNameTheField() {
        List<String> all = new java.util.ArrayList<>();
        api.json(api.get("/api/v1/dictionary/" + LANG + "/entries?size=200", learner.accessToken()))
                .forEach(e -> all.add(e.get("lemma").asString()));
        assertThat(all).containsExactly("ser", "ir", "niño", "nido", "niñera", "fuimostra");
        MvcTestResult second = api.get("/api/v1/dictionary/" + LANG + "/entries?page=1&size=2", learner.accessToken());
        assertThat(second).hasStatusOk();
        assertThat(api.json(second).findValuesAsString("lemma")).containsExactly("niño", "nido");
        assertThat(api.json(second).get(0).get("summary").asString()).isEqualTo("boy, child");

        assertThat(api.get("/api/v1/dictionary/" + LANG + "/entries?size=201", learner.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/entries?page=-1", learner.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/entries?page=50&size=200", learner.accessToken()))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
        assertThat(api.get("/api/v1/dictionary/not_a_tag!/entries", learner.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("lang");
    }

    @Test
    void anInflectedFormWithoutAccentsFindsEveryLemmaItBelongsTo() {
        MvcTestResult result = api.get("/api/v1/dictionary/" + LANG + "/search?q=FUIMOS", learner.accessToken());
        assertThat(lemmas(result)).containsExactly("ser", "ir", "fuimostra");
        JsonNode first = api.json(result).get(0);
        assertThat(first.get("match").asString()).isEqualTo("EXACT_FORM");
        assertThat(first.get("matched").asString()).isEqualTo("fuimos");
        assertThat(first.get("summary").asString()).isEqualTo("to be");
    }

    @Test
    void accentsAreOptionalAndPrefixesMatchBestFirst() {
        assertThat(lemmas(api.get("/api/v1/dictionary/" + LANG + "/search?q=nino", learner.accessToken())))
                .containsExactly("niño");
        // Exact lemma first, then prefixes by frequency: nido (3000) before niñera (5000).
        assertThat(lemmas(api.get("/api/v1/dictionary/" + LANG + "/search?q=ni", learner.accessToken())))
                .containsExactly("niño", "nido", "niñera");
        assertThat(lemmas(api.get("/api/v1/dictionary/" + LANG + "/search?q=ni&limit=1", learner.accessToken())))
                .containsExactly("niño");
        assertThat(lemmas(api.get("/api/v1/dictionary/" + LANG + "/search?q=xyz", learner.accessToken()))).isEmpty();
    }

    @Test
    void anEntryShowsItsFieldsAndWhereEachCameFrom() {
        String id = api.json(api.get("/api/v1/dictionary/" + LANG + "/search?q=nido", learner.accessToken())).get(0)
                .get("id").asString();
        // A second source adds a pronunciation and a CEFR level; the senses stay those of the first source.
        EntryDocument extra = new EntryDocument(LANG, "nido", "noun", null, "masculine", List.of(),
                List.of(new EntryDocument.Pronunciation("/ˈni.ðo/", null, List.of())), List.of(), List.of(), null, "A2",
                "{\"word\":\"nido\",\"ipa\":\"/ˈni.ðo/\"}");
        assertThat(entries.upsert(extra, "other", "CC BY-SA 4.0").kind()).isIn(UpsertOutcome.Kind.UPDATED,
                UpsertOutcome.Kind.UNCHANGED);
        JsonNode entry = api.json(api.get("/api/v1/dictionary/" + LANG + "/entries/" + id, learner.accessToken()));
        assertThat(entry.get("lemma").asString()).isEqualTo("nido");
        assertThat(entry.get("cefr").asString()).isEqualTo("A2");
        assertThat(entry.get("gender").asString()).isEqualTo("masculine");
        assertThat(entry.get("senses").get(0).get("glosses").get(0).get("text").asString()).isEqualTo("nest");
        assertThat(entry.get("fieldSources").get("senses").asString()).isEqualTo("test");
        assertThat(entry.get("fieldSources").get("pronunciations").asString()).isEqualTo("other");
        assertThat(entry.get("fieldSources").get("frequencyRank").asString()).isEqualTo("test");
        assertThat(entry.get("sources").findValuesAsString("source")).containsExactlyInAnyOrder("test", "other");
        assertThat(entry.get("sources").findValuesAsString("license")).contains("CC BY-SA 4.0", "CC0");
        // The same document again changes nothing, and the first source sending its own again keeps the other's fields.
        assertThat(entries.upsert(extra, "other", "CC BY-SA 4.0").kind()).isEqualTo(UpsertOutcome.Kind.UNCHANGED);
        assertThat(entries.upsert(noun("nido", 3000, "nest"), "test", "CC0").kind())
                .isEqualTo(UpsertOutcome.Kind.UNCHANGED);
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/entries/" + id, learner.accessToken())).bodyJson()
                .extractingPath("$.cefr").isEqualTo("A2");
        assertThat(api.get("/api/v1/dictionary/es/entries/" + id, learner.accessToken())).hasStatus(404);
    }

    @Test
    void storingTheSameEntriesAgainChangesNothing() {
        List<UpsertOutcome> again = entries.upsertAll(List.of(verb("ir", 30, "to go", "voy", "fui", "fuimos", "iremos"),
                noun("niño", 200, "boy, child", "niños", "niña")), "test", "CC0");
        assertThat(again).extracting(UpsertOutcome::kind).containsOnly(UpsertOutcome.Kind.UNCHANGED);
        UpsertOutcome changed = entries.upsert(noun("nido", 3000, "nest; den"), "test", "CC0");
        assertThat(changed.kind()).isEqualTo(UpsertOutcome.Kind.UPDATED);
        assertThat(entries.find(changed.entryId()).orElseThrow().glosses(3)).containsExactly("nest; den");
        entries.upsert(noun("nido", 3000, "nest"), "test", "CC0");
    }

    @Test
    void badParametersAreNamed() {
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/search", learner.accessToken())).hasStatus(400).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("q");
        assertThat(api.get("/api/v1/dictionary/not_a_language/search?q=a", learner.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("lang");
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/search?q=a&limit=0", learner.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/search?q=a&limit=ten", learner.accessToken()))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/search?q=!!", learner.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/entries/nope", learner.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        assertThat(api.get("/api/v1/dictionary/" + LANG + "/search?q=nino", null)).hasStatus(401);
    }
}
