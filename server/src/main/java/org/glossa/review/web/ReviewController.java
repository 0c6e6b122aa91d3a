package org.glossa.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.glossa.content.CourseOutline;
import org.glossa.content.CourseSummary;
import org.glossa.content.Courses;
import org.glossa.content.ItemView;
import org.glossa.fsrs.Card;
import org.glossa.fsrs.Preview;
import org.glossa.fsrs.Rating;
import org.glossa.fsrs.Scheduler;
import org.glossa.identity.CurrentUser;
import org.glossa.review.internal.Memory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Due items, and explicit or offline flashcard reviews. */
@RestController
@RequestMapping("/api/v1/reviews")
@Validated
@Tag(name = "Reviews")
@SecurityRequirement(name = "bearer")
class ReviewController {

    /** How far in the future a review may be dated, for clocks that run a little fast. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Memory memory;
    private final Courses courses;
    private final Clock clock;

    ReviewController(Memory memory, Courses courses, Clock clock) {
        this.memory = memory;
        this.courses = courses;
        this.clock = clock;
    }

    record Flashcard(String type, String prompt, String answer, String from, String to) {
    }

    record DueItem(UUID itemId, UUID courseId, String state, Instant due, double retrievability, Flashcard exercise) {
    }

    @GetMapping("/due")
    @Operation(summary = "Due items, most at risk of being forgotten first", description = "Each with a flashcard to "
            + "review it (prompt in the learner's language, answer in the target language); rate it with POST /reviews, "
            + "or take them as a session with POST /sessions {courseId, kind: review}.")
    List<DueItem> due(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID courseId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        Instant now = clock.instant();
        Scheduler scheduler = memory.scheduler(user.id());
        // Due items usually share a course or two: read each course once.
        Map<UUID, Optional<CourseSummary>> coursesById = new HashMap<>();
        List<DueItem> due = new ArrayList<>();
        for (Memory.Item item : memory.due(user.id(), courseId, limit)) {
            ItemView content = courses.item(item.itemId()).orElse(null);
            if (content == null) {
                continue;
            }
            Optional<CourseSummary> course = coursesById.computeIfAbsent(item.courseId(),
                    id -> courses.outline(id).map(CourseOutline::course));
            String target = course.map(CourseSummary::targetLanguage).orElse(null);
            String source = course.map(CourseSummary::sourceLanguage).orElse(null);
            due.add(new DueItem(item.itemId(), item.courseId(), item.card().state().name().toLowerCase(), item.card().due(),
                    round(scheduler.retrievability(item.card(), now)),
                    new Flashcard("flashcard", content.translation(), content.text(), source, target)));
        }
        return due;
    }

    record ReviewEntry(@NotBlank @Size(max = 200) String reviewId, @NotNull UUID itemId,
            @NotNull @Min(1) @Max(4) Integer rating, @NotNull Instant reviewedAt, @Min(0) Integer durationMs) {
    }

    record ReviewBatch(@NotNull @NotEmpty @Size(max = 1000) List<@Valid @NotNull ReviewEntry> reviews) {
    }

    record State(String state, Instant due, Double stability, Double difficulty, double retrievability) {
    }

    record Next(Instant due, int intervalDays) {
    }

    record ReviewResult(String reviewId, UUID itemId, String status, String reason, State state, Map<String, Next> next) {
    }

    @PostMapping
    @Operation(summary = "Apply flashcard or offline reviews", description = "rating 1 (again) to 4 (easy). Applied in "
            + "reviewedAt order and once per reviewId. An entry older than the item's last review, more than 5 minutes "
            + "in the future, or for an unknown item is rejected with its reason while the others apply. Each result "
            + "gives the item's new state and the next due date for each rating.")
    List<ReviewResult> review(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ReviewBatch batch) {
        Instant now = clock.instant();
        Scheduler scheduler = memory.scheduler(user.id());
        List<ReviewEntry> ordered = batch.reviews().stream()
                .sorted(Comparator.comparing(ReviewEntry::reviewedAt).thenComparing(ReviewEntry::reviewId)).toList();
        Map<String, ReviewResult> results = new LinkedHashMap<>();
        for (ReviewEntry entry : ordered) {
            ReviewResult result;
            if (entry.reviewedAt().isAfter(now.plus(CLOCK_SKEW))) {
                result = rejected(entry, "reviewedAt is in the future");
            } else {
                var content = courses.item(entry.itemId());
                if (content.isEmpty()) {
                    result = rejected(entry, "unknown item");
                } else {
                    Memory.Outcome outcome = memory.review(scheduler, user.id(), content.get().courseId(), entry.itemId(),
                            Rating.of(entry.rating()), entry.reviewedAt(), entry.durationMs(), "client:" + entry.reviewId(),
                            "flashcard");
                    result = switch (outcome) {
                        case APPLIED -> stateOf(scheduler, now, user.id(), entry, "applied", null);
                        case DUPLICATE -> stateOf(scheduler, now, user.id(), entry, "duplicate", "this reviewId was applied before");
                        case STALE -> stateOf(scheduler, now, user.id(), entry, "rejected", "older than the item's last review");
                    };
                }
            }
            results.put(entry.reviewId(), result);
        }
        // In the order the client sent them.
        return batch.reviews().stream().map(e -> results.get(e.reviewId())).distinct().toList();
    }

    private ReviewResult rejected(ReviewEntry entry, String reason) {
        return new ReviewResult(entry.reviewId(), entry.itemId(), "rejected", reason, null, null);
    }

    private ReviewResult stateOf(Scheduler scheduler, Instant now, UUID userId, ReviewEntry entry, String status,
            String reason) {
        Card card = memory.item(userId, entry.itemId()).orElseThrow().card();
        Preview preview = scheduler.preview(card, now.isAfter(entry.reviewedAt()) ? now : entry.reviewedAt());
        Map<String, Next> next = new LinkedHashMap<>();
        for (Rating rating : Rating.values()) {
            Card after = preview.get(rating).card();
            next.put(rating.name().toLowerCase(), new Next(after.due(), after.scheduledDays()));
        }
        return new ReviewResult(entry.reviewId(), entry.itemId(), status, reason,
                new State(card.state().name().toLowerCase(), card.due(),
                        card.memory() == null ? null : round(card.memory().stability()),
                        card.memory() == null ? null : round(card.memory().difficulty()),
                        round(scheduler.retrievability(card, now))), next);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
