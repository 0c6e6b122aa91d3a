package org.glossa.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.glossa.fsrs.DayBoundary;
import org.glossa.fsrs.Evaluation;
import org.glossa.fsrs.Optimizer;
import org.glossa.fsrs.Parameters;
import org.glossa.fsrs.Rating;
import org.glossa.fsrs.ReviewLog;
import org.glossa.fsrs.TrainingItem;
import org.glossa.shared.jobs.JobFailed;
import org.glossa.shared.jobs.RecurringJob;
import org.glossa.shared.jobs.TrackedJobs;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Fits FSRS parameters to one learner's own review log, as a background job on any node. New
 * parameters are adopted only when they predict the learner's most recent reviews (the latest fifth
 * of the training items) at least as well as the parameters in use; every adopted set is kept.
 */
@Service
public class MemoryOptimization {

    static final String JOB_KIND = "memory-optimization";

    private static final Logger log = LoggerFactory.getLogger(MemoryOptimization.class);

    /** Fewer training items than this and the learner's own parameters would be guesswork. */
    static final int MIN_ITEMS = 16;
    /** New reviews since the last run that make the nightly job optimize a learner again. */
    static final int NEW_REVIEWS_FOR_NIGHTLY_RUN = 200;

    public record Run(UUID id, String status, Instant requestedAt, Instant finishedAt, Integer reviews,
            Double logLossBefore, Double logLossAfter, Boolean adopted, String message) {
    }

    private final JdbcClient jdbc;
    private final TrackedJobs jobs;
    private final Memory memory;
    private final Clock clock;

    MemoryOptimization(JdbcClient jdbc, TrackedJobs jobs, Memory memory, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.memory = memory;
        this.clock = clock;
    }

    /**
     * Queues a run for the learner, or returns the one already pending (queued, running or waiting for a retry): the
     * unique {@code pending_user} slot keeps it to one even when two nodes ask at once.
     */
    @Transactional
    public Run request(UUID userId) {
        UUID id = UUID.randomUUID();
        int queued = jdbc.sql("""
                insert into review_optimization (id, user_id, status, requested_at, pending_user)
                values (:id, :u, 'QUEUED', :now, :u) on conflict do nothing
                """).param("id", id).param("u", userId).param("now", now()).update();
        if (queued == 0) {
            UUID pending = jdbc.sql("select id from review_optimization where pending_user = :u").param("u", userId)
                    .query(UUID.class).single();
            return run(userId, pending).orElseThrow();
        }
        // The run id is the job's id (the learner follows it at /me/jobs too); the job carries only that id.
        jobs.enqueue(id, JOB_KIND, userId, () -> optimize(id));
        return run(userId, id).orElseThrow();
    }

    /** A run whose job failed for the last time frees the learner's slot: the next request queues a new one. */
    @ApplicationModuleListener
    void on(JobFailed failed) {
        if (JOB_KIND.equals(failed.kind())) {
            jdbc.sql("""
                    update review_optimization set pending_user = null, status = 'FAILED', finished_at = coalesce(finished_at, :now),
                        message = 'The optimization failed ' || :attempts || ' times; ask again later.'
                    where id = :id
                    """).param("now", now()).param("attempts", failed.failedAttempts()).param("id", failed.jobId())
                    .update();
        }
    }

