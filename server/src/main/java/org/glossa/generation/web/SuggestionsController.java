package org.glossa.generation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.glossa.generation.internal.GenerationJobs;
import org.glossa.generation.internal.Suggestions;
import org.glossa.identity.CurrentUser;
import org.glossa.shared.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Editors ask for generated drafts (background runs) and review the suggestions they produce. */
@RestController
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@Tag(name = "Admin: suggestions", description = "Generated drafts that wait for an editor's review")
@SecurityRequirement(name = "bearer")
class SuggestionsController {

    private final GenerationJobs jobs;
    private final Suggestions suggestions;

    SuggestionsController(GenerationJobs jobs, Suggestions suggestions) {
        this.jobs = jobs;
        this.suggestions = suggestions;
    }

    record SkillDraftBody(@NotNull UUID courseId,
            @Schema(description = "where the approved skill goes; the course's last section when left out") UUID sectionId,
            @NotBlank @Size(max = 200) String topic,
            @NotBlank @Pattern(regexp = "A1|A2|B1|B2|C1|C2", message = "must be a CEFR level, A1 to C2") String level,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> targetWords) {
    }

    record EnrichmentBody(@Schema(description = "enrich the dictionary entries this course's words are linked to") UUID courseId,
            @Schema(description = "the entries' language, with words (not needed with a courseId)") String language,
            @Size(max = 200) List<@NotBlank @Size(max = 100) String> words,
            @Schema(description = "at most this many entries (glossa.generation.enrichment-batch at most)") Integer limit) {
    }

    record ContentBody(@NotNull JsonNode content) {
    }

    record RejectBody(@Size(max = 1000) String reason) {
    }

    @PostMapping("/api/v1/admin/generation/skill-drafts")
    @Operation(summary = "Draft a skill in the background", description = "From a topic, a CEFR level and target words, a "
            + "draft skill with words, phrases and accepted alternatives in the course's language pair, as a suggestion. "
            + "202 with a Location to follow the run.")
    @ApiResponse(responseCode = "503", description = "No language model is configured (production)")
    ResponseEntity<GenerationJobs.Run> draftSkill(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody SkillDraftBody body) {
        GenerationJobs.Run run = jobs.requestSkillDraft(new GenerationJobs.SkillDraftRequest(body.courseId(),
                body.sectionId(), body.topic().strip(), body.level(), body.targetWords()), user.id());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/generation/jobs/" + run.id())).body(run);
    }

    @PostMapping("/api/v1/admin/generation/enrichments")
    @Operation(summary = "Enrich dictionary entries in the background", description = "Example sentences with "
            + "translations, a mnemonic, usage notes and a CEFR estimate for each entry the course's items are linked to "
            + "and each entry the words name, one suggestion per entry. 202 with a Location to follow the run.")
    @ApiResponse(responseCode = "503", description = "No language model is configured (production)")
    ResponseEntity<GenerationJobs.Run> enrich(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody EnrichmentBody body) {
        GenerationJobs.Run run = jobs.requestEnrichment(new GenerationJobs.EnrichmentRequest(body.courseId(),
                body.language() == null ? null : body.language().strip(), body.words(), body.limit()), user.id());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/generation/jobs/" + run.id())).body(run);
    }

    @GetMapping("/api/v1/admin/generation/jobs/{id}")
    @Operation(summary = "A generation run", description = "status: QUEUED, RUNNING, WAITING (the provider was unavailable "
            + "or over quota; retried later), SUCCEEDED or FAILED (message says why; nothing was stored).")
    GenerationJobs.Run job(@PathVariable UUID id) {
        return jobs.find(id).orElseThrow(() -> ApiProblem.notFound("The run"));
    }

    @GetMapping("/api/v1/admin/suggestions")
    @Operation(summary = "Suggestions, newest first", description = "state: PENDING, APPROVED or REJECTED; all when left out.")
    List<Suggestions.View> list(@RequestParam(required = false) String state,
            @RequestParam(defaultValue = "100") int limit) {
        return suggestions.list(state == null || state.isBlank() ? null : state.strip().toUpperCase(),
                Math.max(1, Math.min(500, limit)));
    }

    @GetMapping("/api/v1/admin/suggestions/{id}")
    @Operation(summary = "One suggestion")
    Suggestions.View one(@PathVariable UUID id) {
        return suggestions.find(id).orElseThrow(() -> ApiProblem.notFound("The suggestion"));
    }

    @PatchMapping("/api/v1/admin/suggestions/{id}")
    @Operation(summary = "Edit a pending suggestion", description = "content replaces the suggestion's content and must "
            + "follow the same schema as the generator's (errors name the JSON pointer).")
    @ApiResponse(responseCode = "409", description = "Already approved or rejected")
    Suggestions.View edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody ContentBody body) {
        return suggestions.edit(id, body.content(), user.id());
    }

    @PostMapping("/api/v1/admin/suggestions/{id}/approve")
    @Operation(summary = "Approve a suggestion", description = "A skill draft becomes a new skill of its course (a new "
            + "version), with the generator recorded; result is the new skill's id. An enrichment enters the dictionary "
            + "entry as the source glossa-generation (examples join its first meaning, the CEFR estimate its level); "
            + "result is the entry's id.")
    @ApiResponse(responseCode = "409", description = "Already approved or rejected")
    @ApiResponse(responseCode = "422", description = "Gaps the offline generator left are still unfilled")
    Suggestions.View approve(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return suggestions.approve(id, user.id());
    }

    @PostMapping("/api/v1/admin/suggestions/{id}/reject")
    @Operation(summary = "Reject a suggestion")
    @ApiResponse(responseCode = "409", description = "Already approved or rejected")
    Suggestions.View reject(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody(required = false) RejectBody body) {
        return suggestions.reject(id, user.id(), body == null ? null : body.reason());
    }
}
