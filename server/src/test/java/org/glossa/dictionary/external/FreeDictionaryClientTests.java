package org.glossa.dictionary.external;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glossa.dictionary.external.FreeDictionarySamples.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside dictionary client against a fake Free Dictionary API on a random port, answering with the real
 * response shapes: entries, "No Definitions Found", 429 with Retry-After, slow replies, 500s, garbage, and a
 * service that keeps failing until the circuit opens and then half-opens. Waits between attempts are recorded,
 * not slept; the circuit's and the caches' time is a clock the tests move.
 */
class FreeDictionaryClientTests {

    private static final String HELLO = "/api/v2/entries/en/hello";

    WireMockServer server;
    MovableClock clock = new MovableClock();
    List<Duration> pauses = new CopyOnWriteArrayList<>();
    FreeDictionaryClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        client = client(settings(3, 1000, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    ExternalDictionarySettings settings(int failureThreshold, int requestsPerMinute, Duration requestTimeout) {
        return settings(failureThreshold, requestsPerMinute, requestTimeout, Duration.ofMinutes(1), Duration.ofMillis(100));
    }

    ExternalDictionarySettings settings(int failureThreshold, int requestsPerMinute, Duration requestTimeout,
            Duration deadline, Duration backoff) {
        return new ExternalDictionarySettings(server.baseUrl(), List.of("en"), "free-dictionary-api", "CC BY-SA 3.0",
                Duration.ofSeconds(1), requestTimeout, 3, deadline, backoff, Duration.ofSeconds(5),
                failureThreshold, Duration.ofSeconds(30), requestsPerMinute, Duration.ofDays(7), Duration.ofDays(1), 100);
    }

    FreeDictionaryClient client(ExternalDictionarySettings settings) {
        return new FreeDictionaryClient(settings, clock, pause -> {
            pauses.add(pause);
            clock.advance(pause); // waiting moves time on
        }, AnswerCache.inProcess(settings, clock),
                JsonMapper.builder().build());
    }

    void answer(String path, int status, String body) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    int requests(String path) {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo(path)).build()).getCount();
    }

    @Test
    void entriesAreFoundAndRemembered() {
        String hello = FreeDictionarySamples.body("v2_current_hello.json");
        answer(HELLO, 200, hello);

        assertThat(client.lookup("en", "hello")).isEqualTo(new Answer.Found(hello));
        assertThat(client.lookup("en", " Hello ")).isEqualTo(new Answer.Found(hello));
        assertThat(requests(HELLO)).isEqualTo(1);
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        client.lookup("en", "hello");
        assertThat(requests(HELLO)).as("asked again once the answer is a week old").isEqualTo(2);
    }

    @Test
    void olderResponseShapesAreEntriesToo() {
        for (String sample : List.of("readme_v1_hello.json", "readme_v2_hello.json",
                "maxzhenzhera_word_hello_API_response.json", "v2_current_test.json")) {
            String word = sample.toLowerCase().replace('.', '-').replace('_', '-');
            answer("/api/v2/entries/en/" + word, 200, FreeDictionarySamples.body(sample));
            assertThat(client.lookup("en", word)).as(sample)
                    .isInstanceOf(Answer.Found.class);
        }
    }

