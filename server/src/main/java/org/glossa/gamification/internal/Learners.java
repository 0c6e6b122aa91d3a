package org.glossa.gamification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.glossa.shared.runtime.Database;
import org.glossa.shared.runtime.Statements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * The one row of gamification state per learner. Every change to a learner's counters, streak or hearts
 * locks the row first, so concurrent completions for one learner apply one after the other.
 */
@Component
public class Learners {

    /**
     * A learner's counters, streak and hearts as stored, with two summaries: {@code dayXp}, the latest local day with
     * XP and its total, and {@code tiers}, the achievement tiers unlocked (null until first read from the
     * achievements).
     */
    public record State(UUID userId, long totalXp, int lessons, int perfectLessons, LocalDate goalMetOn,
            Streak streak, Hearts hearts, int correctRun, LocalDate correctRunDay, DayXp dayXp,
            AchievementTiers tiers) {

        State with(Streak streak) {
            return new State(userId, totalXp, lessons, perfectLessons, goalMetOn, streak, hearts, correctRun,
                    correctRunDay, dayXp, tiers);
        }

        State with(Hearts hearts) {
            return new State(userId, totalXp, lessons, perfectLessons, goalMetOn, streak, hearts, correctRun,
                    correctRunDay, dayXp, tiers);
        }

        State withCorrectRun(int run, LocalDate day) {
            return new State(userId, totalXp, lessons, perfectLessons, goalMetOn, streak, hearts, run, day, dayXp,
                    tiers);
        }

        State with(AchievementTiers tiers) {
            return new State(userId, totalXp, lessons, perfectLessons, goalMetOn, streak, hearts, correctRun,
                    correctRunDay, dayXp, tiers);
        }
    }

    /** The latest local day on which the learner earned XP ({@code null}: never) and their XP of that day. */
    public record DayXp(LocalDate day, int total) {

        static final DayXp NONE = new DayXp(null, 0);

        /** The XP of {@code day}: XP is never written for a day before the latest one, so a later day has none yet. */
        int on(LocalDate other) {
            return other.equals(day) ? total : 0;
        }

