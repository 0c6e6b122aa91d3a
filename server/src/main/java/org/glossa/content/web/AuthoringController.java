package org.glossa.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.content.Courses;
import org.glossa.content.ItemKind;
import org.glossa.content.internal.CourseAuthoring;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.validation.LanguageTag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The authoring API: editors create a course and change it piece by piece, then publish it. */
@RestController
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@Tag(name = "Admin: authoring", description = "Create and edit courses, sections, skills and items")
@SecurityRequirement(name = "bearer")
class AuthoringController {

    private final CourseAuthoring authoring;
    private final Courses courses;

    AuthoringController(CourseAuthoring authoring, Courses courses) {
        this.authoring = authoring;
        this.courses = courses;
    }

    record Created(UUID id) {
    }

    record NewCourse(@NotBlank @Size(max = 200) String title, @NotBlank @LanguageTag String targetLanguage,
            @NotBlank @LanguageTag String sourceLanguage, @Valid CourseAuthoring.License license) {
    }

    record CourseChange(@Size(min = 1, max = 200) String title,
            @Pattern(regexp = "DRAFT|PUBLISHED", message = "must be DRAFT or PUBLISHED") String status) {
    }

    record NewSection(@NotBlank @Size(max = 200) String name, Boolean freelyOpen) {
    }

    record NewSkill(@NotBlank @Size(max = 200) String name, @Size(max = 100_000) String explanation,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> thumbnails) {
    }

    record SkillChange(@Size(min = 1, max = 200) String name, @Size(max = 100_000) String explanation) {
    }

    record NewItem(@NotNull ItemKind kind, @NotBlank @Size(max = 1000) String text,
            @NotBlank @Size(max = 1000) String translation,
            @Size(max = 50) List<@NotBlank @Size(max = 1000) String> targetAnswers,
            @Size(max = 50) List<@NotBlank @Size(max = 1000) String> sourceAnswers,
            @Size(max = 5) List<@NotBlank @Pattern(regexp = "https?://\\S{1,400}", message = "must be an http(s) URL") String> audio) {
    }

    record ItemChange(@Size(min = 1, max = 1000) String text, @Size(min = 1, max = 1000) String translation,
            @Size(max = 50) List<@NotBlank @Size(max = 1000) String> targetAnswers,
            @Size(max = 50) List<@NotBlank @Size(max = 1000) String> sourceAnswers) {
    }

    @PostMapping("/api/v1/admin/courses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a draft course", description = "Learners see it once its status is PUBLISHED.")
    Created createCourse(@Valid @RequestBody NewCourse body) {
        return new Created(authoring.createCourse(body.title().strip(), LanguageTag.Validator.normalize(body.targetLanguage()),
                LanguageTag.Validator.normalize(body.sourceLanguage()), body.license()));
    }

    @PatchMapping("/api/v1/admin/courses/{id}")
    @Operation(summary = "Rename, publish or unpublish a course")
    Map<String, Object> changeCourse(@PathVariable UUID id, @Valid @RequestBody CourseChange body) {
        authoring.changeCourse(id, body.title(), body.status());
        var course = courses.outline(id).orElseThrow(() -> ApiProblem.notFound("The course")).course();
        return Map.of("id", course.id(), "title", course.title(), "status", course.status(), "version", course.version());
    }

    @PostMapping("/api/v1/admin/courses/{id}/sections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a section at the end of the course")
    Created addSection(@PathVariable UUID id, @Valid @RequestBody NewSection body) {
        return new Created(authoring.addSection(id, body.name().strip(), Boolean.TRUE.equals(body.freelyOpen())));
    }

    @PostMapping("/api/v1/admin/sections/{id}/skills")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a skill at the end of a section", description = "explanation is Markdown.")
    Created addSkill(@PathVariable UUID id, @Valid @RequestBody NewSkill body) {
        return new Created(authoring.addSkill(id, body.name().strip(), body.explanation(), body.thumbnails()));
    }

    @PatchMapping("/api/v1/admin/skills/{id}")
    @Operation(summary = "Rename a skill or change its explanation")
    Created changeSkill(@PathVariable UUID id, @Valid @RequestBody SkillChange body) {
        authoring.changeSkill(id, body.name(), body.explanation());
        return new Created(id);
    }

    @PostMapping("/api/v1/admin/skills/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a word or phrase to a skill", description = "text is in the target language, translation "
            + "in the learner's; the answer lists add alternatives (slashes and (optional parts) allowed); audio lists recordings "
            + "of the text (http(s) URLs), which make listening exercises possible. The item "
            + "joins the skill's last lesson, or opens a new one when that is full.")
    Created addItem(@PathVariable UUID id, @Valid @RequestBody NewItem body) {
        return new Created(authoring.addItem(id, body.kind(), body.text().strip(), body.translation().strip(),
                body.targetAnswers(), body.sourceAnswers(), body.audio()));
    }

    @PatchMapping("/api/v1/admin/items/{id}")
    @Operation(summary = "Change an item", description = "Fields left out stay; answer lists replace the alternatives.")
    Created changeItem(@PathVariable UUID id, @Valid @RequestBody ItemChange body) {
        authoring.changeItem(id, body.text(), body.translation(), body.targetAnswers(), body.sourceAnswers());
        return new Created(id);
    }

    @DeleteMapping("/api/v1/admin/items/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an item", description = "A lesson left empty goes with it.")
    void removeItem(@PathVariable UUID id) {
        authoring.removeItem(id);
    }
}
