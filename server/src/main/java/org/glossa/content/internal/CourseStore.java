package org.glossa.content.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.glossa.content.CourseImported;
import org.glossa.content.ItemKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Stores a course, all or nothing. A course is found again by its key, so an import of a course that
 * exists replaces its content in place as a new version; since ids come from the course itself,
 * learners keep their progress on every skill whose id did not change.
 */
@Component
class CourseStore {

    record Stored(UUID courseId, int version, int modules, int skills, long words, long phrases, List<String> warnings) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CourseStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The id of the course with this key, if there is one. */
    Optional<UUID> idOf(String key) {
        return jdbc.sql("select id from content_course where course_key = :key").param("key", key)
                .query(UUID.class).optional();
    }

    /**
     * Stores the course built for the id it gets: the id of the course with the same key, or
     * {@code newId} when there is none.
     */
    @Transactional
    Stored store(String key, UUID newId, Function<UUID, CourseDocument> build, List<String> warnings) {
        Optional<UUID> existing = idOf(key);
        CourseDocument course = build.apply(existing.orElse(newId));
        OffsetDateTime now = utc(clock.instant());
        int version;
        if (existing.isPresent()) {
            version = jdbc.sql("select version from content_course where id = :id").param("id", course.id())
                    .query(Integer.class).single() + 1;
            jdbc.sql("delete from content_section where course_id = :id").param("id", course.id()).update();
            jdbc.sql("""
                    update content_course set title = :title, target_language = :target, source_language = :source,
                        license_name = :licenseName, license_short_name = :licenseShort, license_link = :licenseLink,
                        repository = :repository, special_characters = :special, version = :version, updated_at = :now
                    where id = :id
                    """).params(courseParams(course, version, now)).update();
        } else {
            version = 1;
            jdbc.sql("""
                    insert into content_course (id, course_key, title, target_language, source_language, license_name,
                        license_short_name, license_link, repository, special_characters, status, version, created_at,
                        updated_at)
                    values (:id, :key, :title, :target, :source, :licenseName, :licenseShort, :licenseLink, :repository,
                        :special, 'PUBLISHED', :version, :now, :now)
                    """).params(courseParams(course, version, now)).param("key", key).update();
        }
        int sectionPosition = 0;
        int skillPosition = 0;
        for (CourseDocument.Section section : course.sections()) {
            jdbc.sql("""
                    insert into content_section (id, course_id, position, name, freely_open)
                    values (:id, :course, :pos, :name, :open)
                    """).param("id", section.id()).param("course", course.id()).param("pos", ++sectionPosition)
                    .param("name", limit(section.name(), 200)).param("open", section.freelyOpen()).update();
            for (CourseDocument.Skill skill : section.skills()) {
                storeSkill(course.id(), section.id(), ++skillPosition, skill);
            }
        }
        events.publishEvent(new CourseImported(course.id(), version, now.toInstant()));
        return new Stored(course.id(), version, course.sections().size(), course.skillCount(),
                course.count(ItemKind.WORD), course.count(ItemKind.PHRASE), warnings);
    }

    private void storeSkill(UUID courseId, UUID sectionId, int position, CourseDocument.Skill skill) {
        jdbc.sql("""
                insert into content_skill (id, course_id, section_id, position, external_id, name, explanation, thumbnails,
                    generator, suggestion_id)
                values (:id, :course, :section, :pos, :external, :name, :explanation, :thumbnails, :generator, :suggestion)
                """).param("id", skill.id()).param("course", courseId).param("section", sectionId).param("pos", position)
                .param("external", limit(skill.externalId(), 100)).param("name", limit(skill.name(), 200))
                .param("explanation", skill.explanation() == null ? null : limit(skill.explanation(), 100_000))
                .param("thumbnails", Lines.join(skill.thumbnails()))
                .param("generator", skill.generatedBy() == null ? null : skill.generatedBy().generator())
                .param("suggestion", skill.generatedBy() == null ? null : skill.generatedBy().suggestionId()).update();
        int itemPosition = 0;
        int lessonPosition = 0;
        for (CourseDocument.Lesson lesson : skill.lessons()) {
            jdbc.sql("insert into content_lesson (id, course_id, skill_id, position) values (:id, :course, :skill, :pos)")
                    .param("id", lesson.id()).param("course", courseId).param("skill", skill.id())
                    .param("pos", ++lessonPosition).update();
            for (CourseDocument.Item item : lesson.items()) {
                jdbc.sql("""
                        insert into content_item (id, course_id, skill_id, lesson_id, position, kind, text, translation,
                            target_answers, source_answers, images, audio)
                        values (:id, :course, :skill, :lesson, :pos, :kind, :text, :translation, :targetAnswers,
                            :sourceAnswers, :images, :audio)
                        """).param("id", item.id()).param("course", courseId).param("skill", skill.id())
                        .param("lesson", lesson.id()).param("pos", ++itemPosition).param("kind", item.kind().name())
                        .param("text", limit(item.text(), 1000)).param("translation", limit(item.translation(), 1000))
                        .param("targetAnswers", limit(Lines.join(item.targetAnswers()), 8000))
                        .param("sourceAnswers", limit(Lines.join(item.sourceAnswers()), 8000))
                        .param("images", limit(Lines.join(item.images()), 1000))
                        .param("audio", limit(Lines.join(item.audio()), 1000)).update();
            }
        }
    }

