package org.glossa.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.jobs.internal.JobDashboard;
import org.glossa.shared.jobs.RecurringJobs;
import org.glossa.shared.jobs.TrackedJobs;
import org.glossa.shared.time.TestClock;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.glossa.shared.time.Timestamps.utc;

/** Jobs as admins and learners follow them: state, progress, counts, errors, retries, and who may see what. */
@GlossaIntegrationTest
class JobsIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TrackedJobs jobs;
    @Autowired
    SampleJobs sample;
    @Autowired
    StorageProvider storage;
    @Autowired
    RecurringJobs recurring;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationContext context;

    TestApi api;
    Learner admin;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        admin = api.admin();
    }

    @Test
    void aJobReportsProgressCountsAndTheErrorsItWentOnFrom() {
        UUID id = UUID.randomUUID();
        jobs.enqueue(id, "sample-import", admin.id(), () -> sample.importLines(250, 2));

        JsonNode run = awaitState("/api/v1/admin/jobs/" + id, admin.accessToken(), "SUCCEEDED", "FAILED");
        assertThat(run.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("kind").asString()).isEqualTo("sample-import");
        assertThat(run.get("progress").get("done").asLong()).isEqualTo(250);
        assertThat(run.get("progress").get("total").asLong()).isEqualTo(250);
        assertThat(run.get("counts").get("inserted").asLong()).isEqualTo(125);
        assertThat(run.get("counts").get("skipped").asLong()).isEqualTo(125);
        // All 125 bad lines are counted; the first 100 (glossa.jobs.errors-kept) are kept word for word, in order.
        assertThat(run.get("errorCount").asLong()).isEqualTo(125);
        assertThat(run.get("errors")).hasSize(100);
        assertThat(run.get("errors").get(0).get("message").asString()).isEqualTo("line 2: not a word");
        assertThat(run.get("errors").get(99).get("message").asString()).isEqualTo("line 200: not a word");
        assertThat(run.get("startedAt").asString()).isNotBlank();
        assertThat(run.get("finishedAt").asString()).isNotBlank();
        assertThat(run.get("durationMs").asLong()).isNotNegative();
        assertThat(run.get("failedAttempts").asInt()).isZero();

        JsonNode succeeded = api.json(api.get("/api/v1/admin/jobs?state=succeeded&size=200", admin.accessToken()));
        assertThat(succeeded.get("items").findValuesAsString("id")).contains(id.toString());
        assertThat(succeeded.get("items").findValuesAsString("state")).containsOnly("SUCCEEDED");
        JsonNode failed = api.json(api.get("/api/v1/admin/jobs?state=FAILED&size=200", admin.accessToken()));
        assertThat(failed.get("items").findValuesAsString("id")).doesNotContain(id.toString());
    }

    @Test
    void aFailingJobIsRetriedWithBackoffThenStaysVisiblyFailed() {
        UUID id = UUID.randomUUID();
        jobs.enqueue(id, "sample-failure", admin.id(), () -> sample.fail(id));

        // @Job(retries = 1): the first failure schedules a retry (SCHEDULED), the second one is final.
        JsonNode run = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.json(api.get("/api/v1/admin/jobs/" + id, admin.accessToken())),
                        r -> r.get("failedAttempts").asInt() >= 2 && r.get("state").asString().equals("FAILED"));
        assertThat(run.get("lastFailure").asString()).contains("IllegalStateException")
                .contains("fails on purpose");
        assertThat(run.get("finishedAt").asString()).isNotBlank();
        JsonNode failed = api.json(api.get("/api/v1/admin/jobs?state=FAILED&size=200", admin.accessToken()));
        assertThat(failed.get("items").findValuesAsString("id")).contains(id.toString());

        // Its kind's module heard of the final failure, once (the earlier failure was retried, not final).
        assertThat(SampleJobs.failures).filteredOn(f -> f.jobId().equals(id)).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo("sample-failure"))
                .satisfies(f -> assertThat(f.failedAttempts()).isEqualTo(2))
                .satisfies(f -> assertThat(f.lastFailure()).contains("fails on purpose"));

        // The one who started it sees the failure, without the exception text.
        JsonNode mine = api.json(api.get("/api/v1/me/jobs/" + id, admin.accessToken()));
        assertThat(mine.get("state").asString()).isEqualTo("FAILED");
        assertThat(mine.get("lastFailure").isNull()).isTrue();
    }

    @Test
    void learnersSeeOnlyTheJobsTheyStarted() {
        Learner ana = api.register("ana");
        Learner bo = api.register("bo");
        MvcTestResult requested = api.post("/api/v1/me/memory/optimize", null, ana.accessToken());
        assertThat(requested).hasStatus(202);
        String jobId = api.json(requested).get("id").asString();

        JsonNode run = awaitState("/api/v1/me/jobs/" + jobId, ana.accessToken(), "SUCCEEDED", "FAILED");
        assertThat(run.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("kind").asString()).isEqualTo("memory-optimization");
        assertThat(run.get("startedBy").asString()).isEqualTo(ana.id().toString());
        // The optimization's own endpoint keeps working, under the same id.
        assertThat(api.json(api.get("/api/v1/me/memory/optimizations/" + jobId, ana.accessToken())).get("status")
                .asString()).isEqualTo("SUCCEEDED");
        JsonNode anas = api.json(api.get("/api/v1/me/jobs", ana.accessToken()));
        assertThat(anas.get("items").findValuesAsString("id")).containsExactly(jobId);
        assertThat(anas.get("totalItems").asLong()).isEqualTo(1);

        assertThat(api.get("/api/v1/me/jobs/" + jobId, bo.accessToken())).hasStatus(404);
        assertThat(api.json(api.get("/api/v1/me/jobs", bo.accessToken())).get("items")).isEmpty();
        assertThat(api.get("/api/v1/admin/jobs", bo.accessToken())).hasStatus(403);
        assertThat(api.get("/api/v1/admin/jobs/" + jobId, bo.accessToken())).hasStatus(403);
        assertThat(api.get("/api/v1/me/jobs", null)).hasStatus(401);
        assertThat(api.json(api.get("/api/v1/admin/jobs/" + jobId, admin.accessToken())).get("startedBy").asString())
                .isEqualTo(ana.id().toString());
    }

    @Test
    void badFiltersAndUnknownIdsAreProblems() {
        MvcTestResult bad = api.get("/api/v1/admin/jobs?state=RUNNING", admin.accessToken());
        assertThat(bad).hasStatus(400);
        assertThat(api.json(bad).get("errors").get(0).get("field").asString()).isEqualTo("state");
        assertThat(api.json(bad).get("errors").get(0).get("message").asString()).contains("SUCCEEDED");
        assertThat(api.get("/api/v1/me/jobs?state=nope", admin.accessToken())).hasStatus(400);
        assertThat(api.get("/api/v1/admin/jobs?page=-1", admin.accessToken())).hasStatus(400);
        assertThat(api.get("/api/v1/admin/jobs/" + UUID.randomUUID(), admin.accessToken())).hasStatus(404);
        assertThat(api.get("/api/v1/me/jobs/" + UUID.randomUUID(), admin.accessToken())).hasStatus(404);
        assertThat(api.get("/api/v1/admin/jobs/not-a-uuid", admin.accessToken())).hasStatus(400);
    }

    @Test
    void recurringJobsAreScheduledFromConfigurationAndOldRecordsAreForgotten() {
        Map<String, String> crons = new HashMap<>();
        storage.getRecurringJobs().forEach(job -> crons.put(job.getId(), job.getScheduleExpression()));
        assertThat(crons).containsEntry("memory-optimization-nightly", "30 3 * * *")
                .containsEntry("job-run-cleanup", "15 4 * * *");
        assertThat(recurring.schedules()).containsKeys("memory-optimization-nightly", "job-run-cleanup");

        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        OffsetDateTime now = utc(clock.now());
        for (UUID id : List.of(old, recent)) {
            OffsetDateTime finished = id.equals(old) ? now.minusDays(31) : now.minusDays(29);
            jdbc.sql("""
                    insert into job_run (id, kind, state, created_at, finished_at, updated_at)
                    values (:id, 'sample', 'SUCCEEDED', :at, :at, :at)
                    """).param("id", id).param("at", finished).update();
        }
        recurring.run("job-run-cleanup");
        assertThat(api.get("/api/v1/admin/jobs/" + old, admin.accessToken())).hasStatus(404);
        assertThat(api.get("/api/v1/admin/jobs/" + recent, admin.accessToken())).hasStatus(200);
    }

    @Test
    void noDashboardIsServedByDefault() {
        // JobRunr's own would listen on every interface, outside Glossa's security: it stays off. Glossa's (loopback
        // only, with a password) is off unless an operator switches it on.
        assertThat(context.getBeanNamesForType(JobRunrDashboardWebServer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(JobDashboard.class)).isEmpty();
        assertThat(context.getBeanNamesForType(BackgroundJobServer.class)).hasSize(1);
    }

    private JsonNode awaitState(String uri, String token, String... states) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.json(api.get(uri, token)),
                        r -> r.has("state") && java.util.Arrays.asList(states).contains(r.get("state").asString()));
    }
}
