package org.glossa.practice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.glossa.content.CourseOutline;
import org.glossa.content.CourseSummary;
import org.glossa.content.Courses;
import org.glossa.identity.CurrentUser;
import org.glossa.practice.internal.Enrollments;
import org.glossa.practice.internal.LearnerPath;
import org.glossa.shared.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Enrollment and a course's path with the learner's progress and lock state. */
@RestController
@Tag(name = "Courses")
@SecurityRequirement(name = "bearer")
class PathController {

    private final Courses courses;
    private final Enrollments enrollments;
    private final LearnerPath path;

    PathController(Courses courses, Enrollments enrollments, LearnerPath path) {
        this.courses = courses;
        this.enrollments = enrollments;
        this.path = path;
    }

    record Enrollment(UUID courseId, OffsetDateTime enrolledAt) {
    }

    @PostMapping("/api/v1/courses/{id}/enrollment")
    @Operation(summary = "Enroll in a course", description = "201 the first time, 200 when already enrolled.")
    ResponseEntity<Enrollment> enroll(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        courses.outline(id).filter(o -> o.course().published()).orElseThrow(() -> ApiProblem.notFound("The course"));
        boolean created = enrollments.enroll(user.id(), id);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Enrollment(id, enrollments.enrolledAt(user.id(), id).orElseThrow()));
    }

    @GetMapping("/api/v1/courses/{id}")
    @Operation(summary = "A course's path", description = "Sections, skills and lessons with the caller's progress: "
            + "lessons done, level, and whether each skill is locked, unlocked or completed.")
    LearnerPath.PathView course(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return path.of(user.id(), id);
    }
}
