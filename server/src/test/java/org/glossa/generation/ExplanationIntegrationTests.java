package org.glossa.generation;

import java.time.Duration;
import java.util.Map;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.practice.LessonKey;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glossa.shared.time.Timestamps.utc;

/** "Explain my answer" with no language model configured: the offline generator answers, plainly labelled. */
@GlossaIntegrationTest
class ExplanationIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    TestApi api;
    Learner ana;
    String sessionId;
    String translate;
    String other;
    LessonKey key;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        ana = api.register("ana");
        String courseId = api.demoCourseId(ana.accessToken());
        JsonNode path = api.json(api.get("/api/v1/courses/" + courseId, ana.accessToken()));
        String lesson = path.get("sections").get(0).get("skills").get(0).get("lessons").get(0).get("id").asString();
        JsonNode session = api.json(api.post("/api/v1/sessions", Map.of("lessonId", lesson), ana.accessToken()));
        sessionId = session.get("sessionId").asString();
        key = new LessonKey(jdbc, json, sessionId);
        for (JsonNode exercise : session.get("exercises")) {
            String id = exercise.get("id").asString();
            if (exercise.get("type").asString().equals("translate") && translate == null) {
                translate = id;
            } else if (other == null && !exercise.get("type").asString().equals("translate")) {
                other = id;
            }
        }
        assertThat(translate).as("a lesson has a translate exercise").isNotNull();
        assertThat(api.json(api.post(answers(), Map.of("exerciseId", translate, "answer", "zzz wrong words",
                "answerId", "w-1"), ana.accessToken())).get("verdict").asString()).isEqualTo("wrong");
    }

    private String answers() {
        return "/api/v1/sessions/" + sessionId + "/answers";
    }

    private String explanation(String exerciseId) {
        return "/api/v1/sessions/" + sessionId + "/exercises/" + exerciseId + "/explanation";
    }

    @Test
    void explainsAnAnsweredExerciseFromItsAcceptedAnswersSayingItIsOffline() {
        MvcTestResult result = api.post(explanation(translate), Map.of("answer", "zzz wrong words"), ana.accessToken());
        assertThat(result).hasStatusOk();
        JsonNode body = api.json(result);
        String expected = key.exercise(translate).get("accepted").get(0).asString();
        assertThat(body.get("generator").asString()).isEqualTo("offline");
        assertThat(body.get("explanation").asString()).startsWith("Offline explanation")
                .contains("Your answer: \"zzz wrong words\"", "Verdict: wrong.", "not in the accepted answer: \"zzz\"")
                .contains(expected.replaceAll("[/()].*", "").strip());
        assertThat(body.get("remainingToday").asInt()).isEqualTo(2);
    }

    @Test
    void onlyForTheLearnersOwnSessionAndAnAnsweredExercise() {
        Learner bob = api.register("bob");
        MvcTestResult othersSession = api.post(explanation(translate), Map.of("answer", "x"), bob.accessToken());
        assertThat(othersSession).hasStatus(404);
        assertThat(api.json(othersSession).get("type").asString()).isEqualTo("urn:glossa:problem:not-found");
        assertThat(api.post(explanation("e99"), Map.of("answer", "x"), ana.accessToken())).hasStatus(404);

        MvcTestResult unanswered = api.post(explanation(other), Map.of("answer", "x"), ana.accessToken());
        assertThat(unanswered).hasStatus(409);
        assertThat(api.json(unanswered).get("detail").asString()).contains("not answered yet");

        assertThat(api.post(explanation(translate), Map.of(), ana.accessToken())).hasStatus(400);
        assertThat(api.post(explanation(translate), Map.of("answer", "x"), null)).hasStatus(401);
    }

    @Test
    void aDailyLimitPerLearnerSaysWhenItRenews() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(explanation(translate), Map.of("answer", "try " + i), ana.accessToken())).hasStatusOk();
        }
        MvcTestResult limited = api.post(explanation(translate), Map.of("answer", "again"), ana.accessToken());
        assertThat(limited).hasStatus(429);
        JsonNode problem = api.json(limited);
        assertThat(problem.get("type").asString()).isEqualTo("urn:glossa:problem:rate-limited");
        assertThat(problem.get("limit").asInt()).isEqualTo(3);
        assertThat(problem.get("resetsAt").asString()).isNotBlank();
        long retryAfter = Long.parseLong(limited.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isPositive().isLessThanOrEqualTo(Duration.ofDays(1).toSeconds());

        // The unlimited-explanations entitlement lifts the limit while it lasts.
        Learner admin = api.admin();
        String grant = "/api/v1/admin/users/" + ana.id() + "/entitlements/unlimited-explanations";
        assertThat(api.put(grant, Map.of("expiresAt", clock.now().plus(Duration.ofHours(1)).toString()),
                admin.accessToken())).hasStatusOk();
        MvcTestResult unlimited = api.post(explanation(translate), Map.of("answer", "granted"), ana.accessToken());
        assertThat(unlimited).hasStatusOk();
        JsonNode remaining = api.json(unlimited).get("remainingToday");
        assertThat(remaining == null || remaining.isNull()).as("no count for an unlimited learner").isTrue();
        assertThat(api.delete(grant, null, admin.accessToken())).hasStatus(204);
        assertThat(api.post(explanation(translate), Map.of("answer", "revoked"), ana.accessToken())).hasStatus(429);

        // Another learner is not affected; the next day (in the learner's zone) the limit renews.
        Learner bob = api.register("bob");
        assertThat(api.post("/api/v1/sessions/" + sessionId + "/exercises/" + translate + "/explanation",
                Map.of("answer", "x"), bob.accessToken())).hasStatus(404);
        clock.advance(Duration.ofSeconds(retryAfter + 1));
        Learner again = api.login(ana.email(), ana.password());
        jdbc.sql("update practice_session set last_activity_at = :now where id = cast(:id as uuid)")
                .param("now", utc(clock.now()))
                .param("id", sessionId).update();
        assertThat(api.post(explanation(translate), Map.of("answer", "next day"), again.accessToken())).hasStatusOk();
    }
}
