package org.glossa.generation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.glossa.generation.internal.GenerationStatus;
import org.glossa.shared.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of generation: which generator answers, the breaker, and usage per day and task. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: generation", description = "Language model usage and state")
@SecurityRequirement(name = "bearer")
class GenerationAdminController {

    private final GenerationStatus status;

    GenerationAdminController(GenerationStatus status) {
        this.status = status;
    }

    @GetMapping("/api/v1/admin/generation/usage")
    @Operation(summary = "Usage per UTC day, task and generator", description = "requests (to the provider; offline "
            + "answers count too, with generator offline), cacheHits, failures (failed requests and replies that failed "
            + "validation twice), promptTokens and completionTokens as the provider reported them. Default: the last 30 "
            + "days. Also the generator in use, the circuit breaker's state and today's global count against its quota.")
    GenerationStatus.Report usage(
            @Parameter(description = "first day, ISO date") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, ISO date") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalid("from", "must not be after to");
        }
        return status.report(from, to);
    }

    @GetMapping("/api/v1/admin/generation/failures")
    @Operation(summary = "Replies that failed validation twice", description = "Newest first; never stored as content.")
    List<GenerationStatus.Failure> failures(@RequestParam(defaultValue = "50") int limit) {
        return status.failures(Math.max(1, Math.min(500, limit)));
    }
}
