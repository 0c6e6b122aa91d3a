/**
 * Gamification: the XP ledger, daily goal, streaks, hearts, gems and the shop, daily quests,
 * achievements, weekly leagues and leaderboards. Listens to {@link org.glossa.practice.LessonCompleted}
 * and publishes {@link org.glossa.gamification.XpEarned} and the other events of its rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Gamification")
package org.glossa.gamification;
