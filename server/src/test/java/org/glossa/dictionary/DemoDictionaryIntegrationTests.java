package org.glossa.dictionary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.content.Courses;
import org.glossa.content.ItemView;
import org.glossa.dictionary.internal.SearchKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the demo course is loaded (the embedded default; here on both databases) the demo dictionary is too: a
 * newcomer finds every word of the demo course by searching, inflected forms and accents included.
 */
@GlossaIntegrationTest
class DemoDictionaryIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Courses courses;

    @Test
    void everyWordOfTheDemoCourseIsFoundInTheDictionary() {
        TestApi api = new TestApi(mvc, json);
        Learner learner = api.register("newcomer");
        UUID course = UUID.fromString(api.demoCourseId(learner.accessToken()));
        Set<String> words = new LinkedHashSet<>();
        for (ItemView item : courses.items(course)) {
            words.addAll(SearchKeys.words(item.text()));
        }
        assertThat(words).hasSizeGreaterThan(30);
        List<String> missing = new ArrayList<>();
        for (String word : words) {
            JsonNode hits = api.json(api.get("/api/v1/dictionary/es/search?q=" + word, learner.accessToken()));
            boolean exact = false;
            for (JsonNode hit : hits) {
                exact |= SearchKeys.fold(hit.get("matched").asString("")).equals(SearchKeys.fold(word))
                        || SearchKeys.fold(hit.get("lemma").asString()).equals(SearchKeys.fold(word));
            }
            if (!exact) {
                missing.add(word);
            }
        }
        assertThat(missing).as("demo course words without a dictionary entry").isEmpty();
    }

    @Test
    void anInflectedFormWithoutItsAccentFindsItsLemmaWithAGloss() {
        TestApi api = new TestApi(mvc, json);
        Learner learner = api.register("searcher");
        // Other tests of this shared context add Spanish entries too (and merge into "estar"): look for the demo's
        // among the hits, with a form no other test writes.
        JsonNode hits = api.json(api.get("/api/v1/dictionary/es/search?q=quereis", learner.accessToken()));
        List<String> found = new ArrayList<>();
        hits.forEach(h -> found.add(h.get("lemma").asString() + " / " + h.get("matched").asString() + " / "
                + h.get("match").asString() + " / " + h.get("summary").asString()));
        assertThat(found).anySatisfy(hit -> assertThat(hit).startsWith("querer / queréis / EXACT_FORM / to want"));
    }
}
