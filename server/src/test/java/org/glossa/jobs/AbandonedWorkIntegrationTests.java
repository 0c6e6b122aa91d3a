package org.glossa.jobs;

import java.time.Duration;
import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.shared.jobs.JobFailed;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.glossa.shared.time.Timestamps.utc;

/**
 * When JobRunr gives up on a job (its retries spent), the module that started it closes its own record: a dictionary
 * import or a generation run shows FAILED with the reason instead of RUNNING or WAITING for ever. The records are
 * set up as a job that kept failing would leave them, and {@link JobFailed} is published as the jobs module does.
 */
@GlossaIntegrationTest
class AbandonedWorkIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    TestApi api;
    Learner admin;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        admin = api.admin();
    }

    void giveUp(UUID jobId, String kind) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new JobFailed(jobId, kind, 4,
                "org.springframework.jdbc.CannotGetJdbcConnectionException: the database went away", clock.now())));
    }

    @Test
    void aDictionaryImportWhoseJobWasGivenUpIsFailedWithTheReasonAndItsFileGoes() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into dictionary_import (id, format, gloss_language, source, state, lines_done, inserted, updated,
                    unchanged, skipped, bad_lines, error_budget, requested_by, requested_at, started_at)
                values (:id, 'csv', 'en', 'upload', 'RUNNING', 1000, 1000, 0, 0, 0, 0, 100, :by, :now, :now)
                """).param("id", id).param("by", admin.id()).param("now", utc(clock.now())).update();
        jdbc.sql("insert into dictionary_import_chunk (import_id, seq, data) values (:id, 0, :data)").param("id", id)
                .param("data", "lemma\nuno\n".getBytes()).update();

        giveUp(UUID.randomUUID(), "dictionary-import"); // another import's job: this one is untouched
        giveUp(id, "sample-failure"); // another kind of job with the same id: untouched
        giveUp(id, "dictionary-import");

        JsonNode status = await().atMost(Duration.ofSeconds(30)).until(() -> api.json(api.get(
                "/api/v1/admin/dictionary/imports/" + id, admin.accessToken())), s -> s.get("state").asString()
                        .equals("FAILED"));
        assertThat(status.get("message").asString()).startsWith("Stopped after 4 failed attempts")
                .contains("the database went away");
        assertThat(status.get("counts").get("inserted").asLong()).as("what it wrote stays").isEqualTo(1000);
        assertThat(jdbc.sql("select count(*) from dictionary_import_chunk where import_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aGenerationRunWaitingForARetryThatWillNeverComeIsFailed() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into generation_job (id, kind, status, request, requested_by, requested_at, message)
                values (:id, 'ENRICHMENT', 'WAITING', '{}', :by, :now, 'The run will be retried.')
                """).param("id", id).param("by", admin.id()).param("now", utc(clock.now())).update();

        giveUp(id, "generation-enrichment");

        JsonNode run = await().atMost(Duration.ofSeconds(30)).until(() -> api.json(api.get(
                "/api/v1/admin/generation/jobs/" + id, admin.accessToken())), r -> r.get("status").asString()
                        .equals("FAILED"));
        assertThat(run.get("message").asString()).contains("Stopped after 4 failed attempts");
        assertThat(run.get("finishedAt").isNull()).isFalse();
    }
}
