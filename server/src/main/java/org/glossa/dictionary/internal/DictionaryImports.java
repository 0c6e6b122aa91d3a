package org.glossa.dictionary.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.glossa.dictionary.UpsertOutcome;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.jobs.JobProgress;
import org.glossa.shared.jobs.TrackedJobs;
import org.glossa.shared.runtime.Database;
import org.glossa.shared.validation.LanguageTag;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Dictionary imports as background jobs on any node. The job carries only the import's id; the file is
 * in the database (uploads) or under the configured import directory (server paths). Each batch of
 * lines is committed with the import's progress (the last line done, the counts, the bad lines) in one
 * transaction, so a job that dies resumes after the last committed line and counts nothing twice.
 * Entries are upserted with a content hash: importing the same file again changes nothing. Two batches
 * are written at once on two connections, their commits kept in file order (see {@link #run(UUID, int, int)}).
 */
@Service
public class DictionaryImports {

    /** The kind of an import's tracked job. */
    static final String JOB_KIND = "dictionary-import";

    private static final Logger log = LoggerFactory.getLogger(DictionaryImports.class);

    public enum Format {
        WIKTEXTRACT, CSV, TSV, LIBRELINGO;

        static Optional<Format> parse(String value) {
            try {
                return value == null ? Optional.empty() : Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        String defaultSource() {
            return switch (this) {
                case WIKTEXTRACT -> "wiktextract";
                case CSV, TSV -> "word-list";
                case LIBRELINGO -> "librelingo"; // then librelingo:<course>, once the course is read
            };
        }

        String defaultLicense() {
            return this == WIKTEXTRACT ? "CC BY-SA 4.0 or GFDL (Wiktionary, via Wiktextract)" : null;
        }
    }

    /** What an editor asks for; file or path, not both. */
    public record Request(String format, String path, String language, String glossLanguage, String source,
            String license, Integer errorBudget) {
    }

    public record Counts(long inserted, long updated, long unchanged, long skipped) {
    }

    public record BadLine(long line, String message) {
    }

    public record Status(UUID id, String format, String state, String source, String license, String language,
            String fileName, Long fileSize, long linesDone, Counts counts, long badLines, int errorBudget,
            List<BadLine> errors, String message, UUID requestedBy, Instant requestedAt, Instant startedAt,
            Instant finishedAt, Double seconds, Double linesPerSecond) {
    }

    /** Thrown by tests to stop a job as a crash would: after some batches are committed. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    private final JdbcClient jdbc;
    private final TrackedJobs jobs;
    private final EntryStore store;
    private final ImportFiles files;
    private final LibreLingoReader.Factory libreLingo;
    private final ItemLinks links;
    private final DictionarySettings settings;
    private final JsonMapper json;
    private final Database database;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile BatchEvents events = BatchEvents.NONE;

    DictionaryImports(JdbcClient jdbc, TrackedJobs jobs, EntryStore store, ImportFiles files,
            LibreLingoReader.Factory libreLingo, ItemLinks links, DictionarySettings settings, JsonMapper json,
            Database database, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.store = store;
        this.files = files;
        this.libreLingo = libreLingo;
        this.links = links;
        this.settings = settings;
        this.json = json;
        this.database = database;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- starting

    /** Stores an uploaded file and queues its import. */
    public Status upload(UUID userId, Request request, String fileName, InputStream file) {
        Status status = store(userId, request, fileName, file);
        enqueue(status.id(), userId);
        return status(status.id()).orElseThrow();
    }

    /** Stores an upload as a queued import without starting its job (tests run the job themselves). */
    Status store(UUID userId, Request request, String fileName, InputStream file) {
        Checked checked = check(request, false);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            insert(id, checked, userId, fileName == null ? null : Path.of(fileName).getFileName().toString(), null);
            try {
                long size = files.store(id, file);
                jdbc.sql("update dictionary_import set file_size = :size where id = :id").param("size", size)
                        .param("id", id).update();
            } catch (IOException e) {
                throw ImportFiles.unchecked(e);
            }
        });
        return status(id).orElseThrow();
    }

    /** Queues the import of a file (or, for LibreLingo, a course folder) under the import directory. */
    public Status fromServer(UUID userId, Request request) {
        Checked checked = check(request, true);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> insert(id, checked, userId,
                checked.path().getFileName().toString(), checked.path().toString()));
        enqueue(id, userId);
        return status(id).orElseThrow();
    }

    private void enqueue(UUID id, UUID userId) {
        // After the commit, so that the job always finds its row; the job carries only the import's id, which is
        // also its id in /api/v1/admin/jobs.
        jobs.enqueue(id, JOB_KIND, userId, () -> run(id));
    }

    record Checked(Format format, Path path, String language, String glossLanguage, String source, String license,
            int errorBudget) {
    }

    Checked check(Request request, boolean serverPath) {
        List<org.glossa.shared.FieldViolation> violations = new ArrayList<>();
        Format format = Format.parse(request.format()).orElse(null);
        if (format == null) {
            violations.add(new org.glossa.shared.FieldViolation("format", "must be wiktextract, csv, tsv or librelingo"));
        }
        String language = null;
        if (request.language() != null && !request.language().isBlank()) {
            language = LanguageTag.Validator.normalize(request.language().strip());
            if (language == null) {
                violations.add(new org.glossa.shared.FieldViolation("language", "must be a language tag such as es"));
            }
        }
        String glossLanguage = "en";
        if (request.glossLanguage() != null && !request.glossLanguage().isBlank()) {
            glossLanguage = LanguageTag.Validator.normalize(request.glossLanguage().strip());
            if (glossLanguage == null) {
                violations.add(new org.glossa.shared.FieldViolation("glossLanguage", "must be a language tag such as en"));
            }
        }
        String source = request.source() == null || request.source().isBlank()
                ? (format == null ? null : format.defaultSource()) : request.source().strip();
        if (source != null && (source.length() > 100)) {
            violations.add(new org.glossa.shared.FieldViolation("source", "must be at most 100 characters"));
        }
        String license = request.license() == null || request.license().isBlank()
                ? (format == null ? null : format.defaultLicense()) : request.license().strip();
        if (license != null && license.length() > 200) {
            violations.add(new org.glossa.shared.FieldViolation("license", "must be at most 200 characters"));
        }
        int budget = request.errorBudget() == null ? settings.errorBudget() : request.errorBudget();
        if (budget < 0 || budget > 1_000_000_000) {
            violations.add(new org.glossa.shared.FieldViolation("errorBudget", "must be 0 or more"));
        }
        Path path = null;
        if (serverPath) {
            path = serverPath(request.path(), format, violations);
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return new Checked(format, path, language, glossLanguage, source, license, budget);
    }

    private Path serverPath(String requested, Format format, List<org.glossa.shared.FieldViolation> violations) {
        if (settings.importDirectory() == null || settings.importDirectory().isBlank()) {
            violations.add(new org.glossa.shared.FieldViolation("path",
                    "imports from server paths are off: set glossa.dictionary.import-directory, or upload the file"));
            return null;
        }
        if (requested == null || requested.isBlank()) {
            violations.add(new org.glossa.shared.FieldViolation("path", "is required (or upload a file)"));
            return null;
        }
        Path root = Path.of(settings.importDirectory()).toAbsolutePath().normalize();
        Path path = root.resolve(requested.strip()).toAbsolutePath().normalize();
        boolean folder = format == Format.LIBRELINGO;
        if (!path.startsWith(root)) {
            violations.add(new org.glossa.shared.FieldViolation("path", "must be inside the import directory"));
        } else if (folder ? !Files.isDirectory(path) && !Files.isRegularFile(path) : !Files.isRegularFile(path)) {
            violations.add(new org.glossa.shared.FieldViolation("path", "no such file in the import directory"));
        } else if (!Files.isReadable(path)) {
            violations.add(new org.glossa.shared.FieldViolation("path", "cannot be read by the server"));
        }
        return path;
    }

    private void insert(UUID id, Checked c, UUID userId, String fileName, String serverPath) {
        jdbc.sql("""
                insert into dictionary_import (id, format, language, gloss_language, source, license, file_name,
                    server_path, state, lines_done, inserted, updated, unchanged, skipped, bad_lines, error_budget,
                    requested_by, requested_at)
                values (:id, :format, :language, :gloss, :source, :license, :file, :path, 'QUEUED', 0, 0, 0, 0, 0, 0,
                    :budget, :user, :now)
                """).param("id", id).param("format", c.format().name().toLowerCase(Locale.ROOT))
                .param("language", c.language()).param("gloss", c.glossLanguage()).param("source", c.source())
                .param("license", c.license()).param("file", fileName).param("path", serverPath)
                .param("budget", c.errorBudget()).param("user", userId).param("now", now()).update();
    }

    // ---------------------------------------------------------------------------------------------- the job

    @Job(name = "Import a dictionary file", retries = 5)
    public void run(UUID importId) {
        run(importId, settings.importBatchSize(), Integer.MAX_VALUE);
    }

    private record ImportJob(UUID id, Format format, String language, String glossLanguage, String source, String license,
            String fileName, String serverPath, String state, long linesDone, long badLines, int errorBudget) {
    }

    /** Runs (or resumes) an import; stops as a crash would after {@code crashAfterBatches} batches (tests). */
    void run(UUID importId, int batchSize, int crashAfterBatches) {
        Optional<ImportJob> found = jdbc.sql("""
                select id, format, language, gloss_language, source, license, file_name, server_path, state, lines_done,
                    bad_lines, error_budget
                from dictionary_import where id = :id
                """).param("id", importId).query((rs, n) -> new ImportJob(rs.getObject(1, UUID.class),
                        Format.parse(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10),
                        rs.getLong(11), rs.getInt(12))).optional();
        if (found.isEmpty() || found.get().state().equals("SUCCEEDED") || found.get().state().equals("FAILED")) {
            return; // deleted meanwhile, or already done: running again changes nothing
        }
        ImportJob job = found.get();
        jdbc.sql("update dictionary_import set state = 'RUNNING', started_at = coalesce(started_at, :now) where id = :id")
                .param("now", now()).param("id", importId).update();
        if (job.linesDone() > 0) {
            log.info("Dictionary import {} resumes after line {}", importId, job.linesDone());
        }
        ImportReader.Options options = new ImportReader.Options(job.language(), job.glossLanguage(), job.linesDone());
        long badLines = job.badLines();
        try (ImportReader reader = open(job, options)) {
            String source = job.source();
            String license = job.license();
            if (reader instanceof LibreLingoReader course) {
                license = license != null ? license : course.license();
                source = source.equals(Format.LIBRELINGO.defaultSource()) ? course.source() : source;
                jdbc.sql("update dictionary_import set source = :source, license = :license where id = :id")
                        .param("source", source).param("license", license).param("id", importId).update();
            }
            String batchSource = source;
            String batchLicense = license;
            JobProgress progress = jobs.current();
            try (ReadAhead<Batch> ahead = new ReadAhead<>("dictionary-import-" + importId, 2,
                    () -> read(reader, batchSize, batchSource, batchLicense));
                    Writers writers = new Writers(importId)) {
                // Up to two batches are written at once, each in its own transaction on its own connection: the
                // database stores batch N+1's rows while batch N's last statements and commit finish. Their commits
                // stay in file order (a batch commits only after the one before it did, and not at all if that one
                // failed), so lines_done never claims a line whose batch is not committed.
                Deque<Pending> pending = new ArrayDeque<>();
                CompletableFuture<long[]> previous = CompletableFuture.completedFuture(null);
                long previousLine = job.linesDone();
                int batchNo = 0;
                Batch batch;
                while ((batch = ahead.next()) != null) {
                    if (pending.size() == Writers.COUNT) {
                        settle(pending.removeFirst(), progress);
                    }
                    Pending last = pending.peekLast();
                    if (last != null && !Collections.disjoint(last.batch().identities(), batch.identities())) {
                        // An entry of this batch is also in the one before: its lookup must see that batch's rows
                        // (an upsert of the same key in two open transactions would fail on the unique key).
                        events.waitingFor(last.number());
                        settle(pending.removeLast(), progress);
                    }
                    Batch current = batch;
                    int number = ++batchNo;
                    long after = previousLine;
                    CompletableFuture<long[]> before = previous;
                    CompletableFuture<long[]> written = writers.submit(
                            () -> commit(job, current, number, batchSource, batchLicense, after, before));
                    pending.addLast(new Pending(number, current, written));
                    previous = written;
                    previousLine = current.lastLine();
                    // Bad lines are known when a batch is read: none is written after the batch that runs past the
                    // budget (or after the batch a test crashes at), so the batch in flight after it is never one
                    // that should not be. Every batch handed out is settled below, or the job fails.
                    badLines += current.bad().size();
                    if (badLines > job.errorBudget() || number >= crashAfterBatches) {
                        break;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        break;
                    }
                }
                while (!pending.isEmpty()) {
                    settle(pending.removeFirst(), progress);
                }
                if (badLines > job.errorBudget()) {
                    ahead.close(); // no more reading from the file that goes now
                    finish(importId, "FAILED", badLines + " bad lines, more than the error budget of "
                            + job.errorBudget() + "; the batches read until then were imported");
                    files.delete(importId);
                    return;
                }
                if (batchNo >= crashAfterBatches) {
                    throw new SimulatedCrash();
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted; the import resumes where it stopped");
                }
            }
        } catch (IOException e) {
            throw ImportFiles.unchecked(e);
        } catch (ApiProblem e) {
            // The file itself is unusable (for example a LibreLingo archive without course.yaml): no retry helps.
            finish(importId, "FAILED", e.detail());
            files.delete(importId);
            return;
        }
        links.linkAll(); // before the import shows as done, so that course items already link to the new entries
        finish(importId, "SUCCEEDED", badLines == 0 ? "Imported." : "Imported, with " + badLines + " bad lines.");
        files.delete(importId);
    }

    private ImportReader open(ImportJob job, ImportReader.Options options) throws IOException {
        if (job.format() == Format.LIBRELINGO) {
            return job.serverPath() != null ? libreLingo.folderOrZip(Path.of(job.serverPath()), options)
                    : libreLingo.zip(files.open(job.id()), options);
        }
        InputStream raw = job.serverPath() != null ? Files.newInputStream(Path.of(job.serverPath())) : files.open(job.id());
        if (job.fileName() != null && job.fileName().endsWith(".gz")) {
            raw = new GZIPInputStream(raw, 1 << 16);
        }
        if (job.format() == Format.WIKTEXTRACT) {
            return new WiktextractReader(raw, json, options); // reads bytes: lines are parsed from their UTF-8
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16);
        return switch (job.format()) {
            case CSV -> new DelimitedReader(in, ',', json, options);
            case TSV -> new DelimitedReader(in, '\t', json, options);
            case WIKTEXTRACT, LIBRELINGO -> throw new IllegalStateException();
        };
    }

    /** A batch of lines read and checked, ready to be written. */
    private record Batch(List<EntryStore.Prepared> prepared, List<BadLine> bad, long skipped, long lastLine,
            Set<String> identities) {
    }

    /** Reads the next batch of lines and prepares its entries (on the read-ahead's thread); null at the end. */
    private Batch read(ImportReader reader, int batchSize, String source, String license) throws IOException {
        List<EntryStore.Prepared> prepared = new ArrayList<>(batchSize);
        List<BadLine> bad = new ArrayList<>();
        long skipped = 0;
        long lastLine = 0;
        int records = 0;
        ImportRecord r;
        while (records < batchSize && (r = reader.next()) != null) {
            records++;
            lastLine = r.line();
            if (r.error() != null) {
                bad.add(new BadLine(r.line(), r.error()));
            } else if (r.skipped()) {
                skipped++;
            } else {
                try {
                    prepared.add(store.prepare(r.entry(), source, license, r.documentUtf8()));
                } catch (IllegalArgumentException e) {
                    bad.add(new BadLine(r.line(), e.getMessage()));
                }
            }
        }
        if (records == 0) {
            return null;
        }
        Set<String> identities = HashSet.newHashSet(prepared.size());
        prepared.forEach(p -> identities.add(p.identity()));
        return new Batch(prepared, bad, skipped, lastLine, identities);
    }

    /** A batch handed to a writer: its number in this run of the job (1 for the first) and its counts once committed. */
    private record Pending(int number, Batch batch, CompletableFuture<long[]> counts) {
    }

    /** Waits for a batch's commit and reports its figures; throws what failed it. */
    private void settle(Pending pending, JobProgress progress) {
        long[] counts;
        try {
            counts = pending.counts().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        Batch batch = pending.batch();
        // The same figures for /api/v1/admin/jobs (best effort, after the commit; dictionary_import is the record).
        progress.done(batch.lastLine()).count("inserted", counts[0]).count("updated", counts[1])
                .count("unchanged", counts[2]).count("skipped", batch.skipped());
        batch.bad().forEach(b -> progress.error("line " + b.line() + ": " + b.message()));
    }

    /**
     * Writes one batch and the import's progress in one transaction, on a writer's thread; returns the counts of
     * inserted, updated and unchanged entries. The rows go first; then it waits for the batch before it (whose
     * commit must come first) and, if that one failed, rolls back. The progress update also checks that lines_done
     * is still where the batch before left it.
     */
    private long[] commit(ImportJob job, Batch batch, int number, String source, String license, long previousLine,
            CompletableFuture<long[]> previous) {
        List<EntryStore.Prepared> prepared = batch.prepared();
        List<BadLine> bad = batch.bad();
        long[] counts = new long[3];
        transactions.executeWithoutResult(status -> {
            events.writing(number);
            // A crash can lose only the last fraction of a second of batches, and with them the lines_done that
            // counted them (same transaction): the job resumes before them and imports them again.
            database.commitWithoutWaitingForDisk();
            List<UpsertOutcome> outcomes = prepared.isEmpty() ? List.of()
                    : store.write(prepared, source, license);
            long inserted = outcomes.stream().filter(o -> o.kind() == UpsertOutcome.Kind.INSERTED).count();
            long updated = outcomes.stream().filter(o -> o.kind() == UpsertOutcome.Kind.UPDATED).count();
            long unchanged = outcomes.size() - inserted - updated;
            events.written(number);
            try {
                previous.join();
            } catch (CompletionException | CancellationException e) {
                throw new IllegalStateException("the batch before this one failed: this one is rolled back", e);
            }
            long kept = bad.isEmpty() ? 0 : jdbc.sql("select count(*) from dictionary_import_error where import_id = :id")
                    .param("id", job.id()).query(Long.class).single();
            for (BadLine b : bad.subList(0, (int) Math.max(0, Math.min(bad.size(), settings.keptErrors() - kept)))) {
                jdbc.sql("insert into dictionary_import_error (import_id, line, message) values (:id, :line, :message)")
                        .param("id", job.id()).param("line", b.line())
                        .param("message", b.message().length() > 1000 ? b.message().substring(0, 1000) : b.message())
                        .update();
            }
            int moved = jdbc.sql("""
                    update dictionary_import set lines_done = :line, inserted = inserted + :inserted,
                        updated = updated + :updated, unchanged = unchanged + :unchanged, skipped = skipped + :skipped,
                        bad_lines = bad_lines + :bad
                    where id = :id and lines_done = :previous
                    """).param("line", batch.lastLine()).param("inserted", inserted).param("updated", updated)
                    .param("unchanged", unchanged).param("skipped", batch.skipped()).param("bad", bad.size())
                    .param("id", job.id()).param("previous", previousLine).update();
            if (moved != 1) {
                throw new IllegalStateException("the import's lines_done is no longer " + previousLine
                        + " (another run of the job?): batch ending at line " + batch.lastLine() + " is rolled back");
            }
            counts[0] = inserted;
            counts[1] = updated;
            counts[2] = unchanged;
        });
        return counts;
    }

    /** Where a test can watch or stop the writing of batches (numbered from 1 in each run of the job). */
    interface BatchEvents {
        BatchEvents NONE = new BatchEvents() {
        };

        /** A writer starts the batch's transaction. */
        default void writing(int batch) {
        }

        /** The batch's rows are sent; its progress and commit are next. */
        default void written(int batch) {
        }

        /** The job waits for the batch's commit before it hands out the next one (they share an entry). */
        default void waitingFor(int batch) {
        }
    }

    /** For tests only. */
    void events(BatchEvents events) {
        this.events = events == null ? BatchEvents.NONE : events;
    }

    /** The threads that write batches, each with its own connection (its transaction's). */
    private static final class Writers implements AutoCloseable {

        static final int COUNT = 2;

        private final ExecutorService threads;

        Writers(UUID importId) {
            threads = Executors.newFixedThreadPool(COUNT,
                    Thread.ofPlatform().name("dictionary-import-" + importId + "-write-", 1).daemon().factory());
        }

        CompletableFuture<long[]> submit(java.util.function.Supplier<long[]> write) {
            return CompletableFuture.supplyAsync(write, threads);
        }

        /** Waits for the batches handed out: each has committed or rolled back when the job goes on. */
        @Override
        public void close() {
            threads.close();
        }
    }

    private void finish(UUID importId, String state, String message) {
        jdbc.sql("update dictionary_import set state = :state, message = :message, finished_at = :now where id = :id")
                .param("state", state).param("message", message).param("now", now()).param("id", importId).update();
        log.info("Dictionary import {} {}: {}", importId, state.toLowerCase(Locale.ROOT), message);
    }

    // ---------------------------------------------------------------------------------------------- reading

    public Optional<Status> status(UUID importId) {
        List<BadLine> errors = jdbc.sql("""
                select line, message from dictionary_import_error where import_id = :id order by line limit 1000
                """).param("id", importId).query((rs, n) -> new BadLine(rs.getLong(1), rs.getString(2))).list();
        return jdbc.sql("""
                select id, format, state, source, license, language, file_name, file_size, lines_done, inserted, updated,
                    unchanged, skipped, bad_lines, error_budget, message, requested_by, requested_at, started_at,
                    finished_at
                from dictionary_import where id = :id
                """).param("id", importId).query((rs, n) -> {
                    Instant started = instant(rs.getObject(19, OffsetDateTime.class));
                    Instant finished = instant(rs.getObject(20, OffsetDateTime.class));
                    Double seconds = started == null ? null
                            : Duration.between(started, finished != null ? finished : clock.instant()).toMillis() / 1000.0;
                    long lines = rs.getLong(9);
                    return new Status(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8), lines,
                            new Counts(rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)), rs.getLong(14),
                            rs.getInt(15), errors, rs.getString(16), rs.getObject(17, UUID.class),
                            instant(rs.getObject(18, OffsetDateTime.class)), started, finished, seconds,
                            seconds == null || seconds <= 0 ? null : Math.round(lines / seconds * 10) / 10.0);
                }).optional();
    }

    /** The latest imports, newest first. */
    public List<Status> recent(int limit) {
        return jdbc.sql("select id from dictionary_import order by requested_at desc limit :limit").param("limit", limit)
                .query(UUID.class).list().stream().map(this::status).flatMap(Optional::stream).toList();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
