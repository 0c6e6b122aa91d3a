package org.glossa.shared.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The general request limits ({@code glossa.rate-limit.*}); 0 switches a limit off.
 *
 * @param perAddress requests one client address may make per window
 * @param perUser requests one signed-in user may make per window
 * @param window the length of a window
 */
@ConfigurationProperties("glossa.rate-limit")
public record RateLimitSettings(@DefaultValue("600") int perAddress, @DefaultValue("300") int perUser,
        @DefaultValue("1m") Duration window) {
}
