package org.glossa.gamification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.fsrs.DayBoundary;
import org.glossa.gamification.LeagueStanding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a learner sees of their own progress; reading evaluates the streak and hearts against the clock first. */
@Service
public class Standing {

    public record Stats(long totalXp, int todayXp, DailyGoal dailyGoal, StreakStats streak, int gems,
            HeartStats hearts, League league) {
    }

    /** {@code progress}: today's XP over the goal, 0 to 1. */
    public record DailyGoal(int xp, double progress, boolean met) {
    }

    public record StreakStats(int current, int longest, int freezesEquipped) {
    }

    public record HeartStats(int current, int max, Instant nextRefillAt, boolean unlimited) {
    }

    public record League(String tier, Integer rank) {
    }

    public record Repair(LocalDate until, int price, int length) {
    }

    public record CalendarDay(LocalDate date, String state) {
    }

    public record StreakView(int current, int longest, int freezesEquipped, int maxFreezes, LocalDate today,
            boolean extendedToday, Repair repair, LocalDate from, LocalDate to, List<CalendarDay> days) {
    }

    public record XpEntry(UUID id, String source, int amount, Instant earnedAt, LocalDate localDate, UUID courseId) {
    }

    public record XpPage(int page, int size, long total, List<XpEntry> entries) {
    }

    private final JdbcClient jdbc;
    private final Rewards rewards;
    private final LearnerDays days;
    private final Wallet wallet;
    private final Quests quests;
    private final Achievements achievements;
    private final GamificationSettings settings;
    private final ObjectProvider<LeagueStanding> leagues;
    private final Clock clock;

    Standing(JdbcClient jdbc, Rewards rewards, LearnerDays days, Wallet wallet, Quests quests,
            Achievements achievements, GamificationSettings settings, ObjectProvider<LeagueStanding> leagues,
            Clock clock) {
        this.jdbc = jdbc;
        this.rewards = rewards;
        this.days = days;
        this.wallet = wallet;
        this.quests = quests;
        this.achievements = achievements;
        this.settings = settings;
        this.leagues = leagues;
        this.clock = clock;
    }

    /** The XP of one of the learner's days, from the ledger. */
    private int xpOn(UUID userId, LocalDate day) {
        return jdbc.sql("select coalesce(sum(amount), 0) from gamification_xp where user_id = :u and local_date = :d")
                .param("u", userId).param("d", day).query(Integer.class).single();
    }

    @Transactional
    public Stats stats(UUID userId) {
        Learners.State state = rewards.evaluate(userId);
        Instant now = clock.instant();
        LocalDate today = days.of(userId).dayOf(now);
        int todayXp = xpOn(userId, today);
        int goal = days.dailyGoal(userId);
        boolean unlimited = rewards.unlimitedHearts(userId);
        Hearts hearts = state.hearts().refreshed(now, settings.maxHearts(), settings.heartRefill());
        LeagueStanding standing = leagues.getIfAvailable();
        League league = standing == null ? null : standing.position(userId)
                .map(p -> new League(p.tier(), p.rank())).orElse(null);
        return new Stats(state.totalXp(), todayXp,
                new DailyGoal(goal, Math.min(1.0, Math.round(1000.0 * todayXp / goal) / 1000.0), todayXp >= goal),
                new StreakStats(state.streak().current(), state.streak().longest(), state.streak().freezes()),
                wallet.balance(userId),
                new HeartStats(unlimited ? settings.maxHearts() : hearts.current(), settings.maxHearts(),
                        unlimited ? null : hearts.nextRefillAt(settings.heartRefill()), unlimited),
                league);
    }

    @Transactional
    public StreakView streak(UUID userId, LocalDate from, LocalDate to) {
        Learners.State state = rewards.evaluate(userId);
        DayBoundary boundary = days.of(userId);
        Instant now = clock.instant();
        LocalDate today = boundary.dayOf(now);
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(34);
        List<CalendarDay> calendar = jdbc.sql("""
                select local_date, state from gamification_streak_day where user_id = :u and local_date between :f and :t order by local_date
                """).param("u", userId).param("f", start).param("t", end)
                .query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getString(2).toLowerCase())).list();
        Streak streak = state.streak();
        Repair repair = streak.repairable(now, boundary, settings.repairDays())
                ? new Repair(streak.repairableUntil(settings.repairDays()), settings.price("streak-repair"),
                        streak.lostLength())
                : null;
        boolean extendedToday = streak.current() > 0 && streak.lastDay() != null && !streak.lastDay().isBefore(today);
        return new StreakView(streak.current(), streak.longest(), streak.freezes(), settings.maxFreezes(), today,
                extendedToday, repair, start, end, calendar);
    }

    public XpPage xp(UUID userId, int page, int size) {
        long total = jdbc.sql("select count(*) from gamification_xp where user_id = :u").param("u", userId)
                .query(Long.class).single();
        List<XpEntry> entries = jdbc.sql("""
                select id, source, amount, earned_at, local_date, course_id from gamification_xp where user_id = :u
                order by earned_at desc, source offset :o rows fetch next :n rows only
                """).param("u", userId).param("o", (long) page * size).param("n", size)
                .query((rs, n) -> new XpEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, UUID.class))).list();
        return new XpPage(page, size, total, entries);
    }

    @Transactional
    public Map<String, Object> quests(UUID userId) {
        LocalDate today = days.of(userId).dayOf(clock.instant());
        return Map.of("date", today, "quests", quests.of(userId, today));
    }

    @Transactional
    public List<Achievements.AchievementView> achievements(UUID userId) {
        Learners.State state = rewards.evaluate(userId);
        return achievements.view(userId, achievements.values(state, true));
    }
}
