package org.glossa.practice.internal;

import java.util.List;
import java.util.UUID;
import org.glossa.content.CourseOutline;
import org.glossa.content.CourseSummary;
import org.glossa.content.Courses;
import org.glossa.shared.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A course's path as one learner sees it. */
@Component
public class LearnerPath {

    private final Courses courses;
    private final Sessions sessions;
    private final Enrollments enrollments;

    LearnerPath(Courses courses, Sessions sessions, Enrollments enrollments) {
        this.courses = courses;
        this.sessions = sessions;
        this.enrollments = enrollments;
    }

    public record PathView(CourseSummary course, List<String> specialCharacters, boolean enrolled,
            List<SectionView> sections) {
    }

    public record SectionView(UUID id, String name, boolean freelyOpen, List<SkillView> skills) {
    }

    public record SkillView(UUID id, String name, List<String> thumbnails, String state, int lessonsDone,
            int lessonCount, int level, List<LessonView> lessons) {
    }

    public record LessonView(UUID id, int position, int timesCompleted) {
    }

    @Transactional(readOnly = true)
    public PathView of(UUID userId, UUID courseId) {
        CourseOutline outline = courses.outline(courseId).filter(o -> o.course().published())
                .orElseThrow(() -> ApiProblem.notFound("The course"));
        PathProgress progress = sessions.progress(userId, outline);
        List<SectionView> sections = outline.sections().stream().map(section -> new SectionView(section.id(),
                section.name(), section.freelyOpen(), section.skills().stream().map(skill -> {
                    PathProgress.SkillState state = progress.skills().get(skill.id());
                    List<LessonView> lessons = new java.util.ArrayList<>();
                    for (int i = 0; i < skill.lessonIds().size(); i++) {
                        UUID lesson = skill.lessonIds().get(i);
                        lessons.add(new LessonView(lesson, i + 1, progress.lessonTimes().getOrDefault(lesson, 0)));
                    }
                    return new SkillView(skill.id(), skill.name(), skill.thumbnails(), state.lock().name().toLowerCase(),
                            state.lessonsDone(), state.lessonCount(), state.level(), lessons);
                }).toList())).toList();
        return new PathView(outline.course(), outline.specialCharacters(),
                enrollments.enrolledAt(userId, courseId).isPresent(), sections);
    }
}
