package org.glossa.gamification.league;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Leaderboards ({@code glossa.gamification.leaderboards.*}).
 *
 * @param defaultPageSize rows per page when the request names no size
 * @param maxPageSize the largest page a request may ask for
 * @param weeklyRetention how long after its week a weekly board stays in Redis
 * @param replayWindow how long Redis remembers an applied XP entry, against a replay after a crash
 */
@ConfigurationProperties("glossa.gamification.leaderboards")
public record LeaderboardSettings(
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("1d") Duration weeklyRetention,
        @DefaultValue("30d") Duration replayWindow) {
}
