package org.glossa.gamification.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every amount and limit of gamification ({@code glossa.gamification.*}); README lists them.
 *
 * @param lessonXp XP for a completed lesson
 * @param perfectBonusXp extra XP for a lesson without a wrong answer
 * @param practiceXp XP for the day's first practice, mistakes or review session
 * @param repeatedPracticeXp XP for each further one the same day
 * @param maxHearts hearts a learner can hold
 * @param heartRefill one heart comes back after this long
 * @param practiceHearts hearts a completed practice or mistakes session gives back
 * @param maxFreezes streak freezes a learner can have equipped
 * @param repairDays a lost streak can be repaired until this many days after the missed day
 * @param prices gems per shop item ({@code streak-freeze}, {@code streak-repair}, {@code heart-refill})
 * @param questsPerDay daily quests per learner
 * @param quests the quest catalogue; empty means the built-in one
 * @param achievementGems gems for unlocking an achievement tier, times the tier number
 * @param achievements tier thresholds per achievement; missing ones take the built-in tiers
 */
@ConfigurationProperties("glossa.gamification")
public record GamificationSettings(
        @DefaultValue("10") int lessonXp,
        @DefaultValue("5") int perfectBonusXp,
        @DefaultValue("10") int practiceXp,
        @DefaultValue("5") int repeatedPracticeXp,
        @DefaultValue("5") int maxHearts,
        @DefaultValue("5h") Duration heartRefill,
        @DefaultValue("1") int practiceHearts,
        @DefaultValue("2") int maxFreezes,
        @DefaultValue("2") int repairDays,
        @DefaultValue Map<String, Integer> prices,
        @DefaultValue("3") int questsPerDay,
        @DefaultValue List<Quest> quests,
        @DefaultValue("10") int achievementGems,
        @DefaultValue Map<String, List<Integer>> achievements) {

    static final Map<String, Integer> DEFAULT_PRICES = Map.of("streak-freeze", 200, "streak-repair", 400,
            "heart-refill", 350);

    static final List<Quest> DEFAULT_QUESTS = List.of(
            new Quest("earn-20-xp", QuestKind.EARN_XP, 20, 10),
            new Quest("earn-40-xp", QuestKind.EARN_XP, 40, 20),
            new Quest("complete-2-lessons", QuestKind.LESSONS, 2, 10),
            new Quest("complete-3-lessons", QuestKind.LESSONS, 3, 15),
            new Quest("5-correct-in-a-row", QuestKind.CORRECT_IN_A_ROW, 5, 10),
            new Quest("10-correct-in-a-row", QuestKind.CORRECT_IN_A_ROW, 10, 15),
            new Quest("perfect-lesson", QuestKind.PERFECT_LESSON, 1, 15),
            new Quest("review-10-items", QuestKind.REVIEW_ITEMS, 10, 10));

    static final Map<String, List<Integer>> DEFAULT_ACHIEVEMENTS = Map.of(
            "streak", List.of(3, 7, 14, 30, 100, 365),
            "total-xp", List.of(100, 500, 1000, 5000, 10000, 50000),
            "words-learned", List.of(10, 50, 100, 250, 500, 1000),
            "perfect-lessons", List.of(1, 5, 20, 50, 100),
            "skills-completed", List.of(1, 5, 10, 25, 50),
            "league-podiums", List.of(1, 3, 10, 25));

    /** One entry of the quest catalogue: reach {@code target} of {@code kind} in a day for {@code gems}. */
    public record Quest(String code, QuestKind kind, int target, int gems) {
    }

    public enum QuestKind { EARN_XP, LESSONS, CORRECT_IN_A_ROW, PERFECT_LESSON, REVIEW_ITEMS }

    public int price(String item) {
        Integer price = prices.get(item);
        return price != null ? price : DEFAULT_PRICES.get(item);
    }

    public List<Quest> catalogue() {
        return quests.isEmpty() ? DEFAULT_QUESTS : quests;
    }

    public List<Integer> tiers(String achievement) {
        return achievements.getOrDefault(achievement, DEFAULT_ACHIEVEMENTS.get(achievement));
    }
}