    private static Map<String, Object> courseParams(CourseDocument course, int version, OffsetDateTime now) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", course.id());
        params.put("title", limit(course.title(), 200));
        params.put("target", course.targetLanguage());
        params.put("source", course.sourceLanguage());
        params.put("licenseName", course.licenseName());
        params.put("licenseShort", course.licenseShortName());
        params.put("licenseLink", course.licenseLink());
        params.put("repository", course.repository());
        params.put("special", limit(Lines.join(course.specialCharacters()), 1000));
        params.put("version", version);
        params.put("now", now);
        return params;
    }

    /** The stored course as a document, for export. */
    @Transactional(readOnly = true)
    Optional<CourseDocument> load(UUID courseId) {
        record Head(String key, String title, String target, String source, String licenseName, String licenseShort,
                String licenseLink, String repository, String special) {
        }
        Optional<Head> head = jdbc.sql("""
                select course_key, title, target_language, source_language, license_name, license_short_name,
                    license_link, repository, special_characters from content_course where id = :id
                """).param("id", courseId).query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, List<CourseDocument.Item>> items = new HashMap<>();
        jdbc.sql("""
                select id, lesson_id, kind, text, translation, target_answers, source_answers, images, audio from content_item
                where course_id = :id order by position
                """).param("id", courseId).query((rs, n) -> items.computeIfAbsent(rs.getObject(2, UUID.class),
                        k -> new java.util.ArrayList<>()).add(new CourseDocument.Item(rs.getObject(1, UUID.class),
                        ItemKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), Lines.split(rs.getString(6)),
                        Lines.split(rs.getString(7)), Lines.split(rs.getString(8)), Lines.split(rs.getString(9))))).list();
        Map<UUID, List<CourseDocument.Lesson>> lessons = new HashMap<>();
        jdbc.sql("select id, skill_id from content_lesson where course_id = :id order by position").param("id", courseId)
                .query((rs, n) -> lessons.computeIfAbsent(rs.getObject(2, UUID.class), k -> new java.util.ArrayList<>())
                        .add(new CourseDocument.Lesson(rs.getObject(1, UUID.class),
                                items.getOrDefault(rs.getObject(1, UUID.class), List.of())))).list();
        Map<UUID, List<CourseDocument.Skill>> skills = new HashMap<>();
        jdbc.sql("""
                select id, section_id, external_id, name, explanation, thumbnails, generator, suggestion_id from content_skill
                where course_id = :id order by position
                """).param("id", courseId).query((rs, n) -> skills.computeIfAbsent(rs.getObject(2, UUID.class),
                        k -> new java.util.ArrayList<>()).add(new CourseDocument.Skill(rs.getObject(1, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), Lines.split(rs.getString(6)),
                        lessons.getOrDefault(rs.getObject(1, UUID.class), List.of()),
                        CoursesQuery.generatedBy(rs.getString(7), rs.getObject(8, UUID.class))))).list();
        List<CourseDocument.Section> sections = jdbc.sql(
                "select id, name, freely_open from content_section where course_id = :id order by position")
                .param("id", courseId).query((rs, n) -> new CourseDocument.Section(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getBoolean(3), skills.getOrDefault(rs.getObject(1, UUID.class), List.of())))
                .list();
        Head h = head.get();
        return Optional.of(new CourseDocument(courseId, h.key(), h.title(), h.target(), h.source(), h.licenseName(),
                h.licenseShort(), h.licenseLink(), h.repository(), Lines.split(h.special()), sections));
    }

    static UUID derived(UUID parent, String kind, String key) {
        return UUID.nameUUIDFromBytes((parent + "/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
