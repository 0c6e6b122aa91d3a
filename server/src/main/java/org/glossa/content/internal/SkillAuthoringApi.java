package org.glossa.content.internal;

import java.util.List;
import java.util.UUID;
import org.glossa.content.GeneratedBy;
import org.glossa.content.SkillAuthoring;
import org.glossa.shared.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link SkillAuthoring} on top of the editors' own {@link CourseAuthoring}, in one transaction. */
@Component
class SkillAuthoringApi implements SkillAuthoring {

    private final CourseAuthoring authoring;
    private final JdbcClient jdbc;

    SkillAuthoringApi(CourseAuthoring authoring, JdbcClient jdbc) {
        this.authoring = authoring;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public UUID addSkill(UUID courseId, UUID sectionId, String name, String explanation, List<NewItem> items,
            GeneratedBy generatedBy) {
        UUID section = sectionId;
        if (section != null) {
            UUID owner = jdbc.sql("select course_id from content_section where id = :id").param("id", section)
                    .query(UUID.class).optional().orElseThrow(() -> ApiProblem.notFound("The section"));
            if (!owner.equals(courseId)) {
                throw ApiProblem.conflict("The section belongs to another course.");
            }
        } else {
            section = jdbc.sql("select id from content_section where course_id = :c order by position desc limit 1")
                    .param("c", courseId).query(UUID.class).optional()
                    .orElseGet(() -> authoring.addSection(courseId, name, false));
        }
        UUID skill = authoring.addSkill(section, name, explanation, List.of(), generatedBy);
        for (NewItem item : items) {
            authoring.addItem(skill, item.kind(), item.text(), item.translation(), item.targetAnswers(),
                    item.sourceAnswers(), List.of());
        }
        return skill;
    }
}
