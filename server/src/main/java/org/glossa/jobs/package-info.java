/**
 * Background jobs as people follow them: every JobRunr job's state, progress, counts, errors and timings,
 * for admins ({@code /api/v1/admin/jobs}) and for the learner or editor who started one
 * ({@code /api/v1/me/jobs}). Modules start and report on jobs through {@link org.glossa.shared.jobs.TrackedJobs}
 * in the shared kernel; this module keeps the records and removes a learner's with their account. It also serves
 * JobRunr's dashboard to operators when switched on ({@code glossa.jobs.dashboard.*}: loopback only, with a password).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Background jobs")
package org.glossa.jobs;
