package org.glossa.shared.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A tracked job failed for the last time: its retries are spent and nothing will run it again. The module that
 * started it closes its own record of the work (an import, a generation run) so that it does not look unfinished
 * for ever. Published once per job.
 *
 * @param kind        the kind given to {@link TrackedJobs#enqueue}
 * @param lastFailure the last failure's exception and message
 */
public record JobFailed(UUID jobId, String kind, int failedAttempts, String lastFailure, Instant failedAt) {
}
