package org.glossa.practice.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sessions ({@code glossa.practice.*}). The XP a session earns is gamification's rule ({@code glossa.gamification.*}).
 *
 * @param sessionIdleTimeout a session untouched this long expires (410)
 * @param practiceItems how many items a practice or mistakes session reviews
 */
@ConfigurationProperties("glossa.practice")
public record PracticeSettings(
        @DefaultValue("2h") Duration sessionIdleTimeout,
        @DefaultValue("6") int practiceItems) {
}
