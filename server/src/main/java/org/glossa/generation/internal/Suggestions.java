package org.glossa.generation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.glossa.content.GeneratedBy;
import org.glossa.content.ItemKind;
import org.glossa.content.SkillAuthoring;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.FieldViolation;
import org.glossa.shared.ProblemKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Generated content waiting for an editor. A suggestion is PENDING until an editor approves it (its
 * content then enters the course or the dictionary, the generator recorded as its source) or rejects
 * it; editors may change its content first, within the same schema. Nothing is published unreviewed.
 */
@Service
public class Suggestions {

    public static final Set<String> STATES = Set.of("PENDING", "APPROVED", "REJECTED");

    /** Kinds of suggestion and the task whose schema their content follows. */
    enum Kind {
        SKILL_DRAFT(Tasks.SKILL_DRAFT), ENRICHMENT(Tasks.ENRICH);

        final String task;

        Kind(String task) {
            this.task = task;
        }
    }

    public record View(UUID id, UUID jobId, String kind, String state, UUID courseId, String target, JsonNode content,
            String generator, Instant createdAt, Instant updatedAt, Instant reviewedAt, String result, String note) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Tasks tasks;
    private final SkillAuthoring skills;
    private final List<SuggestionTarget> targets;
    private final Clock clock;

    Suggestions(JdbcClient jdbc, JsonMapper json, Tasks tasks, SkillAuthoring skills, List<SuggestionTarget> targets,
            Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.tasks = tasks;
        this.skills = skills;
        this.targets = targets;
        this.clock = clock;
    }

    /** Where approved enrichments go: the dictionary, once its module provides the API. */
    interface SuggestionTarget {
        String approveEnrichment(View suggestion, JsonNode content);
    }

    UUID create(UUID jobId, Kind kind, UUID courseId, String target, JsonNode content, String generator) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into generation_suggestion (id, job_id, kind, state, course_id, target, content, generator,
                    created_at, updated_at)
                values (:id, :job, :kind, 'PENDING', :course, :target, :content, :generator, :now, :now)
                """).param("id", id).param("job", jobId).param("kind", kind.name()).param("course", courseId)
                .param("target", target).param("content", json.writeValueAsString(content)).param("generator", generator)
                .param("now", now).update();
        return id;
    }

    public List<View> list(String state, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw ApiProblem.invalid("state", "must be one of " + STATES);
        }
        var query = jdbc.sql(SELECT + (state == null ? "" : " where state = :state") + " order by created_at desc limit :n")
                .param("n", limit);
        if (state != null) {
            query = query.param("state", state);
        }
        return query.query((rs, n) -> view(rs)).list();
    }

    public Optional<View> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> view(rs)).optional();
    }

    @Transactional
    public View edit(UUID id, JsonNode content, UUID editor) {
        View suggestion = lockPending(id);
        List<String> errors = JsonSchemaCheck.errors(tasks.schema(Kind.valueOf(suggestion.kind()).task), content);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors.stream().map(e -> new FieldViolation("content" + e.substring(0, e.indexOf(':')),
                    e.substring(e.indexOf(':') + 2))).toList());
        }
        jdbc.sql("update generation_suggestion set content = :c, edited_by = :u, updated_at = :now where id = :id")
                .param("c", json.writeValueAsString(content)).param("u", editor).param("now", now()).param("id", id).update();
        return find(id).orElseThrow();
    }

    @Transactional
    public View approve(UUID id, UUID editor) {
        View suggestion = lockPending(id);
        JsonNode content = suggestion.content();
        List<String> gaps = new ArrayList<>();
        findGaps(content, "", gaps);
        if (!gaps.isEmpty()) {
            throw ApiProblem.of(ProblemKind.UNPROCESSABLE, "Fill in what the offline generator could not know before "
                    + "approving (PATCH the content): " + String.join(", ", gaps) + ".").with("gaps", gaps);
        }
        String result = switch (Kind.valueOf(suggestion.kind())) {
            case SKILL_DRAFT -> approveSkill(suggestion, content).toString();
            case ENRICHMENT -> targets.stream().findFirst()
                    .orElseThrow(() -> ApiProblem.of(ProblemKind.UNAVAILABLE, "The dictionary cannot take enrichments yet."))
                    .approveEnrichment(suggestion, content);
        };
        jdbc.sql("""
                update generation_suggestion set state = 'APPROVED', reviewed_by = :u, reviewed_at = :now, updated_at = :now,
                    result = :result where id = :id
                """).param("u", editor).param("now", now()).param("result", result).param("id", id).update();
        return find(id).orElseThrow();
    }

    @Transactional
    public View reject(UUID id, UUID editor, String reason) {
        lockPending(id);
        jdbc.sql("""
                update generation_suggestion set state = 'REJECTED', reviewed_by = :u, reviewed_at = :now, updated_at = :now,
                    note = :note where id = :id
                """).param("u", editor).param("now", now()).param("note", reason).param("id", id).update();
        return find(id).orElseThrow();
    }

    private UUID approveSkill(View suggestion, JsonNode content) {
        List<SkillAuthoring.NewItem> items = new ArrayList<>();
        content.get("words").forEach(w -> items.add(item(ItemKind.WORD, w)));
        content.get("phrases").forEach(p -> items.add(item(ItemKind.PHRASE, p)));
        String explanation = content.path("explanation").asString("");
        UUID section = suggestion.target() == null || suggestion.target().isBlank() ? null : UUID.fromString(suggestion.target());
        return skills.addSkill(suggestion.courseId(), section, content.get("name").asString().strip(),
                explanation.isBlank() ? null : explanation, items, new GeneratedBy(suggestion.generator(), suggestion.id()));
    }

    private static SkillAuthoring.NewItem item(ItemKind kind, JsonNode node) {
        List<String> alternatives = new ArrayList<>();
        node.path("alternatives").forEach(a -> alternatives.add(a.asString()));
        List<String> translations = new ArrayList<>();
        node.path("translationAlternatives").forEach(a -> translations.add(a.asString()));
        return new SkillAuthoring.NewItem(kind, node.get("text").asString().strip(), node.get("translation").asString().strip(),
                alternatives, translations);
    }

    private static void findGaps(JsonNode node, String path, List<String> gaps) {
        if (node.isString() && node.asString().contains(OfflineGenerator.GAP)) {
            gaps.add(path.isEmpty() ? "/" : path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> findGaps(e.getValue(), path + "/" + e.getKey(), gaps));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findGaps(node.get(i), path + "/" + i, gaps);
            }
        }
    }

    private View lockPending(UUID id) {
        jdbc.sql("select id from generation_suggestion where id = :id for update").param("id", id).query(UUID.class).optional();
        View suggestion = find(id).orElseThrow(() -> ApiProblem.notFound("The suggestion"));
        if (!suggestion.state().equals("PENDING")) {
            throw ApiProblem.conflict("The suggestion is already " + suggestion.state().toLowerCase() + ".");
        }
        return suggestion;
    }

    private static final String SELECT = """
            select id, job_id, kind, state, course_id, target, content, generator, created_at, updated_at, reviewed_at,
                result, note from generation_suggestion""";

    private View view(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime reviewed = rs.getObject("reviewed_at", OffsetDateTime.class);
        return new View(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class), rs.getString("kind"),
                rs.getString("state"), rs.getObject("course_id", UUID.class), rs.getString("target"),
                json.readTree(rs.getString("content")), rs.getString("generator"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), reviewed == null ? null : reviewed.toInstant(),
                rs.getString("result"), rs.getString("note"));
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
