package org.glossa.shared.jobs;

import java.util.Objects;

/**
 * A job that runs on a schedule. A module contributes one as a bean; its schedule lives in configuration,
 * {@code glossa.jobs.recurring.<name>.cron} (and optionally {@code .zone}, default UTC), all of them side
 * by side in application.yaml. {@link RecurringJobs} registers them with JobRunr, which runs each once per
 * period however many nodes there are.
 *
 * @param name a stable id (kebab-case), also the configuration key
 * @param work what to do; it runs as a background job on any node, so it should only read and write the
 *             database and enqueue further jobs
 */
public record RecurringJob(String name, Runnable work) {

    public RecurringJob {
        Objects.requireNonNull(work, "work");
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A recurring job's name must be kebab-case: " + name);
        }
    }
}
