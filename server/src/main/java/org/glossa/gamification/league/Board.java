package org.glossa.gamification.league;

import java.time.Instant;
import java.util.UUID;

/**
 * One leaderboard: the XP of one week ({@code period} = the week's Monday) or of all time ({@code "all"}), over
 * every course ({@code scope} = "global") or one course (its id). Boards are ordered by XP, highest first, then
 * by the user id's text (lowercase hexadecimal, ascending): an order both the database and Redis give exactly.
 */
public record Board(String period, String scope) {

    static final String ALL_TIME = "all";
    static final String GLOBAL = "global";

    public static Board weekly(LeagueWeek week, UUID courseId) {
        return new Board(week.start().toString(), courseId == null ? GLOBAL : courseId.toString());
    }

    public static Board allTime(UUID courseId) {
        return new Board(ALL_TIME, courseId == null ? GLOBAL : courseId.toString());
    }

    public boolean weekly() {
        return !ALL_TIME.equals(period);
    }

    /** When a weekly board stops being needed; null for all-time boards. */
    public Instant endsAt() {
        return weekly() ? new LeagueWeek(java.time.LocalDate.parse(period)).endsAt() : null;
    }

    /** The boards one XP entry counts on: the week's and all time, global and, with a course, the course's. */
    static java.util.List<Board> forXp(LeagueWeek week, UUID courseId) {
        return courseId == null ? java.util.List.of(weekly(week, null), allTime(null))
                : java.util.List.of(weekly(week, null), weekly(week, courseId), allTime(null), allTime(courseId));
    }
}