    public Optional<Run> run(UUID userId, UUID runId) {
        return jdbc.sql("""
                select id, status, requested_at, finished_at, reviews, log_loss_before, log_loss_after, adopted, message
                from review_optimization where id = :id and user_id = :u
                """).param("id", runId).param("u", userId).query((rs, n) -> new Run(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class) == null ? null : rs.getObject(4, OffsetDateTime.class).toInstant(),
                        (Integer) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7),
                        (Boolean) rs.getObject(8), rs.getString(9))).optional();
    }

    @Job(name = "Optimize a learner's FSRS parameters", retries = 2)
    public void optimize(UUID runId) {
        Optional<UUID> user = jdbc.sql("select user_id from review_optimization where id = :id").param("id", runId)
                .query(UUID.class).optional();
        if (user.isEmpty()) {
            return; // the account was deleted meanwhile
        }
        UUID userId = user.get();
        jdbc.sql("update review_optimization set status = 'RUNNING' where id = :id").param("id", runId).update();
        try {
            Memory.Settings settings = memory.settings(userId);
            DayBoundary days = new DayBoundary(memory.zoneOf(userId), settings.dayStartHour());
            List<ReviewLog.Entry> entries = jdbc.sql("select item_id, reviewed_at, rating from review_log where user_id = :u")
                    .param("u", userId).query((rs, n) -> new ReviewLog.Entry(rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(), Rating.of(rs.getInt(3)))).list();
            List<TrainingItem> items = ReviewLog.items(entries, days);
            if (items.size() < MIN_ITEMS) {
                finish(runId, "SUCCEEDED", entries.size(), null, null, false,
                        "Not enough reviews across days yet: " + items.size() + " of " + MIN_ITEMS + " needed.");
                return;
            }
            Parameters current = memory.parameters(userId);
            Optimizer.Result result = new Optimizer().optimize(items);
            List<TrainingItem> recent = items.subList(items.size() - Math.max(1, items.size() / 5), items.size());
            double before = logLoss(current, recent, items);
            double after = logLoss(result.parameters(), recent, items);
            boolean adopt = after <= before;
            if (adopt) {
                jdbc.sql("""
                        insert into review_parameters (id, user_id, parameters, log_loss, created_at)
                        values (:id, :u, :p, :loss, :now)
                        """).param("id", UUID.randomUUID()).param("u", userId)
                        .param("p", Arrays.stream(result.parameters().toArray()).mapToObj(Double::toString)
                                .collect(Collectors.joining(",")))
                        .param("loss", after).param("now", now()).update();
            }
            finish(runId, "SUCCEEDED", entries.size(), before, after, adopt, adopt
                    ? "New parameters adopted: they predict the latest reviews better."
                    : "Parameters kept: the new ones did not predict the latest reviews better.");
        } catch (RuntimeException e) {
            log.error("Optimization run {} failed", runId, e);
            finish(runId, "FAILED", null, null, null, false, "The optimization failed; it will be retried.");
            throw e;
        }
    }

    /** Log loss on the most recent items, or on all of them when too few recent ones pass the outlier filter. */
    private static double logLoss(Parameters parameters, List<TrainingItem> recent, List<TrainingItem> all) {
        try {
            return Evaluation.evaluate(parameters, recent).logLoss();
        } catch (IllegalArgumentException e) {
            return Evaluation.evaluate(parameters, all).logLoss();
        }
    }

    private void finish(UUID runId, String status, Integer reviews, Double before, Double after, boolean adopted,
            String message) {
        // A failure keeps the slot: JobRunr retries the run (JobFailed frees it when it gives up).
        jdbc.sql("""
                update review_optimization set status = :status, finished_at = :now, reviews = :reviews,
                    log_loss_before = :before, log_loss_after = :after, adopted = :adopted, message = :message,
                    pending_user = case when :status = 'FAILED' then pending_user else null end
                where id = :id
                """).param("status", status).param("now", now()).param("reviews", reviews).param("before", before)
                .param("after", after).param("adopted", adopted).param("message", message).param("id", runId).update();
    }

    /** Nightly (glossa.jobs.recurring.memory-optimization-nightly): a run for every learner with enough new reviews. */
    @Bean
    static RecurringJob memoryOptimizationNightly(MemoryOptimization optimization) {
        return new RecurringJob("memory-optimization-nightly", optimization::nightly);
    }

    @Job(name = "Queue FSRS optimizations for learners with new reviews")
    public void nightly() {
        List<UUID> learners = jdbc.sql("""
                select l.user_id from review_log l
                where l.reviewed_at > coalesce((select max(o.requested_at) from review_optimization o
                                                where o.user_id = l.user_id), :epoch)
                group by l.user_id having count(*) >= :min
                """).param("epoch", utc(Instant.EPOCH))
                .param("min", NEW_REVIEWS_FOR_NIGHTLY_RUN).query(UUID.class).list();
        learners.forEach(this::request);
        if (!learners.isEmpty()) {
            log.info("Queued FSRS optimizations for {} learners", learners.size());
        }
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
