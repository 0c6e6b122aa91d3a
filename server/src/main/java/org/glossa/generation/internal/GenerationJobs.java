package org.glossa.generation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.glossa.content.CourseOutline;
import org.glossa.content.Courses;
import org.glossa.content.ItemKind;
import org.glossa.content.ItemView;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.ProblemKind;
import org.glossa.shared.jobs.JobFailed;
import org.glossa.shared.jobs.JobProgress;
import org.glossa.shared.jobs.TrackedJobs;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Background runs that produce suggestions, on any node: the request is stored with the run, the
 * JobRunr job carries only the run's id. A provider that is unavailable or over quota makes the run
 * wait for JobRunr's retry; a reply invalid twice ends the run FAILED with nothing stored.
 */
@Service
public class GenerationJobs {

    private static final Logger log = LoggerFactory.getLogger(GenerationJobs.class);

    public record SkillDraftRequest(UUID courseId, UUID sectionId, String topic, String level, List<String> targetWords) {
    }

    /** Entries to enrich: those the course's items are linked to and those the words name, in the given language. */
    public record EnrichmentRequest(UUID courseId, String language, List<String> words, Integer limit) {
    }

    public record Run(UUID id, String kind, String status, Instant requestedAt, Instant finishedAt, int suggestions,
            String message) {
    }

    private final JdbcClient jdbc;
    private final TrackedJobs jobs;
    private final JsonMapper json;
    private final Courses courses;
    private final Tasks tasks;
    private final Suggestions suggestions;
    private final GroundingWords grounding;
    private final GenerationSettings settings;
    private final DictionaryEnrichments enrichments;
    private final Clock clock;

