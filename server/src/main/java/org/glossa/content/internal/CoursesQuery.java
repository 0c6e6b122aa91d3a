package org.glossa.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.glossa.content.CourseOutline;
import org.glossa.content.CourseSummary;
import org.glossa.content.Courses;
import org.glossa.content.GeneratedBy;
import org.glossa.content.ItemKind;
import org.glossa.content.ItemView;
import org.glossa.content.LessonView;
import org.glossa.content.SkillView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class CoursesQuery implements Courses {

    private static final String SUMMARY = """
            select c.id, c.title, c.target_language, c.source_language, c.license_short_name, c.license_name,
                c.license_link, c.repository, c.status, c.version, c.special_characters,
                (select count(*) from content_skill s where s.course_id = c.id) as skills
            from content_course c
            """;
    private static final String ITEM = """
            select id, course_id, skill_id, lesson_id, kind, text, translation, target_answers, source_answers, images,
                audio
            from content_item
            """;

    private final JdbcClient jdbc;

    CoursesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CourseSummary> catalogue(String target, String source) {
        return jdbc.sql(SUMMARY + """
                where c.status = 'PUBLISHED' and (:target = '' or lower(c.target_language) = lower(:target))
                  and (:source = '' or lower(c.source_language) = lower(:source))
                order by c.title, c.id
                """).param("target", target == null ? "" : target).param("source", source == null ? "" : source)
                .query((rs, n) -> summary(rs)).list();
    }

    @Override
    public Optional<CourseOutline> outline(UUID courseId) {
        Optional<CourseOutline> course = jdbc.sql(SUMMARY + " where c.id = :id").param("id", courseId)
                .query((rs, n) -> new CourseOutline(summary(rs), Lines.split(rs.getString("special_characters")),
                        List.of())).optional();
        if (course.isEmpty()) {
            return course;
        }
        Map<UUID, List<UUID>> lessons = new LinkedHashMap<>();
        jdbc.sql("select id, skill_id from content_lesson where course_id = :id order by skill_id, position")
                .param("id", courseId)
                .query((rs, n) -> lessons.computeIfAbsent(rs.getObject("skill_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject("id", UUID.class))).list();
        Map<UUID, List<CourseOutline.Skill>> skills = new LinkedHashMap<>();
        jdbc.sql("select id, section_id, name, position, thumbnails from content_skill where course_id = :id order by position")
                .param("id", courseId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return skills.computeIfAbsent(rs.getObject("section_id", UUID.class), k -> new ArrayList<>())
                            .add(new CourseOutline.Skill(id, rs.getString("name"), rs.getInt("position"),
                                    Lines.split(rs.getString("thumbnails")), lessons.getOrDefault(id, List.of())));
                }).list();
        List<CourseOutline.Section> sections = jdbc.sql(
                "select id, name, position, freely_open from content_section where course_id = :id order by position")
                .param("id", courseId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new CourseOutline.Section(id, rs.getString("name"), rs.getInt("position"),
                            rs.getBoolean("freely_open"), skills.getOrDefault(id, List.of()));
                }).list();
        return Optional.of(new CourseOutline(course.get().course(), course.get().specialCharacters(), sections));
    }

    @Override
    public Optional<SkillView> skill(UUID skillId) {
        List<UUID> lessons = jdbc.sql("select id from content_lesson where skill_id = :id order by position")
                .param("id", skillId).query(UUID.class).list();
        return jdbc.sql("""
                select id, course_id, name, explanation, thumbnails, generator, suggestion_id from content_skill
                where id = :id
                """)
                .param("id", skillId)
                .query((rs, n) -> new SkillView(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
                        rs.getString("name"), rs.getString("explanation"), Lines.split(rs.getString("thumbnails")), lessons,
                        generatedBy(rs.getString("generator"), rs.getObject("suggestion_id", UUID.class))))
                .optional();
    }

    @Override
    public Optional<LessonView> lesson(UUID lessonId) {
        return jdbc.sql("select id, course_id, skill_id, position from content_lesson where id = :id")
                .param("id", lessonId)
                .query((rs, n) -> new LessonView(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
                        rs.getObject("skill_id", UUID.class), rs.getInt("position"),
                        jdbc.sql(ITEM + " where lesson_id = :id order by position").param("id", lessonId)
                                .query((items, m) -> item(items)).list()))
                .optional();
    }

    @Override
    public Optional<ItemView> item(UUID itemId) {
        return jdbc.sql(ITEM + " where id = :id").param("id", itemId).query((rs, n) -> item(rs)).optional();
    }

    @Override
    public List<ItemView> items(UUID courseId) {
        return jdbc.sql(ITEM + " where course_id = :id order by skill_id, position").param("id", courseId)
                .query((rs, n) -> item(rs)).list();
    }

    private static CourseSummary summary(ResultSet rs) throws SQLException {
        String license = rs.getString("license_short_name") != null ? rs.getString("license_short_name")
                : rs.getString("license_name");
        return new CourseSummary(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("target_language"),
                rs.getString("source_language"), license, rs.getString("license_link"), rs.getString("repository"),
                rs.getString("status"), rs.getInt("version"), rs.getInt("skills"));
    }

    private static ItemView item(ResultSet rs) throws SQLException {
        return new ItemView(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class),
                rs.getObject("skill_id", UUID.class), rs.getObject("lesson_id", UUID.class),
                ItemKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("translation"),
                Lines.split(rs.getString("target_answers")), Lines.split(rs.getString("source_answers")),
                Lines.split(rs.getString("images")), Lines.split(rs.getString("audio")));
    }

    static GeneratedBy generatedBy(String generator, UUID suggestionId) {
        return generator == null ? null : new GeneratedBy(generator, suggestionId);
    }
}
