package org.glossa.gamification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.glossa.gamification.internal.Achievements;
import org.glossa.gamification.internal.Standing;
import org.glossa.identity.CurrentUser;
import org.glossa.shared.ApiProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A learner's own gamification: stats, streak calendar, XP ledger, daily quests and achievements. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My progress")
@SecurityRequirement(name = "bearer")
class GamificationController {

    private final Standing standing;

    GamificationController(Standing standing) {
        this.standing = standing;
    }

    @GetMapping("/stats")
    @Operation(summary = "My stats", description = "Total XP, today's XP and the daily goal (progress 0 to 1), streak, "
            + "gems, hearts with the next refill, and the league (null until the learner is in one).")
    Standing.Stats stats(@AuthenticationPrincipal CurrentUser user) {
        return standing.stats(user.id());
    }

    @GetMapping("/streak")
    @Operation(summary = "My streak", description = "The streak, freezes, a repair offer while a lost streak can be "
            + "repaired, and the calendar of active, frozen and repaired days from `from` to `to` (my local dates; "
            + "default the last 35 days, at most 366).")
    Standing.StreakView streak(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) String from,
            @Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > 366)) {
            throw ApiProblem.invalid("to", "must be on or after from, at most 366 days later");
        }
        return standing.streak(user.id(), start, end);
    }

    @GetMapping("/xp")
    @Operation(summary = "My XP ledger", description = "Every XP entry, newest first; pages start at 0.")
    Standing.XpPage xp(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "20") String size) {
        int p = number("page", page, 0, 1_000_000);
        int s = number("size", size, 1, 200);
        return standing.xp(user.id(), p, s);
    }

    @GetMapping("/quests")
    @Operation(summary = "My daily quests", description = "Today's quests (my local day, from my day start), with "
            + "progress, target and the gems each pays once.")
    Map<String, Object> quests(@AuthenticationPrincipal CurrentUser user) {
        return standing.quests(user.id());
    }

    @GetMapping("/achievements")
    @Operation(summary = "My achievements", description = "Each achievement with its tier thresholds, my value, the "
            + "next threshold and the tiers unlocked.")
    List<Achievements.AchievementView> achievements(@AuthenticationPrincipal CurrentUser user) {
        return standing.achievements(user.id());
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be a date, yyyy-MM-dd");
        }
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalid(field, "must be a whole number from " + min + " to " + max);
    }
}
