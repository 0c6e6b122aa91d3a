package org.glossa.jobs;

import java.util.UUID;
import org.glossa.GlossaIntegrationTest;
import org.glossa.shared.jobs.TrackedJobs;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A node configured not to run jobs has no background job server, and still enqueues jobs for the nodes that do. */
@GlossaIntegrationTest
@TestPropertySource(properties = "jobrunr.background-job-server.enabled=false")
class JobsWorkerOffIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TrackedJobs jobs;
    @Autowired
    SampleJobs sample;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNodeWithoutWorkersEnqueuesButDoesNotRun() {
        assertThat(context.getBeanNamesForType(BackgroundJobServer.class)).isEmpty();

        UUID id = UUID.randomUUID();
        jobs.enqueue(id, "sample-import", null, () -> sample.importLines(10, 0));

        assertThat(jdbc.sql("select state from jobrunr_jobs where id = :id").param("id", id.toString())
                .query(String.class).single()).isEqualTo("ENQUEUED");
        assertThat(jdbc.sql("select state from job_run where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("ENQUEUED");
    }
}
