package org.glossa.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.glossa.shared.jobs.JobFailed;
import org.glossa.shared.jobs.JobProgress;
import org.glossa.shared.jobs.JobSettings;
import org.glossa.shared.jobs.TrackedJobs;
import org.jobrunr.jobs.lambdas.JobLambda;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.runner.ThreadLocalJobContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * The record of every background job ({@code job_run}, keyed by JobRunr's job id): who started it, its state
 * as JobRunr moves it along (see {@link JobRunStates}), and what the job itself reports through
 * {@link JobProgress}. Everything is written at once, outside the caller's transaction where there is none,
 * so that every node sees it.
 */
@Component
public class JobRuns implements TrackedJobs {

    /** A job's state as the API shows it; JobRunr's AWAITING (waiting on another job) shows as SCHEDULED. */
    public enum State {
        ENQUEUED, SCHEDULED, PROCESSING, SUCCEEDED, FAILED, DELETED;

        static State of(StateName name) {
            return switch (name) {
                case AWAITING, SCHEDULED -> SCHEDULED;
                case ENQUEUED -> ENQUEUED;
                case PROCESSING -> PROCESSING;
                case SUCCEEDED -> SUCCEEDED;
                case FAILED -> FAILED;
                case DELETED -> DELETED;
            };
        }

        boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == DELETED;
        }
    }

    public record Progress(long done, Long total) {
    }

    public record JobError(Instant at, String message) {
    }

    /**
     * @param failedAttempts how many times the job failed so far (it is retried with backoff until its retries
     *                       are spent, then stays FAILED)
     * @param lastFailure the last failure's exception and message (admins only; null for learners)
     * @param durationMs from the first start to the end, or to now while it runs
     */
    public record Run(UUID id, String kind, State state, UUID startedBy, Progress progress, Map<String, Long> counts,
            long errorCount, List<JobError> errors, int failedAttempts, String lastFailure, Instant createdAt,
            Instant startedAt, Instant finishedAt, Instant updatedAt, Long durationMs) {

        /** What the learner or editor who started the job sees: no exception text. */
        public Run forOwner() {
            return new Run(id, kind, state, startedBy, progress, counts, errorCount, errors, failedAttempts, null,
                    createdAt, startedAt, finishedAt, updatedAt, durationMs);
        }
    }

    public record Page(List<Run> items, int page, int size, long totalItems, int totalPages) {
    }

    static final int MESSAGE_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final JobScheduler scheduler;
    private final Clock clock;
    private final JobSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    JobRuns(JdbcClient jdbc, JobScheduler scheduler, Clock clock, JobSettings settings,
            PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public UUID enqueue(UUID jobId, String kind, UUID startedBy, JobLambda work) {
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into job_run (id, kind, started_by, state, created_at, updated_at)
                values (:id, :kind, :by, 'ENQUEUED', :now, :now)
                """).param("id", jobId).param("kind", clip(kind, 300)).param("by", startedBy).param("now", now).update();
        scheduler.enqueue(jobId, work);
        return jobId;
    }

    @Override
    public JobProgress progress(UUID jobId) {
        return new Reporter(jobId);
    }

    @Override
    public JobProgress current() {
        return ThreadLocalJobContext.hasJobContext() ? progress(ThreadLocalJobContext.getJobContext().getJobId())
                : JobProgress.NONE;
    }

    /** Follows JobRunr's state changes; creates the record of a job started without {@link #enqueue}. */
    void stateChanged(UUID jobId, String jobName, Instant jobCreatedAt, StateName name, boolean current,
            int failedAttempts, String lastFailure) {
        State state = State.of(name);
        if (state == State.FAILED && current && Boolean.TRUE.equals(transactions.execute(tx -> gaveUp(jobId, failedAttempts,
                lastFailure)))) {
            return;
        }
        OffsetDateTime now = now();
        if (updateState(jobId, state, failedAttempts, lastFailure, now) == 0) {
            try {
                jdbc.sql("""
                        insert into job_run (id, kind, state, created_at, updated_at) values (:id, :kind, :state, :created, :now)
                        """).param("id", jobId).param("kind", clip(jobName == null ? "job" : jobName, 300))
                        .param("state", state.name())
                        .param("created", jobCreatedAt == null ? now : utc(jobCreatedAt))
                        .param("now", now).update();
            } catch (DuplicateKeyException raced) {
                // recorded meanwhile by the node that enqueued it
            }
            updateState(jobId, state, failedAttempts, lastFailure, now);
        }
    }

    /**
     * The job's final failure (FAILED is still its state: no retry follows): records it and, on the first report
     * only, publishes {@link JobFailed} in the same transaction. False when the job has no record yet.
     */
    private boolean gaveUp(UUID jobId, int failedAttempts, String lastFailure) {
        record Before(String kind, String state) {
        }
        Optional<Before> before = jdbc.sql("select kind, state from job_run where id = :id for update").param("id", jobId)
                .query((rs, n) -> new Before(rs.getString(1), rs.getString(2))).optional();
        if (before.isEmpty()) {
            return false;
        }
        OffsetDateTime now = now();
        updateState(jobId, State.FAILED, failedAttempts, lastFailure, now);
        if (!before.get().state().equals(State.FAILED.name())) {
            events.publishEvent(new JobFailed(jobId, before.get().kind(), failedAttempts,
                    clip(lastFailure, MESSAGE_LENGTH), now.toInstant()));
        }
        return true;
    }

    private int updateState(UUID jobId, State state, int failedAttempts, String lastFailure, OffsetDateTime now) {
        return jdbc.sql("""
                update job_run set state = :state, failed_attempts = :failures, last_failure = :failure, updated_at = :now,
                    started_at = coalesce(started_at, :started), finished_at = :finished
                where id = :id
                """).param("state", state.name()).param("failures", failedAttempts)
                .param("failure", clip(lastFailure, MESSAGE_LENGTH)).param("now", now)
                .param("started", state == State.PROCESSING ? now : null)
                .param("finished", state.finished() ? now : null).param("id", jobId).update();
    }

    public Page list(State state, UUID startedBy, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state.name());
        }
        if (startedBy != null) {
            where.append(" and started_by = :by");
            params.put("by", startedBy);
        }
        long total = jdbc.sql("select count(*) from job_run" + where).params(params).query(Long.class).single();
        List<Run> runs = jdbc.sql("select * from job_run" + where + " order by created_at desc, id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> run(rs, Map.of(), List.of())).list();
        Map<UUID, Map<String, Long>> counts = counts(runs.stream().map(Run::id).toList());
        List<Run> items = runs.stream().map(r -> withCounts(r, counts.getOrDefault(r.id(), Map.of()))).toList();
        return new Page(items, page, size, total, (int) ((total + size - 1) / size));
    }

    public Optional<Run> find(UUID jobId) {
        return jdbc.sql("select * from job_run where id = :id").param("id", jobId)
                .query((rs, n) -> run(rs, Map.of(), List.of())).optional()
                .map(r -> {
                    List<JobError> errors = jdbc.sql("""
                            select occurred_at, message from job_run_error where job_id = :id order by seq
                            """).param("id", jobId).query((rs, n) -> new JobError(
                                    rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2))).list();
                    Run counted = withCounts(r, counts(List.of(jobId)).getOrDefault(jobId, Map.of()));
                    return new Run(counted.id(), counted.kind(), counted.state(), counted.startedBy(), counted.progress(),
                            counted.counts(), counted.errorCount(), errors, counted.failedAttempts(),
                            counted.lastFailure(), counted.createdAt(), counted.startedAt(), counted.finishedAt(),
                            counted.updatedAt(), counted.durationMs());
                });
    }

    /** Forgets finished jobs older than {@code glossa.jobs.keep-finished}. */
    public int forgetOldRuns() {
        return jdbc.sql("delete from job_run where finished_at < :before")
                .param("before", utc(clock.instant().minus(settings.keepFinished())))
                .update();
    }

    void forgetStartedBy(UUID userId) {
        jdbc.sql("delete from job_run where started_by = :u").param("u", userId).update();
    }

    private Map<UUID, Map<String, Long>> counts(List<UUID> ids) {
        Map<UUID, Map<String, Long>> counts = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("select job_id, name, amount from job_run_count where job_id in (:ids) order by name").param("ids", ids)
                .query((rs, n) -> counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return counts;
    }

    private static Run withCounts(Run r, Map<String, Long> counts) {
        return new Run(r.id(), r.kind(), r.state(), r.startedBy(), r.progress(), counts, r.errorCount(), r.errors(),
                r.failedAttempts(), r.lastFailure(), r.createdAt(), r.startedAt(), r.finishedAt(), r.updatedAt(),
                r.durationMs());
    }

    private Run run(ResultSet rs, Map<String, Long> counts, List<JobError> errors) throws SQLException {
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        Long duration = started == null ? null
                : Duration.between(started, finished != null ? finished : clock.instant()).toMillis();
        return new Run(rs.getObject("id", UUID.class), rs.getString("kind"), State.valueOf(rs.getString("state")),
                rs.getObject("started_by", UUID.class),
                new Progress(rs.getLong("progress_done"), (Long) rs.getObject("progress_total", Long.class)), counts,
                rs.getLong("error_count"), errors, rs.getInt("failed_attempts"), rs.getString("last_failure"),
                instant(rs, "created_at"), started, finished, instant(rs, "updated_at"),
                duration == null ? null : Math.max(0, duration));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** Writes what one job reports; a job started outside {@link #enqueue} gets its record on first report. */
    private final class Reporter implements JobProgress {

        private final UUID jobId;

        Reporter(UUID jobId) {
            this.jobId = jobId;
        }

        @Override
        public JobProgress total(long total) {
            return set("progress_total = :v", total);
        }

        @Override
        public JobProgress done(long done) {
            return set("progress_done = :v", done);
        }

        @Override
        public JobProgress advance(long units) {
            return set("progress_done = progress_done + :v", units);
        }

        private JobProgress set(String assignment, long value) {
            String sql = "update job_run set " + assignment + ", updated_at = :now where id = :id";
            if (jdbc.sql(sql).param("v", value).param("now", now()).param("id", jobId).update() == 0) {
                ensureRecord();
                jdbc.sql(sql).param("v", value).param("now", now()).param("id", jobId).update();
            }
            return this;
        }

        @Override
        public JobProgress count(String name, long amount) {
            String key = clip(name, 100);
            for (int attempt = 0; attempt < 3; attempt++) {
                if (jdbc.sql("update job_run_count set amount = amount + :a where job_id = :id and name = :n")
                        .param("a", amount).param("id", jobId).param("n", key).update() > 0) {
                    return this;
                }
                ensureRecord();
                try {
                    jdbc.sql("insert into job_run_count (job_id, name, amount) values (:id, :n, :a)")
                            .param("id", jobId).param("n", key).param("a", amount).update();
                    return this;
                } catch (DuplicateKeyException raced) {
                    // another thread of the same job counted first: add to its row
                }
            }
            return this;
        }

        @Override
        public JobProgress error(String message) {
            OffsetDateTime now = now();
            if (jdbc.sql("update job_run set error_count = error_count + 1, updated_at = :now where id = :id")
                    .param("now", now).param("id", jobId).update() == 0) {
                ensureRecord();
                jdbc.sql("update job_run set error_count = error_count + 1, updated_at = :now where id = :id")
                        .param("now", now).param("id", jobId).update();
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    jdbc.sql("""
                            insert into job_run_error (job_id, seq, occurred_at, message)
                            select :id, coalesce(max(seq), 0) + 1, :now, :message from job_run_error where job_id = :id
                            having count(*) < :kept
                            """).param("id", jobId).param("now", now)
                            .param("message", clip(message == null ? "(no message)" : message, MESSAGE_LENGTH))
                            .param("kept", settings.errorsKept()).update();
                    return this;
                } catch (DuplicateKeyException raced) {
                    // another thread of the same job took that number: take the next
                }
            }
            return this;
        }

        private void ensureRecord() {
            try {
                OffsetDateTime now = now();
                jdbc.sql("""
                        insert into job_run (id, kind, state, created_at, started_at, updated_at)
                        values (:id, 'job', 'PROCESSING', :now, :now, :now)
                        """).param("id", jobId).param("now", now).update();
            } catch (DuplicateKeyException exists) {
                // recorded meanwhile
            }
        }
    }
}
