package org.glossa.jobs.internal;

import java.util.UUID;
import org.glossa.identity.AccountDeleted;
import org.glossa.shared.PersonalData;
import org.glossa.shared.jobs.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The jobs a learner started: exported on request, forgotten with the account and after a while. */
@Component
class JobsData implements PersonalData {

    private final JdbcClient jdbc;
    private final JobRuns runs;

    JobsData(JdbcClient jdbc, JobRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    @Override
    public String section() {
        return "jobs";
    }

    @Override
    public Object export(UUID userId) {
        return jdbc.sql("""
                select id, kind, state, progress_done, progress_total, created_at, finished_at from job_run
                where started_by = :u order by created_at
                """).param("u", userId).query().listOfRows();
    }

    @ApplicationModuleListener
    void on(AccountDeleted deleted) {
        runs.forgetStartedBy(deleted.userId());
    }

    /** Finished jobs are forgotten after glossa.jobs.keep-finished; JobRunr forgets its own sooner. */
    @Bean
    static RecurringJob jobRunCleanup(JobRuns runs) {
        return new RecurringJob("job-run-cleanup", runs::forgetOldRuns);
    }
}
