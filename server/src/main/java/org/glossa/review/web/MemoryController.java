package org.glossa.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.fsrs.CardState;
import org.glossa.fsrs.DayBoundary;
import org.glossa.identity.CurrentUser;
import org.glossa.review.internal.Memory;
import org.glossa.review.internal.MemoryOptimization;
import org.glossa.review.internal.ReviewHistory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A learner's view of their memory: states, what is due, a forecast, retention, and their settings. */
@RestController
@Tag(name = "My memory")
@SecurityRequirement(name = "bearer")
class MemoryController {

    private final Memory memory;
    private final MemoryOptimization optimization;
    private final ReviewHistory history;
    private final Clock clock;

    MemoryController(Memory memory, MemoryOptimization optimization, ReviewHistory history, Clock clock) {
        this.memory = memory;
        this.optimization = optimization;
        this.history = history;
        this.clock = clock;
    }

    record Forecast(LocalDate date, int due) {
    }

    record Summary(Map<String, Integer> byState, int dueNow, int dueToday, List<Forecast> forecast,
            Double measuredRetention, int reviewsLast30Days, Memory.Settings settings) {
    }

    @GetMapping("/api/v1/me/memory")
    @Operation(summary = "My memory", description = "Items by state, due now and by the end of my day, a 30-day forecast "
            + "of due items per day (my time zone and day start), and the share of reviews of graduated items recalled "
            + "in the last 30 days.")
    Summary summary(@AuthenticationPrincipal CurrentUser user) {
        Instant now = clock.instant();
        Memory.Settings settings = memory.settings(user.id());
        DayBoundary days = new DayBoundary(memory.zoneOf(user.id()), settings.dayStartHour());
        LocalDate today = days.dayOf(now);
        Map<CardState, Integer> byState = new EnumMap<>(CardState.class);
        int dueNow = 0;
        int[] perDay = new int[30];
        for (Memory.Item item : memory.all(user.id())) {
            byState.merge(item.card().state(), 1, Integer::sum);
            Instant due = item.card().due();
            if (!due.isAfter(now)) {
                dueNow++;
            }
            long day = Math.max(0, today.until(days.dayOf(due), java.time.temporal.ChronoUnit.DAYS));
            if (day < 30) {
                perDay[(int) day]++;
            }
        }
        List<Forecast> forecast = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            forecast.add(new Forecast(today.plusDays(d), perDay[d]));
        }
        Map<String, Integer> states = new LinkedHashMap<>();
        for (CardState state : CardState.values()) {
            states.put(state.name().toLowerCase(), byState.getOrDefault(state, 0));
        }
        // One pass over the last 30 days: all reviews, and those of graduated items with how many were recalled.
        ReviewHistory.Recent recent = history.since(user.id(), now.minus(java.time.Duration.ofDays(30)));
        // Overdue items count on day 0 of the forecast, so day 0 is what is due by the end of today.
        return new Summary(states, dueNow, perDay[0], forecast, recent.graduated() == 0 ? null
                : ReviewController.round((double) recent.recalled() / recent.graduated()), (int) recent.reviews(), settings);
    }

    record SettingsChange(@DecimalMin("0.70") @DecimalMax("0.97") Double desiredRetention,
            @Min(0) @Max(23) Integer dayStartHour) {
    }

    @PatchMapping("/api/v1/me/memory/settings")
    @Operation(summary = "Change my memory settings", description = "desiredRetention 0.70 to 0.97 (default 0.9); "
            + "dayStartHour 0 to 23 (default 4): when my next day starts.")
    Memory.Settings settings(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody SettingsChange change) {
        return memory.changeSettings(user.id(), change.desiredRetention(), change.dayStartHour());
    }

    @PostMapping("/api/v1/me/memory/optimize")
    @Operation(summary = "Fit my own FSRS parameters", description = "A background job: 202 with the run (its id is "
            + "the job id); follow it at the Location. New parameters are adopted only if they predict my latest "
            + "reviews at least as well as the ones in use. Asking again while a run is pending returns that run.")
    ResponseEntity<MemoryOptimization.Run> optimize(@AuthenticationPrincipal CurrentUser user) {
        MemoryOptimization.Run run = optimization.request(user.id());
        return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/me/memory/optimizations/" + run.id()))
                .body(run);
    }

    @GetMapping("/api/v1/me/memory/optimizations/{id}")
    @Operation(summary = "An optimization run: QUEUED, RUNNING, SUCCEEDED or FAILED")
    MemoryOptimization.Run optimization(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return optimization.run(user.id(), id)
                .orElseThrow(() -> org.glossa.shared.ApiProblem.notFound("The optimization run"));
    }

    @GetMapping(path = "/api/v1/me/reviews/export", produces = "text/csv")
    @Operation(summary = "My review log as CSV", description = "card_id,review_time,review_rating,review_duration,"
            + "review_state: the format the FSRS command-line tool reads (state 0 new, 1 learning, 2 review, 3 relearning).")
    ResponseEntity<String> export(@AuthenticationPrincipal CurrentUser user) {
        StringBuilder csv = new StringBuilder("card_id,review_time,review_rating,review_duration,review_state\n");
        history.forEach(user.id(), review -> csv.append(review.itemId()).append(',').append(review.reviewedAt())
                .append(',').append(review.rating()).append(',')
                .append(review.durationMs() == null ? "" : review.durationMs()).append(',')
                .append(review.state().ordinal()).append('\n'));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reviews.csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(csv.toString());
    }
}
