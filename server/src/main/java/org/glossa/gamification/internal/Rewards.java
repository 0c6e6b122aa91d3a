package org.glossa.gamification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.fsrs.DayBoundary;
import org.glossa.gamification.DailyGoalMet;
import org.glossa.gamification.LeagueStanding;
import org.glossa.gamification.LeagueWeekClosed;
import org.glossa.gamification.StreakExtended;
import org.glossa.gamification.StreakFrozen;
import org.glossa.gamification.StreakLost;
import org.glossa.gamification.XpEarned;
import org.glossa.gamification.XpSource;
import org.glossa.gamification.internal.GamificationSettings.QuestKind;
import org.glossa.practice.ExerciseAnswered;
import org.glossa.practice.LessonCompleted;
import org.glossa.practice.SessionKind;
import org.glossa.shared.Entitlements;
import org.glossa.shared.runtime.Database;
import org.glossa.shared.runtime.Statements;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Gamification's reaction to what learners do: a completed session writes the XP ledger and moves the daily
 * goal, the streak, hearts, quests and achievements, all in one transaction under the learner's lock; a
 * wrong answer in a lesson costs a heart. Each session and answer is rewarded once (a republished event finds
 * its row in {@code gamification_session_done} / {@code gamification_answer_done} and changes nothing).
 */
@Service
public class Rewards {

    private final JdbcClient jdbc;
    private final Learners learners;
    private final LearnerDays days;
    private final XpRules rules;
    private final Quests quests;
    private final Achievements achievements;
    private final GamificationSettings settings;
    private final ApplicationEventPublisher events;
    private final Entitlements entitlements;
    private final ObjectProvider<LeagueStanding> leagues;
    private final Database database;
    private final Clock clock;

    Rewards(JdbcClient jdbc, Learners learners, LearnerDays days, XpRules rules, Quests quests,
            Achievements achievements, GamificationSettings settings, ApplicationEventPublisher events,
            Entitlements entitlements, ObjectProvider<LeagueStanding> leagues, Database database,
            Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.learners = learners;
        this.days = days;
        this.rules = rules;
        this.quests = quests;
        this.achievements = achievements;
        this.settings = settings;
        this.events = events;
        this.entitlements = entitlements;
        this.leagues = leagues;
        this.clock = clock;
    }

    /** The whole reaction to one completed session; false when it was already rewarded. */
    @Transactional
    public boolean completed(LessonCompleted done) {
        UUID userId = done.userId();
        boolean lesson = done.kind() == SessionKind.LESSON;
        // The learner's day first (their account's, their memory's and, for a lesson, their skills' reads in one round
        // trip), then in one more the session's done-mark, the learner's locked read with the day's quests, and the
        // session's XP in the ledger.
        LearnerDays.Learner learner = days.learner(userId, lesson);
        DayBoundary boundary = learner.boundary();
        Instant at = done.completedAt();
        LocalDate day = boundary.dayOf(at);
        Statements first = new Statements();
        // A crash can lose only the last fraction of a second of reactions, together with their events' completion
        // marks (a later commit flushes the write-ahead log up to it, so a durable mark implies a durable reaction);
        // the registry then republishes those events and this reaction runs again. Set with the done-mark.
        int mark = first.update("""
                insert into gamification_session_done (session_id, user_id, done_at)
                select ?, ?, ? from %s where async.async_commit = 'off'
                on conflict do nothing""".formatted(database.commitWithoutWaitingForDiskFrom()), done.sessionId(),
                userId, utc(done.completedAt()));
        int read = learners.lock(first, userId, day);
        // The session's XP entries too: a replay's insert finds its rows by their (session, source) key and adds none.
        LedgerEntries ledger = new LedgerEntries(done, rules);
        ledger.insert(first, day);
        List<Object> results = database.run(first);
        if ((Integer) results.get(mark) == 0) {
            return false; // rewarded before
        }
        Learners.Locked locked = learners.locked(results, read, userId, day);
        Learners.State state = locked.state();

        // The streak first: its lazy evaluation must see the days before this activity.
        Streak.Change change = state.streak().activity(at, boundary);
        learners.writeDaysBeforeCommit(userId, change.days());
        state = apply(state, change, at);
        if (!day.isAfter(change.streak().lastDay())) {
            day = change.streak().lastDay(); // a zone change westwards never moves XP before the last counted day
        }

        int xp = ledger.written(results, day);

        Hearts hearts = state.hearts();
        if (done.kind() == SessionKind.PRACTICE || done.kind() == SessionKind.MISTAKES) {
            hearts = hearts.gain(settings.practiceHearts(), at, settings.maxHearts(), settings.heartRefill());
        }
        Learners.DayXp dayXp = state.dayXp().plus(day, xp);
        LocalDate goalMetOn = state.goalMetOn();
        if (xp > 0 && !day.equals(goalMetOn)) {
            int goal = learner.dailyGoal();
            if (dayXp.total() >= goal) {
                goalMetOn = day;
                events.publishEvent(new DailyGoalMet(userId, day, goal, dayXp.total(), at));
            }
        }
        state = new Learners.State(userId, state.totalXp() + xp, state.lessons() + (lesson ? 1 : 0),
                state.perfectLessons() + (lesson && done.perfect() ? 1 : 0), goalMetOn, state.streak(), hearts,
                state.correctRun(), state.correctRunDay(), dayXp, state.tiers());

        Map<QuestKind, Integer> progress = new java.util.EnumMap<>(QuestKind.class);
        progress.put(QuestKind.EARN_XP, xp);
        if (lesson) {
            progress.put(QuestKind.LESSONS, 1);
            progress.put(QuestKind.PERFECT_LESSON, done.perfect() ? 1 : 0);
        }
        if (done.kind() == SessionKind.REVIEW) {
            progress.put(QuestKind.REVIEW_ITEMS, done.total());
        }
        quests.progress(userId, day, progress, at, locked.quests());
        Map<String, Integer> measures = achievements.sessionValues(state, learner.wordsLearned(),
                learner.skillsCompleted());
        state = state.with(achievements.unlock(userId, measures, state.tiers(), at));
        // Goes with the league's count, which runs just before the commit: one round trip for both.
        learners.saveBeforeCommit(state);
        return true;
    }

