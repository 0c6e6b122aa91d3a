/**
 * Gamification: the XP ledger, daily goal, streaks, hearts, gems and the shop, daily quests,
 * achievements, weekly leagues and leaderboards. Listens to {@link org.glossa.practice.LessonCompleted}
 * and {@link org.glossa.practice.ExerciseAnswered}, and publishes {@link org.glossa.gamification.XpEarned},
 * {@link org.glossa.gamification.DailyGoalMet}, {@link org.glossa.gamification.StreakExtended},
 * {@link org.glossa.gamification.StreakFrozen}, {@link org.glossa.gamification.StreakLost},
 * {@link org.glossa.gamification.QuestCompleted}, {@link org.glossa.gamification.AchievementUnlocked} and
 * {@link org.glossa.gamification.LeagueWeekClosed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gamification")
package org.glossa.gamification;
