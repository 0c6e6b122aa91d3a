package org.glossa.jobs;

import java.util.UUID;
import org.glossa.shared.jobs.JobProgress;
import org.glossa.shared.jobs.TrackedJobs;
import org.jobrunr.jobs.annotations.Job;
import org.springframework.stereotype.Component;

/** Jobs for the tests: one that reports progress the way an import does, one that always fails. */
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

    @Job(name = "Sample failure", retries = 1)
    public void fail(UUID jobId) {
        throw new IllegalStateException("the sample job fails on purpose");
    }
}
