package org.glossa.content.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.glossa.content.CourseImported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a parsed course, all or nothing. Ids are derived from the course and the ids its files give
 * (module folders, skill Ids, item texts), so a re-import updates the course in place as a new
 * version and learners keep their progress on every skill whose id did not change.
 */
@Component
class CourseStore {

    record Stored(UUID courseId, int version, int modules, int skills, long words, long phrases, List<String> warnings) {
    }

    private final JdbcClient jdbc;
    private final ContentSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CourseStore(JdbcClient jdbc, ContentSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Stored store(ParsedCourse course) {
        Instant now = clock.instant();
        Optional<UUID> existing = jdbc.sql("select id from content_course where course_key = :key")
                .param("key", course.key()).query(UUID.class).optional();
        UUID courseId;
        int version;
        if (existing.isPresent()) {
            courseId = existing.get();
            version = jdbc.sql("select version from content_course where id = :id").param("id", courseId)
                    .query(Integer.class).single() + 1;
            jdbc.sql("delete from content_section where course_id = :id").param("id", courseId).update();
            jdbc.sql("""
                    update content_course set title = :title, target_language = :target, source_language = :source,
                        license_name = :licenseName, license_short_name = :licenseShort, license_link = :licenseLink,
                        repository = :repository, special_characters = :special, version = :version, updated_at = :now
                    where id = :id
                    """).params(courseParams(course, courseId, version, now)).update();
        } else {
            courseId = UUID.randomUUID();
            version = 1;
            jdbc.sql("""
                    insert into content_course (id, course_key, title, target_language, source_language, license_name,
                        license_short_name, license_link, repository, special_characters, status, version, created_at,
                        updated_at)
                    values (:id, :key, :title, :target, :source, :licenseName, :licenseShort, :licenseLink, :repository,
                        :special, 'PUBLISHED', :version, :now, :now)
                    """).params(courseParams(course, courseId, version, now)).param("key", course.key()).update();
        }
        int sectionPosition = 0;
        int skillPosition = 0;
        for (ParsedCourse.Section section : course.sections()) {
            UUID sectionId = derived(courseId, "section", section.key());
            jdbc.sql("insert into content_section (id, course_id, position, name, freely_open) values (:id, :course, :pos, :name, false)")
                    .param("id", sectionId).param("course", courseId).param("pos", ++sectionPosition)
                    .param("name", limit(section.name(), 200)).update();
            for (ParsedCourse.Skill skill : section.skills()) {
                storeSkill(courseId, sectionId, ++skillPosition, skill);
            }
        }
        events.publishEvent(new CourseImported(courseId, version, now));
        return new Stored(courseId, version, course.sections().size(), course.skillCount(),
                course.count(org.glossa.content.ItemKind.WORD), course.count(org.glossa.content.ItemKind.PHRASE),
                course.warnings());
    }

    private void storeSkill(UUID courseId, UUID sectionId, int position, ParsedCourse.Skill skill) {
        UUID skillId = derived(courseId, "skill", skill.externalId());
        jdbc.sql("""
                insert into content_skill (id, course_id, section_id, position, external_id, name, explanation, thumbnails)
                values (:id, :course, :section, :pos, :external, :name, :explanation, :thumbnails)
                """).param("id", skillId).param("course", courseId).param("section", sectionId).param("pos", position)
                .param("external", limit(skill.externalId(), 100)).param("name", limit(skill.name(), 200))
                .param("explanation", skill.explanation() == null ? null : limit(skill.explanation(), 100_000))
                .param("thumbnails", Lines.join(skill.thumbnails())).update();
        List<List<ParsedCourse.Item>> lessons = lessons(skill.items());
        Set<UUID> itemIds = new HashSet<>();
        int itemPosition = 0;
        for (int l = 0; l < lessons.size(); l++) {
            UUID lessonId = derived(skillId, "lesson", Integer.toString(l + 1));
            jdbc.sql("insert into content_lesson (id, course_id, skill_id, position) values (:id, :course, :skill, :pos)")
                    .param("id", lessonId).param("course", courseId).param("skill", skillId).param("pos", l + 1).update();
            for (ParsedCourse.Item item : lessons.get(l)) {
                UUID itemId = derived(skillId, item.kind().name(), item.text());
                for (int n = 2; !itemIds.add(itemId); n++) {
                    itemId = derived(skillId, item.kind().name(), item.text() + "#" + n);
                }
                jdbc.sql("""
                        insert into content_item (id, course_id, skill_id, lesson_id, position, kind, text, translation,
                            target_answers, source_answers, images)
                        values (:id, :course, :skill, :lesson, :pos, :kind, :text, :translation, :targetAnswers,
                            :sourceAnswers, :images)
                        """).param("id", itemId).param("course", courseId).param("skill", skillId)
                        .param("lesson", lessonId).param("pos", ++itemPosition).param("kind", item.kind().name())
                        .param("text", limit(item.text(), 1000)).param("translation", limit(item.translation(), 1000))
                        .param("targetAnswers", limit(Lines.join(item.targetAnswers()), 8000))
                        .param("sourceAnswers", limit(Lines.join(item.sourceAnswers()), 8000))
                        .param("images", limit(Lines.join(item.images()), 1000)).update();
            }
        }
    }

    /** Items in groups of the lesson size; a short last group joins the one before. */
    private List<List<ParsedCourse.Item>> lessons(List<ParsedCourse.Item> items) {
        int size = Math.max(2, settings.lessonSize());
        List<List<ParsedCourse.Item>> lessons = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            lessons.add(new ArrayList<>(items.subList(i, Math.min(items.size(), i + size))));
        }
        if (lessons.size() > 1 && lessons.getLast().size() < (size + 1) / 2) {
            lessons.get(lessons.size() - 2).addAll(lessons.removeLast());
        }
        return lessons;
    }

    private static java.util.Map<String, Object> courseParams(ParsedCourse course, UUID id, int version, Instant now) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("id", id);
        params.put("title", limit(course.title(), 200));
        params.put("target", course.targetLanguage());
        params.put("source", course.sourceLanguage());
        params.put("licenseName", course.licenseName());
        params.put("licenseShort", course.licenseShortName());
        params.put("licenseLink", course.licenseLink());
        params.put("repository", course.repository());
        params.put("special", limit(Lines.join(course.specialCharacters()), 1000));
        params.put("version", version);
        params.put("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
        return params;
    }

    static UUID derived(UUID parent, String kind, String key) {
        return UUID.nameUUIDFromBytes((parent + "/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String limit(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
