package org.glossa.dictionary.internal;

import java.time.Clock;
import org.glossa.shared.jobs.JobFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * An import whose job failed for the last time (its retries spent, say on a database that stayed away) is marked
 * FAILED with the reason, and its uploaded file goes, instead of showing RUNNING for ever. What it wrote before
 * stays: every batch it committed is a whole one, and starting the import again continues from there.
 */
@Component
class AbandonedImports {

    private final JdbcClient jdbc;
    private final ImportFiles files;
    private final Clock clock;

    AbandonedImports(JdbcClient jdbc, ImportFiles files, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(JobFailed failed) {
        if (!DictionaryImports.JOB_KIND.equals(failed.kind())) {
            return;
        }
        String message = "Stopped after " + failed.failedAttempts() + " failed attempts: " + failed.lastFailure();
        int closed = jdbc.sql("""
                update dictionary_import set state = 'FAILED', message = :message, finished_at = :now
                where id = :id and state in ('QUEUED', 'RUNNING')
                """).param("message", message.length() > 2000 ? message.substring(0, 2000) : message)
                .param("now", utc(clock.instant())).param("id", failed.jobId()).update();
        if (closed > 0) {
            files.delete(failed.jobId());
        }
    }
}
