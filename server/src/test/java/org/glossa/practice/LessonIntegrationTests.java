package org.glossa.practice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A lesson of the demo course played through the HTTP API, as a learner's app would. */
@GlossaIntegrationTest
@RecordApplicationEvents
class LessonIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEvents events;

    TestApi api;
    Learner ana;
    String courseId;
    JsonNode path;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        ana = api.register("ana");
        courseId = api.demoCourseId(ana.accessToken());
        path = api.json(api.get("/api/v1/courses/" + courseId, ana.accessToken()));
    }

    private String firstLesson() {
        return path.get("sections").get(0).get("skills").get(0).get("lessons").get(0).get("id").asString();
    }

    private JsonNode start(String lessonId) {
        MvcTestResult started = api.post("/api/v1/sessions", Map.of("lessonId", lessonId), ana.accessToken());
        assertThat(started).hasStatus(201);
        return api.json(started);
    }

    private JsonNode answer(String sessionId, String exerciseId, Object answer, String answerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("exerciseId", exerciseId);
        body.put("answer", answer);
        body.put("answerId", answerId);
        MvcTestResult result = api.post("/api/v1/sessions/" + sessionId + "/answers", body, ana.accessToken());
        assertThat(result).hasStatusOk();
        return api.json(result);
    }

    @Test
    void theCatalogueAndThePathShowTheDemoCourseWithLocks() {
        assertThat(api.post("/api/v1/courses/" + courseId + "/enrollment", null, ana.accessToken())).hasStatus(201);
        assertThat(api.post("/api/v1/courses/" + courseId + "/enrollment", null, ana.accessToken())).hasStatus(200);

        JsonNode enrolled = api.json(api.get("/api/v1/courses/" + courseId, ana.accessToken()));
        assertThat(enrolled.get("enrolled").asBoolean()).isTrue();
        JsonNode skills = enrolled.get("sections").get(0).get("skills");
        assertThat(skills.get(0).get("state").asString()).isEqualTo("unlocked");
        assertThat(skills.get(1).get("state").asString()).isEqualTo("locked");
        assertThat(skills.get(0).get("lessons").size()).isGreaterThanOrEqualTo(1);
        JsonNode skill = api.json(api.get("/api/v1/skills/" + skills.get(0).get("id").asString(), ana.accessToken()));
        assertThat(skill.get("explanation").asString()).contains("buenos días");
        assertThat(api.get("/api/v1/courses/" + UUID.randomUUID(), ana.accessToken())).hasStatus(404);
        assertThat(api.get("/api/v1/courses?target=xx", ana.accessToken()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aLessonHasTenToFifteenExercisesAndNeverRevealsTheAnswers() {
        JsonNode session = start(firstLesson());

        JsonNode exercises = session.get("exercises");
        assertThat(exercises.size()).isBetween(10, 15);
        String payload = session.toString();
        assertThat(payload).doesNotContain("accepted").doesNotContain("correctOption").doesNotContain("solution");
        // Every item is introduced (choose) before the first exercise that tests it.
        LessonKey key = new LessonKey(jdbc, json, session.get("sessionId").asString());
        List<String> introduced = new ArrayList<>();
        for (JsonNode exercise : exercises) {
            JsonNode full = key.exercise(exercise.get("id").asString());
            String item = full.get("itemIds").get(0).asString();
            if (full.get("introduces").asBoolean()) {
                introduced.add(item);
            } else if (!exercise.get("type").asString().equals("match")) {
                assertThat(introduced).as("introduced before tested").contains(item);
            }
        }
    }

    @Test
    void aPerfectLessonEarnsFifteenXpOnceAndOpensTheNextSkill() {
        JsonNode session = start(firstLesson());
        String id = session.get("sessionId").asString();
        LessonKey key = new LessonKey(jdbc, json, id);
        assertThat(api.post("/api/v1/sessions/" + id + "/complete", null, ana.accessToken())).as("unanswered").hasStatus(409);
        for (JsonNode exercise : session.get("exercises")) {
            String exerciseId = exercise.get("id").asString();
            JsonNode reply = answer(id, exerciseId, key.rightAnswer(exerciseId), "a-" + exerciseId);
            assertThat(reply.get("verdict").asString()).as(exercise.toString()).isEqualTo("correct");
        }

        JsonNode result = api.json(api.post("/api/v1/sessions/" + id + "/complete", null, ana.accessToken()));

        assertThat(result.get("xpEarned").asInt()).isEqualTo(15);
        assertThat(result.get("correct").asInt()).isEqualTo(result.get("total").asInt());
        assertThat(result.get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(result.get("newItems").asInt()).isGreaterThan(0);
        assertThat(api.json(api.post("/api/v1/sessions/" + id + "/complete", null, ana.accessToken())))
                .isEqualTo(result);
        List<LessonCompleted> completed = events.stream(LessonCompleted.class)
                .filter(e -> e.sessionId().toString().equals(id)).toList();
        assertThat(completed).as("completed twice, counted once").hasSize(1);
        assertThat(completed.getFirst().xpEarned()).isEqualTo(15);
        assertThat(completed.getFirst().perfect()).isTrue();
        assertThat(completed.getFirst().kind()).isEqualTo(SessionKind.LESSON);
        assertThat(events.stream(ExerciseAnswered.class).filter(e -> e.sessionId().toString().equals(id)))
                .hasSize(session.get("exercises").size()).allMatch(ExerciseAnswered::correct);
        JsonNode skill = api.json(api.get("/api/v1/courses/" + courseId, ana.accessToken())).get("sections").get(0)
                .get("skills").get(0);
        assertThat(skill.get("lessonsDone").asInt()).isEqualTo(1);
        assertThat(answerStatus(id, "e1", "late")).isEqualTo(409);
    }

    @Test
    void verdictsAreTolerantWhereAPersonWouldBe() {
        JsonNode session = start(firstLesson());
        String id = session.get("sessionId").asString();
        LessonKey key = new LessonKey(jdbc, json, id);
        List<JsonNode> typing = key.all().values().stream()
                .filter(e -> e.get("type").asString().equals("translate")).toList();
        assertThat(typing).hasSizeGreaterThanOrEqualTo(2);

        JsonNode wrong = answer(id, typing.get(0).get("id").asString(), "zzzz qqqq", "w1");
        assertThat(wrong.get("verdict").asString()).isEqualTo("wrong");
        assertThat(wrong.get("correct").asBoolean()).isFalse();
        assertThat(wrong.get("expected").asString()).isNotBlank();

        JsonNode sloppy = answer(id, typing.get(1).get("id").asString(),
                "  " + typing.get(1).get("accepted").get(0).asString().toUpperCase() + "!! ", "s1");
        assertThat(sloppy.get("correct").asBoolean()).isTrue();
    }

    @Test
    void answersAreIdempotentByAnswerIdAndOncePerExercise() {
        JsonNode session = start(firstLesson());
        String id = session.get("sessionId").asString();
        String first = session.get("exercises").get(0).get("id").asString();

        JsonNode reply = answer(id, first, "whatever", "same-id");
        JsonNode again = answer(id, first, "something else", "same-id");

        assertThat(again).isEqualTo(reply);
        assertThat(jdbc.sql("select count(*) from practice_answer where session_id = :s").param("s", UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(answerStatus(id, first, "other-id")).isEqualTo(409);
        assertThat(answerStatus(id, "e999", "x")).isEqualTo(409);
        assertThat(api.post("/api/v1/sessions/" + UUID.randomUUID() + "/answers",
                Map.of("exerciseId", "e1", "answer", "x", "answerId", "y"), ana.accessToken())).hasStatus(404);
        Learner ben = api.register("ben");
        assertThat(api.post("/api/v1/sessions/" + id + "/answers", Map.of("exerciseId", "e2", "answer", "x",
                "answerId", "z"), ben.accessToken())).as("another learner's session").hasStatus(404);
        assertThat(api.post("/api/v1/sessions/" + id + "/answers", Map.of("answer", "x"), ana.accessToken()))
                .hasStatus(400);
    }

    @Test
    void concurrentCompletionCountsOnce() throws Exception {
        JsonNode session = start(firstLesson());
        String id = session.get("sessionId").asString();
        LessonKey key = new LessonKey(jdbc, json, id);
        for (JsonNode exercise : session.get("exercises")) {
            String exerciseId = exercise.get("id").asString();
            answer(id, exerciseId, key.rightAnswer(exerciseId), "c-" + exerciseId);
        }
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> TestApi.body(api.post("/api/v1/sessions/" + id + "/complete", null, ana.accessToken())));
        }
        List<String> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<String> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
        }

        assertThat(results).allMatch(r -> r.equals(results.getFirst())).allMatch(r -> r.contains("xpEarned"));
        assertThat(jdbc.sql("select times from practice_lesson_done where user_id = :u").param("u", ana.id())
                .query(Integer.class).list()).containsExactly(1);
    }

    @Test
    void completedSkillsOpenPracticeAndWrongAnswersOpenMistakes() {
        JsonNode skill = path.get("sections").get(0).get("skills").get(0);
        for (JsonNode lesson : skill.get("lessons")) {
            JsonNode session = start(lesson.get("id").asString());
            String id = session.get("sessionId").asString();
            LessonKey key = new LessonKey(jdbc, json, id);
            boolean first = true;
            for (JsonNode exercise : session.get("exercises")) {
                String exerciseId = exercise.get("id").asString();
                Object answer = first && key.exercise(exerciseId).get("type").asString().equals("translate")
                        ? "completely wrong" : key.rightAnswer(exerciseId);
                first = false;
                answer(id, exerciseId, answer, "p-" + id + exerciseId);
            }
            assertThat(api.post("/api/v1/sessions/" + id + "/complete", null, ana.accessToken())).hasStatusOk();
        }
        JsonNode after = api.json(api.get("/api/v1/courses/" + courseId, ana.accessToken()));
        assertThat(after.get("sections").get(0).get("skills").get(0).get("state").asString()).isEqualTo("completed");
        assertThat(after.get("sections").get(0).get("skills").get(0).get("level").asInt()).isEqualTo(1);
        assertThat(after.get("sections").get(0).get("skills").get(1).get("state").asString()).isEqualTo("unlocked");

        MvcTestResult practice = api.post("/api/v1/sessions", Map.of("courseId", courseId, "kind", "practice"),
                ana.accessToken());
        assertThat(practice).hasStatus(201);
        assertThat(api.json(practice).get("exercises").size()).isBetween(10, 15);
        assertThat(api.json(practice).get("kind").asString()).isEqualTo("PRACTICE");

        boolean anyWrong = jdbc.sql("select count(*) from practice_answer where user_id = :u and verdict = 'wrong'")
                .param("u", ana.id()).query(Long.class).single() > 0;
        MvcTestResult mistakes = api.post("/api/v1/sessions", Map.of("courseId", courseId, "kind", "mistakes"),
                ana.accessToken());
        assertThat(mistakes).hasStatus(anyWrong ? 201 : 409);
    }

    @Test
    void completingAPracticeTwiceTheSameDayEarnsLess() {
        JsonNode skill = path.get("sections").get(0).get("skills").get(0);
        for (JsonNode lesson : skill.get("lessons")) {
            playPerfectly(start(lesson.get("id").asString()));
        }
        JsonNode first = playPerfectly(api.json(api.post("/api/v1/sessions",
                Map.of("courseId", courseId, "kind", "practice"), ana.accessToken())));
        JsonNode second = playPerfectly(api.json(api.post("/api/v1/sessions",
                Map.of("courseId", courseId, "kind", "practice"), ana.accessToken())));

        assertThat(first.get("xpEarned").asInt()).isEqualTo(10);
        assertThat(second.get("xpEarned").asInt()).isEqualTo(5);
    }

    private JsonNode playPerfectly(JsonNode session) {
        String id = session.get("sessionId").asString();
        LessonKey key = new LessonKey(jdbc, json, id);
        for (JsonNode exercise : session.get("exercises")) {
            String exerciseId = exercise.get("id").asString();
            answer(id, exerciseId, key.rightAnswer(exerciseId), "pp-" + id + exerciseId);
        }
        MvcTestResult result = api.post("/api/v1/sessions/" + id + "/complete", null, ana.accessToken());
        assertThat(result).hasStatusOk();
        return api.json(result);
    }

    @Test
    void idleSessionsExpire() {
        JsonNode session = start(firstLesson());
        String id = session.get("sessionId").asString();

        clock.advance(Duration.ofHours(2).plusMinutes(1));

        Learner fresh = api.login(ana.email(), ana.password());
        MvcTestResult expired = api.post("/api/v1/sessions/" + id + "/answers", Map.of("exerciseId", "e1",
                "answer", "x", "answerId", "late"), fresh.accessToken());
        assertThat(expired).hasStatus(410);
        assertThat(api.json(expired).get("type").asString()).isEqualTo("urn:glossa:problem:gone");
    }

    @Test
    void anEditorCanOpenASectionFreely() {
        // The section is closed again at the end, so that other tests see the demo course as it was.
        Learner admin = api.admin();
        String section = path.get("sections").get(1).get("id").asString();
        String lockedLesson = path.get("sections").get(1).get("skills").get(0).get("lessons").get(0).get("id").asString();
        assertThat(api.post("/api/v1/sessions", Map.of("lessonId", lockedLesson), ana.accessToken())).hasStatus(403);
        assertThat(api.patch("/api/v1/admin/sections/" + section, Map.of("freelyOpen", true), ana.accessToken()))
                .hasStatus(403);

        try {
            assertThat(api.patch("/api/v1/admin/sections/" + section, Map.of("freelyOpen", true), admin.accessToken()))
                    .hasStatusOk();
            assertThat(api.post("/api/v1/sessions", Map.of("lessonId", lockedLesson), ana.accessToken())).hasStatus(201);
        } finally {
            api.patch("/api/v1/admin/sections/" + section, Map.of("freelyOpen", false), admin.accessToken());
        }
        assertThat(api.patch("/api/v1/admin/sections/" + UUID.randomUUID(), Map.of("freelyOpen", true),
                admin.accessToken())).hasStatus(404);
        assertThat(api.patch("/api/v1/admin/sections/" + section, Map.of(), admin.accessToken())).hasStatus(400);
    }

    @Test
    void lockedSkillsAndBadStartsAreRefused() {
        String lockedLesson = path.get("sections").get(0).get("skills").get(1).get("lessons").get(0).get("id").asString();

        assertThat(api.post("/api/v1/sessions", Map.of("lessonId", lockedLesson), ana.accessToken())).hasStatus(403);
        assertThat(api.post("/api/v1/sessions", Map.of("lessonId", UUID.randomUUID().toString()), ana.accessToken()))
                .hasStatus(404);
        assertThat(api.post("/api/v1/sessions", Map.of(), ana.accessToken())).hasStatus(400);
        assertThat(api.post("/api/v1/sessions", Map.of("courseId", courseId, "kind", "nap"), ana.accessToken()))
                .hasStatus(400);
        assertThat(api.post("/api/v1/sessions", Map.of("courseId", courseId, "kind", "practice"), ana.accessToken()))
                .as("nothing completed yet").hasStatus(409);
        assertThat(api.post("/api/v1/sessions", Map.of("courseId", courseId, "kind", "mistakes"), ana.accessToken()))
                .as("no mistakes yet").hasStatus(409);
    }

    @Test
    void deletingTheAccountDeletesThePracticeData() {
        JsonNode session = start(firstLesson());
        String id = session.get("sessionId").asString();
        answer(id, session.get("exercises").get(0).get("id").asString(), "x", "del-1");
        assertThat(api.json(api.get("/api/v1/me/export", ana.accessToken())).get("practice").get("sessions")).hasSize(1);

        assertThat(api.delete("/api/v1/me", Map.of("password", ana.password()), ana.accessToken())).hasStatus(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String table : List.of("practice_session", "practice_answer", "practice_enrollment")) {
                assertThat(jdbc.sql("select count(*) from " + table + " where user_id = :u").param("u", ana.id())
                        .query(Long.class).single()).as(table).isZero();
            }
        });
    }

    private int answerStatus(String sessionId, String exerciseId, String answerId) {
        return api.post("/api/v1/sessions/" + sessionId + "/answers", Map.of("exerciseId", exerciseId,
                "answer", "x", "answerId", answerId), ana.accessToken()).getResponse().getStatus();
    }
}