    GenerationJobs(JdbcClient jdbc, TrackedJobs jobs, JsonMapper json, Courses courses, Tasks tasks,
            Suggestions suggestions, GroundingWords grounding, GenerationSettings settings, DictionaryEnrichments enrichments,
            Clock clock) {
        this.enrichments = enrichments;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.json = json;
        this.courses = courses;
        this.tasks = tasks;
        this.suggestions = suggestions;
        this.grounding = grounding;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Run requestSkillDraft(SkillDraftRequest request, UUID editor) {
        tasks.requireGenerator();
        UUID id = storeSkillDraft(request, editor);
        enqueue(id, Suggestions.Kind.SKILL_DRAFT, editor);
        return find(id).orElseThrow();
    }

    @Transactional
    public Run requestEnrichment(EnrichmentRequest request, UUID editor) {
        tasks.requireGenerator();
        UUID id = storeEnrichment(request, editor);
        enqueue(id, Suggestions.Kind.ENRICHMENT, editor);
        return find(id).orElseThrow();
    }

    /** Records an enrichment run without starting it; {@link #run} does the work. */
    UUID storeEnrichment(EnrichmentRequest request, UUID editor) {
        if (request.courseId() != null) {
            courses.outline(request.courseId()).orElseThrow(() -> ApiProblem.notFound("The course"));
        } else if (request.language() == null || request.language().isBlank()) {
            throw ApiProblem.invalid("courseId", "give a courseId, or a language (with words, or for its entries)");
        }
        return store(Suggestions.Kind.ENRICHMENT, json.writeValueAsString(request), editor);
    }

    /** Records a skill-draft run without starting it; {@link #run} does the work. */
    UUID storeSkillDraft(SkillDraftRequest request, UUID editor) {
        courses.outline(request.courseId()).orElseThrow(() -> ApiProblem.notFound("The course"));
        if (request.targetWords().size() > settings.maxSkillWords()) {
            throw ApiProblem.invalid("targetWords", "at most " + settings.maxSkillWords() + " words");
        }
        return store(Suggestions.Kind.SKILL_DRAFT, json.writeValueAsString(request), editor);
    }

    private UUID store(Suggestions.Kind kind, String request, UUID editor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into generation_job (id, kind, status, request, requested_by, requested_at)
                values (:id, :kind, 'QUEUED', :request, :by, :now)
                """).param("id", id).param("kind", kind.name()).param("request", request).param("by", editor)
                .param("now", now()).update();
        return id;
    }

    private void enqueue(UUID id, Suggestions.Kind kind, UUID editor) {
        // Only the run's id goes to the job store; the run is also followed at /api/v1/admin/jobs/{id}.
        jobs.enqueue(id, "generation-" + kind.name().toLowerCase().replace('_', '-'), editor, () -> run(id));
    }

    public Optional<Run> find(UUID id) {
        return jdbc.sql("""
                select id, kind, status, requested_at, finished_at, suggestions, message from generation_job where id = :id
                """).param("id", id).query((rs, n) -> new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class) == null ? null : rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getInt(6), rs.getString(7))).optional();
    }

    @Job(name = "Generate suggestions", retries = 3)
    public void run(UUID runId) {
        record Row(String kind, String status, String request) {
        }
        Optional<Row> row = jdbc.sql("select kind, status, request from generation_job where id = :id").param("id", runId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
        if (row.isEmpty() || row.get().status().equals("SUCCEEDED") || row.get().status().equals("FAILED")) {
            return; // gone, or a repeated delivery of a finished run
        }
        long earlier = jdbc.sql("select count(*) from generation_suggestion where job_id = :id").param("id", runId)
                .query(Long.class).single();
        if (earlier > 0 && row.get().kind().equals(Suggestions.Kind.SKILL_DRAFT.name())) {
            // A crash between storing the suggestions and finishing the run: do not generate them twice.
            finish(runId, "SUCCEEDED", (int) earlier, earlier + " suggestion(s) waiting for review.");
            return;
        }
        status(runId, "RUNNING", null);
        JobProgress progress = jobs.progress(runId);
        try {
            int made = switch (Suggestions.Kind.valueOf(row.get().kind())) {
                case SKILL_DRAFT -> draftSkill(runId, json.readValue(row.get().request(), SkillDraftRequest.class));
                case ENRICHMENT -> enrich(runId, json.readValue(row.get().request(), EnrichmentRequest.class), progress);
            };
            progress.count("suggestions", made);
            finish(runId, "SUCCEEDED", made, made + " suggestion(s) waiting for review.");
        } catch (LlmGateway.InvalidReply invalid) {
            progress.error("The language model's reply was invalid twice (failure " + invalid.failureId() + ")");
            finish(runId, "FAILED", 0, "The language model's reply was invalid twice (failure " + invalid.failureId()
                    + "): " + PromptTemplates.cut(String.join("; ", invalid.errors()), 800) + ". Nothing was stored.");
        } catch (ApiProblem problem) {
            if (problem.kind() == ProblemKind.UNAVAILABLE || problem.kind() == ProblemKind.RATE_LIMITED) {
                status(runId, "WAITING", PromptTemplates.cut(problem.detail(), 900) + " The run will be retried.");
                throw problem;
            }
            finish(runId, "FAILED", 0, PromptTemplates.cut(problem.detail(), 990));
        } catch (RuntimeException e) {
            log.error("Generation run {} failed", runId, e);
            status(runId, "WAITING", "The run failed unexpectedly; it will be retried.");
            throw e;
        }
    }

    private int draftSkill(UUID runId, SkillDraftRequest request) {
        CourseOutline outline = courses.outline(request.courseId())
                .orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND, "The course no longer exists."));
        String target = outline.course().targetLanguage();
        List<Tasks.CourseWord> words = courses.items(request.courseId()).stream().map(GenerationJobs::word).toList();
        Map<String, List<String>> glosses = new HashMap<>();
        for (String word : request.targetWords()) {
            List<String> found = grounding.glosses(target, word.strip());
            if (!found.isEmpty()) {
                glosses.put(OfflineGenerator.fold(word.strip()), found);
            }
        }
        Tasks.Data draft = tasks.draftSkill(new Tasks.SkillDraftInput(target, outline.course().sourceLanguage(),
                request.topic(), request.level(), request.targetWords(), words, glosses));
        suggestions.create(runId, Suggestions.Kind.SKILL_DRAFT, request.courseId(),
                request.sectionId() == null ? null : request.sectionId().toString(), draft.data(), draft.generator());
        return 1;
    }

    private int enrich(UUID runId, EnrichmentRequest request, JobProgress progress) {
        List<ItemView> items = List.of();
        String language = request.language();
        String glossLanguage = "en";
        if (request.courseId() != null) {
            CourseOutline outline = courses.outline(request.courseId())
                    .orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND, "The course no longer exists."));
            items = courses.items(request.courseId());
            language = outline.course().targetLanguage();
            glossLanguage = outline.course().sourceLanguage();
        }
        int limit = Math.max(1, Math.min(settings.enrichmentBatch(), request.limit() == null ? settings.enrichmentBatch()
                : request.limit()));
        List<DictionaryEnrichments.Target> targets = enrichments.targets(language,
                request.words() == null ? List.of() : request.words(), items, glossLanguage, limit);
        progress.total(targets.size());
        List<String> done = jdbc.sql("select target from generation_suggestion where job_id = :id").param("id", runId)
                .query(String.class).list();
        int made = done.size();
        for (DictionaryEnrichments.Target target : targets) {
            if (done.contains(target.entryId().toString())) {
                progress.advance(1); // suggested before this run was interrupted and retried
                continue;
            }
            Tasks.Data enrichment;
            try {
                enrichment = tasks.enrich(target.input());
            } catch (LlmGateway.InvalidReply invalid) {
                // One entry's bad reply is recorded; the others still get their suggestions.
                progress.error(target.input().lemma() + ": the reply was invalid twice (failure " + invalid.failureId() + ")");
                progress.advance(1);
                continue;
            }
            suggestions.create(runId, Suggestions.Kind.ENRICHMENT, request.courseId(), target.entryId().toString(),
                    enrichment.data(), enrichment.generator());
            made++;
            progress.advance(1);
        }
        return made;
    }

    static Tasks.CourseWord word(ItemView item) {
        return new Tasks.CourseWord(item.text(), item.translation(), item.targetAnswers().stream().skip(1).toList(),
                item.sourceAnswers().stream().skip(1).toList(), item.kind() == ItemKind.PHRASE);
    }

    /**
     * A run whose job failed for the last time (its retries spent while the model stayed away) is FAILED with the
     * reason, instead of WAITING for a retry that will never come.
     */
    @ApplicationModuleListener
    void on(JobFailed failed) {
        if (!failed.kind().startsWith("generation-")) {
            return;
        }
        String message = "Stopped after " + failed.failedAttempts() + " failed attempts; nothing more will be tried.";
        jdbc.sql("""
                update generation_job set status = 'FAILED', message = :m, finished_at = :now
                where id = :id and status not in ('SUCCEEDED', 'FAILED')
                """).param("m", message).param("now", now()).param("id", failed.jobId()).update();
    }

    private void status(UUID runId, String status, String message) {
        jdbc.sql("update generation_job set status = :s, message = :m where id = :id").param("s", status)
                .param("m", message).param("id", runId).update();
    }

    private void finish(UUID runId, String status, int made, String message) {
        jdbc.sql("""
                update generation_job set status = :s, suggestions = :n, message = :m, finished_at = :now where id = :id
                """).param("s", status).param("n", made).param("m", message).param("now", now()).param("id", runId).update();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
