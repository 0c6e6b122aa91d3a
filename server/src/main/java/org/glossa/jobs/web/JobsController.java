package org.glossa.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.glossa.identity.CurrentUser;
import org.glossa.jobs.internal.JobRuns;
import org.glossa.shared.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Background jobs: admins and editors follow every job; each signed-in user follows the jobs they started
 * (an FSRS optimization, an import), and only those.
 */
@RestController
@Validated
@Tag(name = "Background jobs")
@SecurityRequirement(name = "bearer")
class JobsController {

    private static final String STATES = Arrays.stream(JobRuns.State.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final JobRuns runs;

    JobsController(JobRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/api/v1/admin/jobs")
    @PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
    @Operation(summary = "List background jobs", description = "Newest first; `state` is one of ENQUEUED, SCHEDULED "
            + "(waiting for a retry or its time), PROCESSING, SUCCEEDED, FAILED (after the last retry), DELETED. "
            + "Pages start at 0. EDITOR or ADMIN.")
    JobRuns.Page list(@Parameter(description = "filter by state") @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return runs.list(state(state), null, page, size);
    }

    @GetMapping("/api/v1/admin/jobs/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
    @Operation(summary = "One background job", description = "State, progress (done of total), counts, the first "
            + "errors it went on from, failed attempts with the last failure, and timings.")
    JobRuns.Run one(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> ApiProblem.notFound("The job"));
    }

    @GetMapping("/api/v1/me/jobs")
    @Operation(summary = "The background jobs I started", description = "Newest first, for example my FSRS "
            + "optimizations; `state` as for the admin list.")
    JobRuns.Page mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        JobRuns.Page found = runs.list(state(state), user.id(), page, size);
        return new JobRuns.Page(found.items().stream().map(JobRuns.Run::forOwner).toList(), found.page(), found.size(),
                found.totalItems(), found.totalPages());
    }

    @GetMapping("/api/v1/me/jobs/{id}")
    @Operation(summary = "A background job I started", description = "404 for a job someone else started.")
    JobRuns.Run myJob(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return runs.find(id).filter(run -> user.id().equals(run.startedBy())).map(JobRuns.Run::forOwner)
                .orElseThrow(() -> ApiProblem.notFound("The job"));
    }

    private static JobRuns.State state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return JobRuns.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("state", "must be one of " + STATES);
        }
    }
}
