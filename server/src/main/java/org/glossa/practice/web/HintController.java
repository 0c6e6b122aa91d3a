package org.glossa.practice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.glossa.identity.CurrentUser;
import org.glossa.practice.internal.Hints;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tapping a word of an exercise's prompt: its meanings from the dictionary, never the answer. */
@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
class HintController {

    private final Hints hints;

    HintController(Hints hints) {
        this.hints = hints;
    }

    @GetMapping("/{id}/exercises/{exerciseId}/hints")
    @Operation(summary = "Hints for an exercise", description = "Each word of the prompt with its dictionary meanings "
            + "(lemma, part of speech, glosses). Glosses that would give the answer away are withheld and counted in "
            + "`withheld`. Listening and matching exercises have no hints.")
    @ApiResponse(responseCode = "404", description = "No such session of the caller, or no such exercise in it")
    Hints.Result hints(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable String exerciseId) {
        return hints.forExercise(user.id(), id, exerciseId);
    }
}
