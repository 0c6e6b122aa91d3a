package org.glossa.practice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.glossa.identity.CurrentUser;
import org.glossa.practice.SessionKind;
import org.glossa.practice.internal.Sessions;
import org.glossa.shared.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Taking a lesson: start a session, answer its exercises, complete it. */
@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "Sessions")
@SecurityRequirement(name = "bearer")
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    record StartRequest(UUID lessonId, UUID courseId,
            @Schema(description = "practice, mistakes or review, with courseId") String kind) {
    }

    record AnswerRequest(@NotBlank @Size(max = 20) String exerciseId,
            @Schema(description = "A string; for arrange a list of tiles; for match a list of {left, right} pairs; "
                    + "for choose the option id") JsonNode answer,
            @NotBlank @Size(max = 100) @Schema(description = "Chosen by the client; the same id sent again gets the same reply")
            String answerId,
            @Min(0) @Max(3_600_000) @Schema(description = "How long the learner took, in milliseconds (optional)")
            Integer durationMs) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a session", description = "`{lessonId}` for a lesson of the path, or `{courseId, kind}` "
            + "with kind `practice` (completed skills, weakest first), `mistakes` (items recently got wrong) or `review` "
            + "(items the memory model says are due, most at risk first). "
            + "10 to 15 exercises; accepted answers are never sent.")
    @ApiResponse(responseCode = "201", description = "Started")
    Sessions.Started start(@AuthenticationPrincipal CurrentUser user, @RequestBody StartRequest body) {
        if (body.lessonId() != null) {
            return sessions.startLesson(user.id(), body.lessonId());
        }
        if (body.courseId() == null) {
            throw ApiProblem.invalid("lessonId", "give a lessonId, or a courseId with a kind");
        }
        SessionKind kind = switch (body.kind() == null ? "" : body.kind()) {
            case "practice" -> SessionKind.PRACTICE;
            case "mistakes" -> SessionKind.MISTAKES;
            case "review" -> SessionKind.REVIEW;
            default -> throw ApiProblem.invalid("kind", "must be practice, mistakes or review");
        };
        return sessions.startPractice(user.id(), body.courseId(), kind);
    }

    @PostMapping("/{id}/answers")
    @Operation(summary = "Answer an exercise", description = "verdict: correct, typo, accent (all accepted) or wrong; "
            + "expected is the accepted answer closest to the one given.")
    @ApiResponse(responseCode = "409", description = "Unknown exercise, already answered, or the session is completed")
    @ApiResponse(responseCode = "410", description = "The session expired after 2 hours idle")
    Sessions.Reply answer(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody AnswerRequest body) {
        return sessions.answer(user.id(), id, body.exerciseId(), body.answer(), body.answerId(), body.durationMs());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a session", description = "Idempotent: asking again returns the same result. "
            + "XP: 10 for a lesson, +5 without mistakes; practice 10, then 5 for each further one the same day.")
    @ApiResponse(responseCode = "409", description = "Exercises left unanswered")
    Sessions.Result complete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return sessions.complete(user.id(), id);
    }
}
