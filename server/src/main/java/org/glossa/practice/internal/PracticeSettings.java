package org.glossa.practice.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sessions and their XP ({@code glossa.practice.*}).
 *
 * @param lessonXp XP for completing a lesson
 * @param perfectBonusXp extra XP for a lesson without a wrong answer
 * @param practiceXp XP for the day's first practice or mistakes session
 * @param repeatedPracticeXp XP for each further practice or mistakes session the same day
 * @param sessionIdleTimeout a session untouched this long expires (410)
 * @param practiceItems how many items a practice or mistakes session reviews
 */
@ConfigurationProperties("glossa.practice")
public record PracticeSettings(
        @DefaultValue("10") int lessonXp,
        @DefaultValue("5") int perfectBonusXp,
        @DefaultValue("10") int practiceXp,
        @DefaultValue("5") int repeatedPracticeXp,
        @DefaultValue("2h") Duration sessionIdleTimeout,
        @DefaultValue("6") int practiceItems) {
}
