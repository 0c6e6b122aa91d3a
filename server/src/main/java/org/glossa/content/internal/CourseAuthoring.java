package org.glossa.content.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.glossa.content.GeneratedBy;
import org.glossa.content.ItemKind;
import org.glossa.shared.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Editors build and change courses piece by piece: a draft course, its sections, skills and items.
 * Items fill the skill's last lesson up to the lesson size, then open a new lesson. Every change is
 * a new version of the course; a course is visible to learners once published.
 */
@Service
public class CourseAuthoring {

    private final JdbcClient jdbc;
    private final ContentSettings settings;
    private final Clock clock;

    CourseAuthoring(JdbcClient jdbc, ContentSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public record License(String name, String shortName, String link) {
    }

    @Transactional
    public UUID createCourse(String title, String target, String source, License license) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into content_course (id, course_key, title, target_language, source_language, license_name,
                    license_short_name, license_link, repository, special_characters, status, version, created_at,
                    updated_at)
                values (:id, :key, :title, :target, :source, :name, :short, :link, null, '', 'DRAFT', 1, :now, :now)
                """).param("id", id).param("key", "glossa:" + id).param("title", title).param("target", target)
                .param("source", source).param("name", license == null ? null : license.name())
                .param("short", license == null ? null : license.shortName())
                .param("link", license == null ? null : license.link()).param("now", now()).update();
        return id;
    }

    @Transactional
    public void changeCourse(UUID courseId, String title, String status) {
        requireCourse(courseId);
        if (title != null) {
            jdbc.sql("update content_course set title = :t where id = :id").param("t", title).param("id", courseId).update();
        }
        if (status != null) {
            jdbc.sql("update content_course set status = :s where id = :id").param("s", status).param("id", courseId).update();
        }
        bump(courseId);
    }

    @Transactional
    public UUID addSection(UUID courseId, String name, boolean freelyOpen) {
        requireCourse(courseId);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into content_section (id, course_id, position, name, freely_open)
                values (:id, :course, (select coalesce(max(position), 0) + 1 from content_section where course_id = :course),
                    :name, :open)
                """).param("id", id).param("course", courseId).param("name", name).param("open", freelyOpen).update();
        bump(courseId);
        return id;
    }

    @Transactional
    public UUID addSkill(UUID sectionId, String name, String explanation, List<String> thumbnails) {
        return addSkill(sectionId, name, explanation, thumbnails, null);
    }

    @Transactional
    public UUID addSkill(UUID sectionId, String name, String explanation, List<String> thumbnails,
            GeneratedBy generatedBy) {
        UUID courseId = jdbc.sql("select course_id from content_section where id = :id").param("id", sectionId)
                .query(UUID.class).optional().orElseThrow(() -> ApiProblem.notFound("The section"));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into content_skill (id, course_id, section_id, position, external_id, name, explanation, thumbnails,
                    generator, suggestion_id)
                values (:id, :course, :section, (select coalesce(max(position), 0) + 1 from content_skill
                    where course_id = :course), :external, :name, :explanation, :thumbnails, :generator, :suggestion)
                """).param("id", id).param("course", courseId).param("section", sectionId).param("external", id.toString())
                .param("name", name).param("explanation", explanation)
                .param("generator", generatedBy == null ? null : generatedBy.generator())
                .param("suggestion", generatedBy == null ? null : generatedBy.suggestionId())
                .param("thumbnails", Lines.join(thumbnails == null ? List.of() : thumbnails)).update();
        // Skills are numbered along the whole path; one added to an earlier section moves the later ones on.
        renumberSkills(courseId);
        bump(courseId);
        return id;
    }

    @Transactional
    public void changeSkill(UUID skillId, String name, String explanation) {
        UUID courseId = courseOfSkill(skillId);
        if (name != null) {
            jdbc.sql("update content_skill set name = :n where id = :id").param("n", name).param("id", skillId).update();
        }
        if (explanation != null) {
            jdbc.sql("update content_skill set explanation = :e where id = :id").param("e", explanation)
                    .param("id", skillId).update();
        }
        bump(courseId);
    }

    @Transactional
    public UUID addItem(UUID skillId, ItemKind kind, String text, String translation, List<String> targetAnswers,
            List<String> sourceAnswers, List<String> audio) {
        UUID courseId = courseOfSkill(skillId);
        Optional<UUID> last = jdbc.sql("select id from content_lesson where skill_id = :s order by position desc limit 1")
                .param("s", skillId).query(UUID.class).optional();
        UUID lessonId;
        if (last.isPresent() && jdbc.sql("select count(*) from content_item where lesson_id = :l").param("l", last.get())
                .query(Long.class).single() < Math.max(2, settings.lessonSize())) {
            lessonId = last.get();
        } else {
            lessonId = UUID.randomUUID();
            jdbc.sql("""
                    insert into content_lesson (id, course_id, skill_id, position)
                    values (:id, :course, :skill, (select coalesce(max(position), 0) + 1 from content_lesson where skill_id = :skill))
                    """).param("id", lessonId).param("course", courseId).param("skill", skillId).update();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into content_item (id, course_id, skill_id, lesson_id, position, kind, text, translation,
                    target_answers, source_answers, images, audio)
                values (:id, :course, :skill, :lesson, (select coalesce(max(position), 0) + 1 from content_item
                    where skill_id = :skill), :kind, :text, :translation, :targets, :sources, '', :audio)
                """).param("id", id).param("course", courseId).param("skill", skillId).param("lesson", lessonId)
                .param("kind", kind.name()).param("text", text).param("translation", translation)
                .param("targets", Lines.join(answers(text, targetAnswers)))
                .param("sources", Lines.join(answers(translation, sourceAnswers)))
                .param("audio", Lines.join(audio == null ? List.of() : audio)).update();
        bump(courseId);
        return id;
    }

    @Transactional
    public void changeItem(UUID itemId, String text, String translation, List<String> targetAnswers,
            List<String> sourceAnswers) {
        record Current(UUID courseId, String text, String translation, String targets, String sources) {
        }
        Current current = jdbc.sql("select course_id, text, translation, target_answers, source_answers from content_item where id = :id")
                .param("id", itemId).query((rs, n) -> new Current(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional().orElseThrow(() -> ApiProblem.notFound("The item"));
        String newText = text != null ? text : current.text();
        String newTranslation = translation != null ? translation : current.translation();
        List<String> targets = targetAnswers != null ? targetAnswers : Lines.split(current.targets()).stream().skip(1).toList();
        List<String> sources = sourceAnswers != null ? sourceAnswers : Lines.split(current.sources()).stream().skip(1).toList();
        jdbc.sql("""
                update content_item set text = :text, translation = :translation, target_answers = :targets,
                    source_answers = :sources where id = :id
                """).param("text", newText).param("translation", newTranslation)
                .param("targets", Lines.join(answers(newText, targets)))
                .param("sources", Lines.join(answers(newTranslation, sources))).param("id", itemId).update();
        bump(current.courseId());
    }

    @Transactional
    public void removeItem(UUID itemId) {
        record Place(UUID courseId, UUID lessonId) {
        }
        Place place = jdbc.sql("select course_id, lesson_id from content_item where id = :id").param("id", itemId)
                .query((rs, n) -> new Place(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional()
                .orElseThrow(() -> ApiProblem.notFound("The item"));
        jdbc.sql("delete from content_item where id = :id").param("id", itemId).update();
        jdbc.sql("delete from content_lesson where id = :l and not exists (select 1 from content_item where lesson_id = :l)")
                .param("l", place.lessonId()).update();
        bump(place.courseId());
    }

    /** The main answer first, then the alternatives, each once. */
    private static List<String> answers(String main, List<String> alternatives) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(main);
        if (alternatives != null) {
            alternatives.stream().map(String::strip).filter(a -> !a.isEmpty()).forEach(all::add);
        }
        return List.copyOf(all);
    }

    private void renumberSkills(UUID courseId) {
        List<UUID> skills = jdbc.sql("""
                select k.id from content_skill k join content_section s on s.id = k.section_id
                where k.course_id = :c order by s.position, k.position, k.id
                """).param("c", courseId).query(UUID.class).list();
        for (int i = 0; i < skills.size(); i++) {
            jdbc.sql("update content_skill set position = :p where id = :id").param("p", i + 1).param("id", skills.get(i))
                    .update();
        }
    }

    private void requireCourse(UUID courseId) {
        if (jdbc.sql("select count(*) from content_course where id = :id").param("id", courseId).query(Long.class)
                .single() == 0) {
            throw ApiProblem.notFound("The course");
        }
    }

    private UUID courseOfSkill(UUID skillId) {
        return jdbc.sql("select course_id from content_skill where id = :id").param("id", skillId).query(UUID.class)
                .optional().orElseThrow(() -> ApiProblem.notFound("The skill"));
    }

    /**
     * Makes the change a new version of the course: once per course and transaction, so that a change made of many
     * steps (a skill with its items, an approved draft) is one new version.
     */
    private void bump(UUID courseId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            @SuppressWarnings("unchecked")
            Set<UUID> bumped = (Set<UUID>) TransactionSynchronizationManager.getResource(BUMPED);
            if (bumped == null) {
                bumped = new HashSet<>();
                TransactionSynchronizationManager.bindResource(BUMPED, bumped);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(BUMPED);
                    }
                });
            }
            if (!bumped.add(courseId)) {
                return;
            }
        }
        jdbc.sql("update content_course set version = version + 1, updated_at = :now where id = :id")
                .param("now", now()).param("id", courseId).update();
    }

    /** The key of the current transaction's set of courses already made a new version. */
    private static final Object BUMPED = new Object();

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
