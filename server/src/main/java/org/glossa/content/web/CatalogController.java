package org.glossa.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.glossa.content.CourseSummary;
import org.glossa.content.Courses;
import org.glossa.content.SkillView;
import org.glossa.shared.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The course catalogue and skill explanations. */
@RestController
@Tag(name = "Courses")
@SecurityRequirement(name = "bearer")
class CatalogController {

    private final Courses courses;

    CatalogController(Courses courses) {
        this.courses = courses;
    }

    @GetMapping("/api/v1/courses")
    @Operation(summary = "List courses", description = "Filter with `target` (the language taught) and `source` "
            + "(the learner's language), BCP 47 tags.")
    List<CourseSummary> catalogue(@RequestParam(required = false) String target,
            @RequestParam(required = false) String source) {
        return courses.catalogue(target, source);
    }

    @GetMapping("/api/v1/skills/{id}")
    @Operation(summary = "A skill with its explanation (Markdown) and lessons")
    SkillView skill(@PathVariable UUID id) {
        return courses.skill(id).orElseThrow(() -> ApiProblem.notFound("The skill"));
    }
}
