package org.glossa.dictionary.external;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's search that finds nothing asks the outside dictionary (a fake Free Dictionary API with the real
 * answer shapes) and stores what it gives, with its source and license; whatever goes wrong outside, the search
 * answers 200 with what is stored. Uses the private-use language {@code qfd}.
 */
@GlossaIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalDictionaryIntegrationTests {

    static final String LANG = "qfd";
    static final WireMockServer server = new WireMockServer(options().dynamicPort());

    static {
        server.start();
        // The first exchange of a fresh JVM with a fresh server can take longer than the timeout: warm both up.
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/warm-up")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("glossa.dictionary.external.base-url", server::baseUrl);
        registry.add("glossa.dictionary.external.languages", () -> LANG);
        registry.add("glossa.dictionary.external.request-timeout", () -> "1500ms");
        registry.add("glossa.dictionary.external.max-attempts", () -> "2");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;

    TestApi api;
    Learner learner;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        learner = api.register("searcher");
    }

    static String word() {
        StringBuilder word = new StringBuilder("glossa");
        UUID.randomUUID().toString().chars().filter(Character::isLetter).limit(8).forEach(c -> word.append((char) c));
        return word.toString();
    }

    JsonNode search(String word) {
        MvcTestResult result = api.get("/api/v1/dictionary/" + LANG + "/search?q=" + word, learner.accessToken());
        assertThat(result).hasStatusOk();
        return api.json(result);
    }

    int requests(String word) {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo("/api/v2/entries/" + LANG + "/" + word)).build())
                .getCount();
    }

    @Test
    void aMissIsLookedUpOutsideAndStoredWithItsSourceAndLicense() {
        String word = word();
        server.stubFor(get(urlEqualTo("/api/v2/entries/" + LANG + "/" + word)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(FreeDictionarySamples.body("v2_current_hello.json").replace("\"hello\"", "\"" + word + "\""))));

        JsonNode found = search(word);

        assertThat(found.findValuesAsString("lemma")).containsOnly(word);
        assertThat(found.findValuesAsString("partOfSpeech")).containsExactlyInAnyOrder("noun", "verb", "intj");
        JsonNode entry = api.json(api.get("/api/v1/dictionary/" + LANG + "/entries/" + found.get(0).get("id").asString(),
                learner.accessToken()));
        assertThat(entry.get("sources").get(0).get("source").asString()).isEqualTo("free-dictionary-api");
        assertThat(entry.get("sources").get(0).get("license").asString()).isEqualTo("CC BY-SA 3.0");
        assertThat(entry.get("senses")).isNotEmpty();

        assertThat(search(word)).hasSize(found.size());
        assertThat(requests(word)).as("found locally the second time").isEqualTo(1);
    }

    @Test
    void noDefinitionsFoundIsAnEmptyAnswerAskedOnce() {
        String word = word();
        server.stubFor(get(urlEqualTo("/api/v2/entries/" + LANG + "/" + word)).willReturn(aResponse().withStatus(404)
                .withBody(FreeDictionarySamples.body("maxzhenzhera_error_404_API_response.json"))));

        assertThat(search(word)).isEmpty();
        assertThat(search(word)).isEmpty();
        assertThat(requests(word)).isEqualTo(1);
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it leaves the circuit open and the service's 429 asking to wait an hour
    void aFailingOutsideApiNeverFailsTheSearch() {
        String errors = word();
        String garbage = word();
        String slow = word();
        String limited = word();
        server.stubFor(get(urlEqualTo("/api/v2/entries/" + LANG + "/" + errors)).willReturn(aResponse().withStatus(500)));
        server.stubFor(get(urlEqualTo("/api/v2/entries/" + LANG + "/" + garbage)).willReturn(aResponse().withStatus(200)
                .withBody("{\"oops\": [1, 2")));
        server.stubFor(get(urlEqualTo("/api/v2/entries/" + LANG + "/" + slow)).willReturn(aResponse().withStatus(200)
                .withFixedDelay(5000).withBody(FreeDictionarySamples.body("v2_current_hello.json"))));
        server.stubFor(get(urlEqualTo("/api/v2/entries/" + LANG + "/" + limited)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600")));

        for (String word : List.of(errors, garbage, slow, limited)) {
            assertThat(search(word)).as(word).isEmpty();
        }
        assertThat(requests(errors)).isEqualTo(2);
        // By now the circuit is open and the service asked to wait: searches still answer with what is stored.
        assertThat(search(word())).isEmpty();
    }
}
