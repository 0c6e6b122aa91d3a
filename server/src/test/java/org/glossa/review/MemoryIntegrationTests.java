package org.glossa.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.practice.LessonKey;
import org.glossa.fsrs.Rating;
import org.glossa.fsrs.Scheduler;
import org.glossa.review.internal.Memory;
import org.glossa.review.internal.MemoryOptimization;
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
import static org.awaitility.Awaitility.await;

/** Lessons feed the memory model; due items come back as flashcards and review sessions. */
@GlossaIntegrationTest
class MemoryIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    MemoryOptimization optimization;
    @Autowired
    Memory memory;

    TestApi api;
    Learner ana;
    String courseId;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        ana = api.register("ana");
        courseId = api.demoCourseId(ana.accessToken());
        JsonNode path = api.json(api.get("/api/v1/courses/" + courseId, ana.accessToken()));
        String lesson = path.get("sections").get(0).get("skills").get(0).get("lessons").get(0).get("id").asString();
        JsonNode session = api.json(api.post("/api/v1/sessions", Map.of("lessonId", lesson), ana.accessToken()));
        String id = session.get("sessionId").asString();
        LessonKey key = new LessonKey(jdbc, json, id);
        for (JsonNode exercise : session.get("exercises")) {
            String exerciseId = exercise.get("id").asString();
            api.post("/api/v1/sessions/" + id + "/answers", Map.of("exerciseId", exerciseId,
                    "answer", key.rightAnswer(exerciseId), "answerId", "m-" + exerciseId), ana.accessToken());
        }
        // The memory model learns from the answers right after each one is stored.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from review_log where user_id = :u").param("u", ana.id()).query(Long.class).single()
                >= session.get("exercises").size());
    }

    @Test
    void lessonsMakeMemoryItemsThatFallDueAndComeBackAsFlashcardsAndSessions() {
        JsonNode memory = api.json(api.get("/api/v1/me/memory", ana.accessToken()));
        int met = memory.get("byState").get("learning").asInt() + memory.get("byState").get("review").asInt();
        assertThat(met).isBetween(3, 8);
        assertThat(memory.get("forecast")).hasSize(30);

        clock.advance(Duration.ofDays(40));
        Learner later = api.login(ana.email(), ana.password());

        JsonNode due = api.json(api.get("/api/v1/reviews/due?courseId=" + courseId + "&limit=3", later.accessToken()));
        assertThat(due).hasSize(3);
        assertThat(due.get(0).get("retrievability").asDouble()).isLessThanOrEqualTo(due.get(1).get("retrievability").asDouble());
        assertThat(due.get(0).get("exercise").get("answer").asString()).isNotBlank();
        MvcTestResult review = api.post("/api/v1/sessions", Map.of("courseId", courseId, "kind", "review"),
                later.accessToken());
        assertThat(review).hasStatus(201);
        assertThat(api.json(review).get("kind").asString()).isEqualTo("REVIEW");
        assertThat(api.json(api.get("/api/v1/me/memory", later.accessToken())).get("dueNow").asInt()).isEqualTo(met);
    }

    @Test
    void twoReviewsThatMeetANewItemAtOnceBothApply() throws Exception {
        // As when two answers of one lesson name the same word, each heard by its own listener at the same moment.
        Scheduler scheduler = memory.scheduler(ana.id());
        UUID course = UUID.fromString(courseId);
        // Finer than the database keeps (it would round this up): the second review must not look older than the first.
        Instant at = clock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusNanos(700);
        List<UUID> items = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 20; i++) {
                UUID item = UUID.randomUUID();
                items.add(item);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Memory.Outcome>> both = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    String reviewId = "race:" + item + ":" + k;
                    both.add(pool.submit(() -> {
                        together.await();
                        return memory.review(scheduler, ana.id(), course, item, Rating.GOOD, at, null, reviewId, "lesson");
                    }));
                }
                for (Future<Memory.Outcome> outcome : both) {
                    assertThat(outcome.get()).isEqualTo(Memory.Outcome.APPLIED);
                }
            }
        }
        for (UUID item : items) {
            assertThat(jdbc.sql("select reps from review_item where user_id = :u and item_id = :i").param("u", ana.id())
                    .param("i", item).query(Integer.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from review_log where user_id = :u and item_id = :i").param("u", ana.id())
                    .param("i", item).query(Long.class).single()).isEqualTo(2);
        }
    }

    @Test
    void flashcardReviewsApplyInOrderOncePerIdAndRejectWhatCannotBe() {
        clock.advance(Duration.ofDays(3));
        Learner later = api.login(ana.email(), ana.password());
        JsonNode due = api.json(api.get("/api/v1/reviews/due?limit=2", later.accessToken()));
        String item = due.get(0).get("itemId").asString();
        Instant now = clock.now();

        List<Map<String, Object>> batch = List.of(
                Map.of("reviewId", "r2", "itemId", item, "rating", 3, "reviewedAt", now.minusSeconds(60).toString()),
                Map.of("reviewId", "r1", "itemId", item, "rating", 1, "reviewedAt", now.minusSeconds(120).toString()),
                Map.of("reviewId", "r-future", "itemId", item, "rating", 3, "reviewedAt", now.plusSeconds(3600).toString()),
                Map.of("reviewId", "r-unknown", "itemId", UUID.randomUUID().toString(), "rating", 3,
                        "reviewedAt", now.toString()));
        JsonNode results = api.json(api.post("/api/v1/reviews", Map.of("reviews", batch), later.accessToken()));

        assertThat(results.get(0).get("reviewId").asString()).isEqualTo("r2");
        assertThat(results.get(0).get("status").asString()).isEqualTo("applied");
        assertThat(results.get(1).get("status").asString()).as("applied first, being older").isEqualTo("applied");
        assertThat(results.get(2).get("reason").asString()).contains("future");
        assertThat(results.get(3).get("reason").asString()).contains("unknown");
        JsonNode next = results.get(0).get("next");
        assertThat(next.get("again").get("due").asString()).isNotBlank();
        assertThat(Instant.parse(next.get("easy").get("due").asString()))
                .isAfterOrEqualTo(Instant.parse(next.get("good").get("due").asString()));

        JsonNode again = api.json(api.post("/api/v1/reviews", Map.of("reviews", List.of(
                Map.of("reviewId", "r2", "itemId", item, "rating", 3, "reviewedAt", now.minusSeconds(60).toString()),
                Map.of("reviewId", "r0", "itemId", item, "rating", 3, "reviewedAt", now.minusSeconds(600).toString()))),
                later.accessToken()));
        assertThat(again.get(0).get("status").asString()).isEqualTo("duplicate");
        assertThat(again.get(1).get("status").asString()).isEqualTo("rejected");
        assertThat(again.get(1).get("reason").asString()).contains("older");

        assertThat(api.post("/api/v1/reviews", Map.of("reviews", List.of(Map.of("reviewId", "bad", "itemId", item,
                "rating", 7, "reviewedAt", now.toString()))), later.accessToken())).hasStatus(400);
        assertThat(api.post("/api/v1/reviews", Map.of("reviews", List.of()), later.accessToken())).hasStatus(400);

        String csv = TestApi.body(api.get("/api/v1/me/reviews/export", later.accessToken()));
        assertThat(csv).startsWith("card_id,review_time,review_rating,review_duration,review_state\n").contains(item);
    }

    @Test
    void optimizationRunsAsAJobOnTheLearnersOwnLog() {
        List<String> itemIds = jdbc.sql("select id from content_item where course_id = :c order by id")
                .param("c", UUID.fromString(courseId)).query(UUID.class).list().stream().map(UUID::toString)
                .limit(20).toList();
        Instant now = clock.now();
        List<Map<String, Object>> reviews = new ArrayList<>();
        int[] daysAgo = { 60, 45, 30, 12, 3 };
        for (int i = 0; i < itemIds.size(); i++) {
            for (int r = 0; r < daysAgo.length; r++) {
                int rating = (i + r) % 5 == 0 ? 1 : 3;
                reviews.add(Map.of("reviewId", "opt-" + i + "-" + r, "itemId", itemIds.get(i), "rating", rating,
                        "reviewedAt", now.minus(Duration.ofDays(daysAgo[r])).minusSeconds(i).toString()));
            }
        }
        // Items met in the lesson were reviewed just now, so their older entries are rightly refused.
        JsonNode applied = api.json(api.post("/api/v1/reviews", Map.of("reviews", reviews), ana.accessToken()));
        assertThat(applied.findValuesAsString("status")).contains("applied");

        MvcTestResult requested = api.post("/api/v1/me/memory/optimize", null, ana.accessToken());
        assertThat(requested).hasStatus(202);
        String location = requested.getResponse().getHeader("Location");
        assertThat(location).endsWith(api.json(requested).get("id").asString());

        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.json(api.get(location, ana.accessToken())),
                        r -> !r.get("status").asString().equals("QUEUED") && !r.get("status").asString().equals("RUNNING"));
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("reviews").asInt()).isGreaterThan(50);
        assertThat(run.get("logLossBefore").asDouble()).isPositive();
        assertThat(run.get("logLossAfter").asDouble()).isPositive();
        assertThat(run.get("adopted").asBoolean()).isEqualTo(run.get("logLossAfter").asDouble() <= run.get("logLossBefore").asDouble());
        assertThat(api.get("/api/v1/me/memory/optimizations/" + UUID.randomUUID(), ana.accessToken())).hasStatus(404);
    }

    @Test
    void aLearnerWithFewReviewsKeepsTheDefaults() {
        MvcTestResult requested = api.post("/api/v1/me/memory/optimize", null, ana.accessToken());
        String location = requested.getResponse().getHeader("Location");

        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.json(api.get(location, ana.accessToken())),
                        r -> r.get("status").asString().equals("SUCCEEDED") || r.get("status").asString().equals("FAILED"));
        assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("adopted").asBoolean()).isFalse();
        assertThat(run.get("message").asString()).contains("Not enough");
    }

    @Test
    void twoRequestsAtOnceQueueOneRunAndTheNextAfterItEndsQueuesANewOne() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Callable<UUID>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> optimization.request(ana.id()).id());
        }
        java.util.Set<UUID> runs = new java.util.HashSet<>();
        try {
            for (var result : pool.invokeAll(requests)) {
                runs.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(runs).hasSize(1);
        UUID first = runs.iterator().next();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> jdbc.sql(
                "select status from review_optimization where id = :id").param("id", first).query(String.class).single()
                .equals("SUCCEEDED"));
        assertThat(optimization.request(ana.id()).id()).as("a new run once the first has ended").isNotEqualTo(first);
        assertThat(jdbc.sql("select count(*) from review_optimization where user_id = :u").param("u", ana.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void settingsAreValidated() {
        MvcTestResult changed = api.patch("/api/v1/me/memory/settings", Map.of("desiredRetention", 0.85,
                "dayStartHour", 5), ana.accessToken());
        assertThat(changed).hasStatusOk();
        assertThat(api.json(changed).get("desiredRetention").asDouble()).isEqualTo(0.85);

        MvcTestResult bad = api.patch("/api/v1/me/memory/settings", Map.of("desiredRetention", 0.5, "dayStartHour", 24),
                ana.accessToken());
        assertThat(bad).hasStatus(400);
        assertThat(api.json(bad).get("errors").findValuesAsString("field")).contains("desiredRetention", "dayStartHour");
    }
}
