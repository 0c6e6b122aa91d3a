package org.glossa.content;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to courses for other modules. */
public interface Courses {

    /** Published courses, optionally only those teaching {@code target} to speakers of {@code source}. */
    List<CourseSummary> catalogue(String target, String source);

    Optional<CourseOutline> outline(UUID courseId);

    Optional<SkillView> skill(UUID skillId);

    Optional<LessonView> lesson(UUID lessonId);

    Optional<ItemView> item(UUID itemId);

    /** Every item of a course, in path order; for distractors, vocabulary and practice sessions. */
    List<ItemView> items(UUID courseId);
}