    @Test
    void noDefinitionsFoundIsAnAnswerRememberedForADay() {
        for (String sample : List.of("maxzhenzhera_error_404_API_response.json", "error_404_compact_reconstructed.json")) {
            String word = "qwxz" + sample.length();
            answer("/api/v2/entries/en/" + word, 404, FreeDictionarySamples.body(sample));
            assertThat(client.lookup("en", word)).isEqualTo(new Answer.NotFound());
            assertThat(client.lookup("en", word)).isEqualTo(new Answer.NotFound());
            assertThat(requests("/api/v2/entries/en/" + word)).isEqualTo(1);
        }
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        String word = "qwxz" + "error_404_compact_reconstructed.json".length();
        client.lookup("en", word);
        assertThat(requests("/api/v2/entries/en/" + word)).isEqualTo(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a429IsRetriedAfterTheTimeItAsksFor() {
        server.stubFor(get(urlEqualTo(HELLO)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        server.stubFor(get(urlEqualTo(HELLO)).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(FreeDictionarySamples.body("v2_current_hello.json"))));

        assertThat(client.lookup("en", "hello")).isInstanceOf(Answer.Found.class);
        assertThat(pauses).containsExactly(Duration.ofSeconds(2));
        assertThat(requests(HELLO)).isEqualTo(2);
    }

    @Test
    void aLong429StopsAllCallsUntilItsTimeHasPassed() {
        server.stubFor(get(urlPathMatching("/api/v2/entries/en/.*"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThat(client.lookup("en", "hello")).isInstanceOf(Answer.Unavailable.class);
        assertThat(client.lookup("en", "keyboard")).isInstanceOf(Answer.Unavailable.class);
        assertThat(server.getAllServeEvents()).as("no call while the service asked to wait").hasSize(1);
        assertThat(pauses).isEmpty();

        clock.advance(Duration.ofSeconds(121));
        answer("/api/v2/entries/en/keyboard", 200, FreeDictionarySamples.body("v2_current_keyboard.json"));
        assertThat(client.lookup("en", "keyboard")).isInstanceOf(Answer.Found.class);
    }

    @Test
    void slowRepliesTimeOutAndAreRetriedWithBackoff() {
        client = client(settings(3, 1000, Duration.ofMillis(300)));
        server.stubFor(get(urlEqualTo(HELLO)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withBody(FreeDictionarySamples.body("v2_current_hello.json"))));

        Answer answer = client.lookup("en", "hello");

        assertThat(answer).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) answer).reason()).contains("no answer within");
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(requests(HELLO)).isEqualTo(3);
    }

    @Test
    void serverErrorsAreRetriedAndAnAnswerAfterThemCounts() {
        server.stubFor(get(urlEqualTo(HELLO)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("still"));
        server.stubFor(get(urlEqualTo(HELLO)).inScenario("flaky").whenScenarioStateIs("still")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo(HELLO)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody(FreeDictionarySamples.body("v2_current_hello.json"))));

        assertThat(client.lookup("en", "hello")).isInstanceOf(Answer.Found.class);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(client.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aLookupGivesUpRatherThanPassItsDeadline() {
        client = client(settings(5, 1000, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(600)));
        server.stubFor(get(urlEqualTo(HELLO)).willReturn(aResponse().withStatus(500)));

        Answer answer = client.lookup("en", "hello");

        assertThat(((Answer.Unavailable) answer).reason()).contains("deadline");
        assertThat(pauses).containsExactly(Duration.ofMillis(600));
        assertThat(requests(HELLO)).isEqualTo(2);
    }

    @Test
    void garbageIsNoAnswerAndIsNotRemembered() {
        answer("/api/v2/entries/en/html", 200, "<html><body>Service temporarily moved</body></html>");
        answer("/api/v2/entries/en/object", 200, "{\"word\": \"object\"}");
        answer("/api/v2/entries/en/truncated", 200, FreeDictionarySamples.body("v2_current_hello.json").substring(0, 300));
        answer("/api/v2/entries/en/proxy", 404, "<html>Not Found</html>");

        for (String word : List.of("html", "object", "truncated", "proxy")) {
            assertThat(client.lookup("en", word)).as(word).isInstanceOf(Answer.Unavailable.class);
            client.lookup("en", word);
        }
        assertThat(requests("/api/v2/entries/en/html")).as("garbage is not retried at once, nor remembered").isEqualTo(2);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndHalfOpensLater() {
        server.stubFor(get(urlPathMatching("/api/v2/entries/en/.*")).willReturn(aResponse().withStatus(500)));

        Answer failed = client.lookup("en", "hello");
        assertThat(failed).isInstanceOf(Answer.Unavailable.class);
        assertThat(client.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        int calls = server.getAllServeEvents().size();
        assertThat(calls).isEqualTo(3);
        Answer refused = client.lookup("en", "keyboard");
        assertThat(((Answer.Unavailable) refused).reason()).contains("circuit open");
        assertThat(server.getAllServeEvents()).as("no call while open").hasSize(calls);

        // After openFor, one trial call; it fails, so the circuit opens again at once.
        clock.advance(Duration.ofSeconds(31));
        assertThat(client.circuit()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(client.lookup("en", "keyboard")).isInstanceOf(Answer.Unavailable.class);
        assertThat(server.getAllServeEvents()).hasSize(calls + 1);
        assertThat(client.circuit()).isEqualTo(CircuitBreaker.State.OPEN);

        // The service is back: the next trial succeeds and closes the circuit.
        clock.advance(Duration.ofSeconds(31));
        server.resetAll();
        answer("/api/v2/entries/en/keyboard", 200, FreeDictionarySamples.body("v2_current_keyboard.json"));
        assertThat(client.lookup("en", "keyboard")).isInstanceOf(Answer.Found.class);
        assertThat(client.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aNodeMakesAtMostTheConfiguredRequestsPerMinute() {
        client = client(settings(3, 2, Duration.ofSeconds(5)));
        server.stubFor(get(urlPathMatching("/api/v2/entries/en/.*")).willReturn(aResponse().withStatus(404)
                .withBody(FreeDictionarySamples.body("error_404_compact_reconstructed.json"))));

        assertThat(client.lookup("en", "one")).isEqualTo(new Answer.NotFound());
        assertThat(client.lookup("en", "two")).isEqualTo(new Answer.NotFound());
        Answer third = client.lookup("en", "three");
        assertThat(((Answer.Unavailable) third).reason()).contains("requests a minute");
        assertThat(server.getAllServeEvents()).hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(client.lookup("en", "three")).isEqualTo(new Answer.NotFound());
    }

    @Test
    void wordsAreSentEncoded() {
        answer("/api/v2/entries/en/ice%20cream", 200, FreeDictionarySamples.body("v2_current_test.json"));
        assertThat(client.lookup("en", "ice cream")).isInstanceOf(Answer.Found.class);
    }
}
