package org.glossa.jobs;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glossa.shared.jobs.JobFailed;
import org.glossa.shared.jobs.JobProgress;
import org.glossa.shared.jobs.TrackedJobs;
import org.jobrunr.jobs.annotations.Job;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Jobs for the tests: one that reports progress the way an import does, one that always fails; final failures heard. */
@Component
public class SampleJobs {

    private final TrackedJobs jobs;

    SampleJobs(TrackedJobs jobs) {
        this.jobs = jobs;
    }

    @Job(name = "Sample import")
    public void importLines(int lines, int badEvery) {
        JobProgress progress = jobs.current();
        progress.total(lines);
        for (int line = 1; line <= lines; line++) {
            if (badEvery > 0 && line % badEvery == 0) {
                progress.error("line " + line + ": not a word").count("skipped", 1);
            } else {
                progress.count("inserted", 1);
            }
            progress.advance(1);
        }
    }

    /**
     * Every final failure published, as the module that started a job hears it. Static: on PostgreSQL every test
     * context in this JVM runs jobs from the one shared database, so the job may fail in another context's server.
     */
    public static final List<JobFailed> failures = new CopyOnWriteArrayList<>();

    @EventListener
    void on(JobFailed failed) {
        failures.add(failed);
    }

    @Job(name = "Sample failure", retries = 1)
    public void fail(UUID jobId) {
        throw new IllegalStateException("the sample job fails on purpose");
    }
}
