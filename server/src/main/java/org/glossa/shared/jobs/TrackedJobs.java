package org.glossa.shared.jobs;

import java.util.UUID;
import org.jobrunr.jobs.lambdas.JobLambda;

/**
 * Starts background jobs that people can follow, and lets a running job report its progress. Any
 * module's job may use it; the jobs module keeps the records.
 *
 * <pre>{@code
 * UUID jobId = UUID.randomUUID();
 * jobs.enqueue(jobId, "dictionary-import", editor.id(), () -> importer.run(jobId));
 * ...
 * void run(UUID jobId) { JobProgress progress = jobs.progress(jobId); progress.total(n); ... progress.advance(1000); }
 * }</pre>
 *
 * Jobs carry ids only (never personal data): JobRunr stores the arguments.
 */
public interface TrackedJobs {

    /**
     * Records a job of this kind, started by this user (null when the system starts it), and enqueues the
     * work under the same id, so that the id a client gets back is the job's id everywhere.
     */
    UUID enqueue(UUID jobId, String kind, UUID startedBy, JobLambda work);

    /** Progress reporting for a job, from whichever node runs it. */
    JobProgress progress(UUID jobId);

    /** Progress reporting for the JobRunr job running on this thread, or {@link JobProgress#NONE} outside one. */
    JobProgress current();
}