        DayXp plus(LocalDate other, int xp) {
            return new DayXp(other, on(other) + xp);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final GamificationSettings settings;
    private final Database database;

    Learners(JdbcClient jdbc, JdbcTemplate template, GamificationSettings settings, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.settings = settings;
        this.database = database;
    }

    /** The learner's state, locked until the transaction ends; created on first use. */
    State lock(UUID userId) {
        return createdIfMissing(userId, () -> select(userId, true));
    }

    /** A learner's state, locked, and their quests of one day, read after the lock in the same round trip. */
    record Locked(State state, Quests.DayQuests quests) {
    }

    /** The learner's state locked until the transaction ends (created on first use), with their quests of {@code day}. */
    Locked lock(UUID userId, LocalDate day) {
        return createdIfMissing(userId, () -> {
            Statements statements = new Statements();
            int read = lock(statements, userId, day);
            return found(database.run(statements), read, day);
        });
    }

    /** What {@code select} finds, after creating the learner's row if it found nothing. */
    private <T> T createdIfMissing(UUID userId, Supplier<Optional<T>> select) {
        Optional<T> found = select.get();
        if (found.isPresent()) {
            return found.get();
        }
        jdbc.sql("insert into gamification_learner (user_id, hearts) values (:u, :h) on conflict do nothing")
                .param("u", userId).param("h", settings.maxHearts()).update();
        return select.get().orElseThrow();
    }

    /**
     * Adds {@link #lock(UUID, LocalDate)}'s two reads to {@code statements}, to go in one round trip with others:
     * the learner's row, locked, then the day's quests. Returns the first one's index among their results, which
     * {@link #locked} takes. The quests are a statement of their own, after the lock, so that they are read as
     * committed once the lock is held: a read joined to the locking one would give them as they were when that
     * statement began, before it waited for the lock (on PostgreSQL and H2 alike), and a concurrent reaction's quest
     * progress would be missed.
     */
    int lock(Statements statements, UUID userId, LocalDate day) {
        ResultSetExtractor<Optional<State>> learner = rs -> rs.next() ? Optional.of(map(rs, 0)) : Optional.empty();
        int read = statements.query("select * from gamification_learner where user_id = ? for update", learner, userId);
        statements.query(Quests.Row.OF_DAY, new RowMapperResultSetExtractor<>(Quests.Row::read, 3), userId, day);
        return read;
    }

    /** The state and quests that {@link #lock(Statements, UUID, LocalDate)}'s reads found, after creating a missing learner. */
    Locked locked(List<Object> results, int read, UUID userId, LocalDate day) {
        return found(results, read, day).orElseGet(() -> lock(userId, day));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Locked> found(List<Object> results, int read, LocalDate day) {
        return ((Optional<State>) results.get(read))
                .map(state -> new Locked(state, new Quests.DayQuests(day, (List<Quests.Row>) results.get(read + 1))));
    }

    /** The learner's state without locking (a fresh one when they have none yet). */
    State read(UUID userId) {
        return select(userId, false).orElseGet(() -> new State(userId, 0, 0, 0, null, Streak.NONE,
                new Hearts(settings.maxHearts(), null), 0, null, DayXp.NONE, null));
    }

    private Optional<State> select(UUID userId, boolean lock) {
        return jdbc.sql("select * from gamification_learner where user_id = :u" + (lock ? " for update" : ""))
                .param("u", userId).query(Learners::map).optional();
    }

    private static State map(ResultSet rs, int row) throws SQLException {
        Streak streak = new Streak(rs.getInt("streak_current"), rs.getInt("streak_longest"),
                rs.getObject("streak_last_day", LocalDate.class),
                Streak.boundary(rs.getString("streak_zone"), (Integer) rs.getObject("streak_day_start", Integer.class)),
                rs.getInt("freezes"), rs.getInt("lost_length"), rs.getObject("lost_on", LocalDate.class));
        OffsetDateTime since = rs.getObject("hearts_since", OffsetDateTime.class);
        return new State(rs.getObject("user_id", UUID.class), rs.getLong("total_xp"), rs.getInt("lessons"),
                rs.getInt("perfect_lessons"), rs.getObject("goal_met_on", LocalDate.class), streak,
                new Hearts(rs.getInt("hearts"), since == null ? null : since.toInstant()), rs.getInt("correct_run"),
                rs.getObject("correct_run_day", LocalDate.class),
                new DayXp(rs.getObject("xp_day", LocalDate.class), rs.getInt("xp_day_total")),
                AchievementTiers.parse(rs.getString("achievement_tiers")));
    }

    private static final String SAVE = """
            update gamification_learner set total_xp = ?, lessons = ?, perfect_lessons = ?, goal_met_on = ?,
                streak_current = ?, streak_longest = ?, streak_last_day = ?, streak_zone = ?, streak_day_start = ?,
                freezes = ?, lost_length = ?, lost_on = ?, hearts = ?, hearts_since = ?, correct_run = ?,
                correct_run_day = ?, xp_day = ?, xp_day_total = ?, achievement_tiers = ?
            where user_id = ?""";

    void save(State s) {
        template.update(SAVE, saved(s));
    }

    /**
     * Saves the state with the transaction's next batch of statements or just before its commit (one round trip
     * fewer): for a reaction that reads nothing of the learner's row after this.
     */
    void saveBeforeCommit(State s) {
        database.later(SAVE, saved(s));
    }

    private static Object[] saved(State s) {
        Streak streak = s.streak();
        return new Object[] { s.totalXp(), s.lessons(), s.perfectLessons(), s.goalMetOn(), streak.current(),
                streak.longest(), streak.lastDay(), streak.boundary() == null ? null : streak.boundary().zone().getId(),
                streak.boundary() == null ? null : streak.boundary().startHour(), streak.freezes(), streak.lostLength(),
                streak.lostOn(), s.hearts().current(), utc(s.hearts().since()), s.correctRun(), s.correctRunDay(),
                s.dayXp().day(), s.dayXp().total(), s.tiers() == null ? null : s.tiers().format(), s.userId() };
    }

    /** Writes the streak calendar's new days in one batch (a day already written keeps its state). */
    void writeDays(UUID userId, java.util.List<Streak.CalendarDay> days) {
        if (days.isEmpty()) {
            return;
        }
        template.batchUpdate(WRITE_DAY, days, days.size(), (ps, day) -> {
            ps.setObject(1, userId);
            ps.setObject(2, day.day());
            ps.setString(3, day.state().name());
        });
    }

    /**
     * {@link #writeDays}, with the transaction's next batch of statements or just before its commit: for a reaction
     * that reads nothing of the calendar after this.
     */
    void writeDaysBeforeCommit(UUID userId, List<Streak.CalendarDay> days) {
        for (Streak.CalendarDay day : days) {
            database.later(WRITE_DAY, userId, day.day(), day.state().name());
        }
    }

    private static final String WRITE_DAY = """
            insert into gamification_streak_day (user_id, local_date, state) values (?, ?, ?) on conflict do nothing""";
}
