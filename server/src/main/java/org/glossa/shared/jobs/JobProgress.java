package org.glossa.shared.jobs;

/**
 * What a running background job reports about itself, for the people who follow it through
 * {@code /api/v1/admin/jobs} and {@code /api/v1/me/jobs}: how far it is (done of total), named counts
 * (for example {@code inserted}, {@code skipped}) and errors it met without failing (for example a bad
 * line of an import, with its line number). Every call is written at once so that other nodes see it:
 * report per batch (every few hundred or thousand items), not per item.
 */
public interface JobProgress {

    /** How many units of work there are in all, when known. */
    JobProgress total(long total);

    /** How many units are done, as an absolute figure (for a job that resumes where it stopped). */
    JobProgress done(long done);

    /** Adds to the units done. */
    JobProgress advance(long units);

    /** Adds to a named count. */
    JobProgress count(String name, long amount);

    /**
     * Records an error the job met and went on from. The first errors are kept word for word (up to
     * {@code glossa.jobs.errors-kept}); all of them are counted.
     */
    JobProgress error(String message);

    /** Reports nothing: what a job gets when it runs outside the background-job machinery. */
    JobProgress NONE = new JobProgress() {

        @Override
        public JobProgress total(long total) {
            return this;
        }

        @Override
        public JobProgress done(long done) {
            return this;
        }

        @Override
        public JobProgress advance(long units) {
            return this;
        }

        @Override
        public JobProgress count(String name, long amount) {
            return this;
        }

        @Override
        public JobProgress error(String message) {
            return this;
        }
    };
}
