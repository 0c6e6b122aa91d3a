package org.glossa.generation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.glossa.generation.internal.Explanations;
import org.glossa.identity.CurrentUser;
import org.glossa.shared.ApiProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** "Explain my answer" for an exercise the learner answered in their own session. */
@RestController
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
class ExplanationController {

    private final Explanations explanations;

    ExplanationController(Explanations explanations) {
        this.explanations = explanations;
    }

    record ExplanationRequest(@Schema(description = "The answer the learner gave, as sent to /answers: a string, a list "
            + "of tiles, or a list of {left, right} pairs") JsonNode answer) {
    }

    @PostMapping("/api/v1/sessions/{id}/exercises/{exerciseId}/explanation")
    @Operation(summary = "Explain my answer", description = "Why an answered exercise was judged as it was, grounded "
            + "in its accepted answers and the words involved. generator is the model's name, or offline when no "
            + "language model is configured (outside production). Limited per learner per day (glossa.generation."
            + "explanations-per-day); an explanation that fails does not count.")
    @ApiResponse(responseCode = "404", description = "No such session of yours, or no such exercise in it")
    @ApiResponse(responseCode = "409", description = "The exercise is not answered yet")
    @ApiResponse(responseCode = "429", description = "Daily limit reached; Retry-After and resetsAt say when it renews")
    @ApiResponse(responseCode = "503", description = "The language model is unavailable or not configured (production)")
    Explanations.Explanation explain(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @PathVariable String exerciseId, @RequestBody ExplanationRequest body) {
        return explanations.explain(user.id(), id, exerciseId, text(body == null ? null : body.answer()));
    }

    private static String text(JsonNode answer) {
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            throw ApiProblem.invalid("answer", "must be the answer you gave");
        }
        if (answer.isString()) {
            return answer.asString();
        }
        if (answer.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : answer) {
                parts.add(part.isObject() ? part.path("left").asString("") + " = " + part.path("right").asString("")
                        : part.asString(""));
            }
            return String.join(answer.size() > 0 && answer.get(0).isObject() ? ", " : " ", parts);
        }
        throw ApiProblem.invalid("answer", "must be a string or a list");
    }
}
