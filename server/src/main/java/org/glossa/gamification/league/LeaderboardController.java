package org.glossa.gamification.league;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.glossa.content.Courses;
import org.glossa.identity.AccountView;
import org.glossa.identity.Accounts;
import org.glossa.identity.CurrentUser;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.FieldViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Weekly and all-time XP leaderboards, global or per course, with the learner's own place. */
@RestController
@Tag(name = "Leagues and leaderboards")
@SecurityRequirement(name = "bearer")
class LeaderboardController {

    private final Leaderboards leaderboards;
    private final LeaderboardSettings settings;
    private final Courses courses;
    private final Accounts accounts;
    private final Clock clock;

    LeaderboardController(Leaderboards leaderboards, LeaderboardSettings settings, Courses courses, Accounts accounts,
            Clock clock) {
        this.leaderboards = leaderboards;
        this.settings = settings;
        this.courses = courses;
        this.accounts = accounts;
        this.clock = clock;
    }

    record Entry(long rank, UUID userId, String displayName, long xp) {
    }

    record Me(long rank, long xp) {
    }

    record Response(String board, UUID courseId, Instant from, Instant to, int page, int size, long total,
            List<Entry> entries, Me me) {
    }

    @GetMapping("/api/v1/leaderboards/{board}")
    @Operation(summary = "A leaderboard", description = "`weekly` (this league week, Monday 00:00 UTC on) or "
            + "`all-time` XP; over every course, or one with `courseId`. Ordered by XP, highest first, then by user id "
            + "(ascending). `page` from 0, `size` 1 to the configured maximum (100). `me` is my own rank and XP, "
            + "null before I have XP on this board.")
    @ApiResponse(responseCode = "400", description = "Unknown board, page below 0, size out of range, malformed courseId")
    @ApiResponse(responseCode = "404", description = "No such course")
    Response board(@AuthenticationPrincipal CurrentUser user, @PathVariable String board,
            @RequestParam(required = false) String courseId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<FieldViolation> violations = new ArrayList<>();
        boolean weekly = "weekly".equals(board);
        if (!weekly && !"all-time".equals(board)) {
            violations.add(new FieldViolation("board", "must be weekly or all-time"));
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? settings.defaultPageSize() : size;
        if (pageNumber < 0) {
            violations.add(new FieldViolation("page", "must be 0 or more"));
        }
        if (pageSize < 1 || pageSize > settings.maxPageSize()) {
            violations.add(new FieldViolation("size", "must be between 1 and " + settings.maxPageSize()));
        }
        UUID course = null;
        if (courseId != null && !courseId.isBlank()) {
            try {
                course = UUID.fromString(courseId.trim());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("courseId", "must be a course id (a UUID)"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        if (course != null && courses.outline(course).isEmpty()) {
            throw ApiProblem.notFound("The course given as courseId").with("field", "courseId");
        }
        LeagueWeek week = LeagueWeek.of(clock.instant());
        Board key = weekly ? Board.weekly(week, course) : Board.allTime(course);
        Leaderboards.Page result = leaderboards.page(key, pageNumber, pageSize, user.id());
        List<Entry> entries = result.rows().stream().map(row -> new Entry(row.rank(), row.userId(),
                accounts.find(row.userId()).map(AccountView::displayName).orElse(null), row.xp())).toList();
        return new Response(board, course, weekly ? week.startsAt() : null, weekly ? week.endsAt() : null, pageNumber,
                pageSize, result.total(), entries, result.me() == null ? null : new Me(result.me().rank(),
                        result.me().xp()));
    }
}