    /** A session's XP entries for the ledger: its base XP and its bonus, each with its own source. */
    private final class LedgerEntries {

        private record Part(UUID entry, XpSource source, int amount) {
        }

        private final LessonCompleted done;
        private final List<Part> parts = new ArrayList<>(2);
        /** The insert's index among its batch's results (-1: no entry to insert) and the day it dated them. */
        private int insertIndex = -1;
        private LocalDate insertedFor;

        LedgerEntries(LessonCompleted done, XpRules rules) {
            this.done = done;
            int bonus = rules.bonusPart(done.kind(), done.perfect(), done.xpEarned());
            XpSource base = switch (done.kind()) {
                case LESSON -> XpSource.LESSON;
                case PRACTICE -> XpSource.PRACTICE;
                case MISTAKES -> XpSource.MISTAKES;
                case REVIEW -> XpSource.REVIEW;
            };
            if (done.xpEarned() - bonus > 0) {
                parts.add(new Part(UUID.randomUUID(), base, done.xpEarned() - bonus));
            }
            if (bonus > 0) {
                parts.add(new Part(UUID.randomUUID(), XpSource.PERFECT_LESSON_BONUS, bonus));
            }
        }

        /** Adds the one insert of every entry, dated {@code day}, to {@code statements} (nothing if there is none). */
        void insert(Statements statements, LocalDate day) {
            if (parts.isEmpty()) {
                return;
            }
            insertedFor = day;
            List<Object> values = new ArrayList<>();
            for (Part part : parts) {
                values.addAll(java.util.Arrays.asList(part.entry(), done.userId(), done.courseId(), done.sessionId(),
                        part.source().name(), part.amount(), utc(done.completedAt()), day));
            }
            insertIndex = statements.update("""
                    insert into gamification_xp (id, user_id, course_id, session_id, source, amount, earned_at, local_date)
                    values %s on conflict do nothing""".formatted(String.join(", ",
                    java.util.Collections.nCopies(parts.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"))), values.toArray());
        }

        /**
         * After the insert's batch ran ({@code results}): moves the new entries to {@code day} if the streak moved it
         * from the day they were inserted for, publishes {@link XpEarned} for each new one and returns how much XP was
         * new.
         */
        int written(List<Object> results, LocalDate day) {
            if (insertIndex < 0) {
                return 0;
            }
            int inserted = (Integer) results.get(insertIndex);
            List<Part> fresh = new ArrayList<>(parts);
            if (inserted != parts.size()) {
                // Only if some entry of this session is already in the ledger (its done-mark was lost): keep those new.
                List<UUID> kept = jdbc.sql("select id from gamification_xp where id in (:ids)")
                        .param("ids", parts.stream().map(Part::entry).toList()).query(UUID.class).list();
                fresh.removeIf(part -> !kept.contains(part.entry()));
            }
            if (!fresh.isEmpty() && !day.equals(insertedFor)) {
                jdbc.sql("update gamification_xp set local_date = :d where id in (:ids)").param("d", day)
                        .param("ids", fresh.stream().map(Part::entry).toList()).update();
            }
            int xp = 0;
            for (Part part : fresh) {
                xp += part.amount();
                events.publishEvent(new XpEarned(part.entry(), done.userId(), done.courseId(), part.source(),
                        part.amount(), done.completedAt(), day));
            }
            return xp;
        }
    }

    /** A wrong answer in a lesson costs a heart (not with unlimited hearts); answers feed the "in a row" quests. */
    @Transactional
    public void answered(ExerciseAnswered answer) {
        int first = jdbc.sql("""
                insert into gamification_answer_done (session_id, exercise_id, user_id) values (:s, :e, :u)
                on conflict do nothing
                """).param("s", answer.sessionId()).param("e", answer.exerciseId()).param("u", answer.userId()).update();
        if (first == 0) {
            return;
        }
        UUID userId = answer.userId();
        LocalDate day = days.of(userId).dayOf(answer.answeredAt());
        Learners.Locked locked = learners.lock(userId, day);
        Learners.State state = locked.state();
        Hearts hearts = state.hearts();
        if (!answer.correct() && answer.kind() == SessionKind.LESSON && !unlimitedHearts(userId)) {
            hearts = hearts.lose(answer.answeredAt(), settings.maxHearts(), settings.heartRefill());
        }
        int run = answer.correct() ? (day.equals(state.correctRunDay()) ? state.correctRun() + 1 : 1) : 0;
        learners.save(state.with(hearts).withCorrectRun(run, day));
        quests.progress(userId, day, Map.of(QuestKind.CORRECT_IN_A_ROW, run), answer.answeredAt(), locked.quests());
    }

    /** Podium finishers of a closed league week may unlock a podium tier. */
    @Transactional
    public void weekClosed(LeagueWeekClosed closed) {
        LeagueStanding standing = leagues.getIfAvailable();
        if (standing == null) {
            return;
        }
        for (UUID userId : standing.podiumFinishers(closed.weekStart())) {
            achievements.unlock(userId, Map.of("league-podiums", standing.podiumFinishes(userId)),
                    clock.instant());
        }
    }

    boolean unlimitedHearts(UUID userId) {
        return entitlements.has(userId, Entitlements.UNLIMITED_HEARTS);
    }

    /** Publishes what a streak change did (its calendar days are the caller's to write); returns the state with it. */
    Learners.State apply(Learners.State state, Streak.Change change, Instant at) {
        UUID userId = state.userId();
        Streak before = state.streak();
        int freezesLeft = change.streak().freezes();
        for (Streak.CalendarDay day : change.days()) {
            if (day.state() == Streak.DayState.FROZEN) {
                events.publishEvent(new StreakFrozen(userId, day.day(), before.current(), freezesLeft));
            }
        }
        if (change.lost()) {
            events.publishEvent(new StreakLost(userId, change.lostLength(), change.missedDay(),
                    change.missedDay().plusDays(settings.repairDays())));
        }
        if (change.extended()) {
            events.publishEvent(new StreakExtended(userId, change.streak().current(), change.streak().lastDay(), at));
        }
        return state.with(change.streak());
    }

    /** Evaluates the learner's streak now (missed days, freezes, loss) and saves what changed. */
    @Transactional
    public Learners.State evaluate(UUID userId) {
        Learners.State state = learners.lock(userId);
        Streak.Change change = state.streak().evaluate(clock.instant(), days.of(userId));
        if (change.days().isEmpty() && !change.lost()) {
            return state;
        }
        learners.writeDays(userId, change.days());
        Learners.State next = apply(state, change, clock.instant());
        learners.save(next);
        return next;
    }
}
