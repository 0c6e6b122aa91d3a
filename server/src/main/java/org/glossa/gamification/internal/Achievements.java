package org.glossa.gamification.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glossa.gamification.AchievementUnlocked;
import org.glossa.gamification.LeagueStanding;
import org.glossa.practice.LearnerProgress;
import org.glossa.review.LearnerMemory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.glossa.shared.time.Timestamps.utc;

/**
 * Achievements with tiers: each tier is unlocked once (its row's primary key), rewarded with gems (the tier
 * number times {@code achievement-gems}) and announced with {@link AchievementUnlocked}.
 */
@Component
public class Achievements {

    /** The achievements, in the order they are listed. */
    static final List<String> NAMES = List.of("streak", "total-xp", "words-learned", "perfect-lessons",
            "skills-completed", "league-podiums");

    public record AchievementView(String achievement, int tier, int tiers, int value, Integer nextThreshold,
            List<Integer> thresholds, List<Unlocked> unlocked) {
    }

    public record Unlocked(int tier, int threshold, Instant unlockedAt) {
    }

    private final JdbcClient jdbc;
    private final GamificationSettings settings;
    private final Wallet wallet;
    private final ApplicationEventPublisher events;
    private final LearnerMemory memory;
    private final LearnerProgress progress;
    private final ObjectProvider<LeagueStanding> leagues;

    Achievements(JdbcClient jdbc, GamificationSettings settings, Wallet wallet, ApplicationEventPublisher events,
            LearnerMemory memory, LearnerProgress progress, ObjectProvider<LeagueStanding> leagues) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.wallet = wallet;
        this.events = events;
        this.memory = memory;
        this.progress = progress;
        this.leagues = leagues;
    }

    /**
     * Current values of the achievements' measures that a session can move ({@code skillsCompleted}: -1 when not
     * counted, a longer query the caller makes only for lessons). League podiums move only when a week closes, which
     * unlocks them itself.
     */
    Map<String, Integer> sessionValues(Learners.State state, long wordsLearned, int skillsCompleted) {
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("streak", state.streak().longest());
        values.put("total-xp", (int) Math.min(Integer.MAX_VALUE, state.totalXp()));
        values.put("words-learned", (int) Math.min(Integer.MAX_VALUE, wordsLearned));
        values.put("perfect-lessons", state.perfectLessons());
        if (skillsCompleted >= 0) {
            values.put("skills-completed", skillsCompleted);
        }
        return values;
    }

    /** Current values of every achievement's measure ({@code skills}: count completed skills too, a longer query). */
    Map<String, Integer> values(Learners.State state, boolean skills) {
        Map<String, Integer> values = sessionValues(state, memory.itemsMet(state.userId()),
                skills ? progress.skillsCompleted(state.userId()) : -1);
        LeagueStanding standing = leagues.getIfAvailable();
        values.put("league-podiums", standing == null ? 0 : standing.podiumFinishes(state.userId()));
        return values;
    }

    /** Unlocks every tier the values reach that is not unlocked yet, reading which are. */
    void unlock(UUID userId, Map<String, Integer> values, Instant at) {
        unlock(userId, values, null, at);
    }

    /**
     * Unlocks every tier the values reach above {@code known} (the learner's row's summary; {@code null}: read
     * them); returns the tiers now unlocked. A summary behind the record only costs inserts that find their rows.
     */
    AchievementTiers unlock(UUID userId, Map<String, Integer> values, AchievementTiers known, Instant at) {
        AchievementTiers tiers = known != null ? known : unlockedTiers(userId);
        for (Map.Entry<String, Integer> value : values.entrySet()) {
            List<Integer> thresholds = settings.tiers(value.getKey());
            for (int tier = tiers.of(value.getKey()) + 1; tier <= thresholds.size(); tier++) {
                int threshold = thresholds.get(tier - 1);
                if (value.getValue() < threshold) {
                    break;
                }
                int inserted = jdbc.sql("""
                        insert into gamification_achievement (user_id, kind, tier, threshold, unlocked_at)
                        values (:u, :k, :t, :th, :at) on conflict do nothing
                        """).param("u", userId).param("k", value.getKey()).param("t", tier).param("th", threshold)
                        .param("at", utc(at)).update();
                tiers = tiers.with(value.getKey(), tier);
                if (inserted == 1) {
                    int gems = settings.achievementGems() * tier;
                    wallet.grantBeforeCommit(userId, gems, "achievement " + value.getKey() + " tier " + tier,
                            "achievement:" + value.getKey() + ":" + tier);
                    events.publishEvent(new AchievementUnlocked(userId, value.getKey(), tier, threshold, gems, at));
                }
            }
        }
        return tiers;
    }

    private AchievementTiers unlockedTiers(UUID userId) {
        Map<String, Integer> tiers = new HashMap<>();
        jdbc.sql("select kind, max(tier) from gamification_achievement where user_id = :u group by kind")
                .param("u", userId).query((rs, n) -> tiers.put(rs.getString(1), rs.getInt(2))).list();
        return new AchievementTiers(tiers);
    }

    /** Every achievement with its tiers, the learner's value, the next threshold and the tiers unlocked. */
    public List<AchievementView> view(UUID userId, Map<String, Integer> values) {
        Map<String, List<Unlocked>> unlocked = new HashMap<>();
        jdbc.sql("select kind, tier, threshold, unlocked_at from gamification_achievement where user_id = :u order by tier")
                .param("u", userId).query((rs, n) -> unlocked.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Unlocked(rs.getInt(2), rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant())))
                .list();
        List<AchievementView> views = new ArrayList<>();
        for (String name : NAMES) {
            List<Integer> thresholds = settings.tiers(name);
            List<Unlocked> done = unlocked.getOrDefault(name, List.of());
            int tier = done.stream().mapToInt(Unlocked::tier).max().orElse(0);
            Integer next = tier < thresholds.size() ? thresholds.get(tier) : null;
            views.add(new AchievementView(name, tier, thresholds.size(), values.getOrDefault(name, 0), next, thresholds,
                    done));
        }
        return views;
    }
}
