package org.glossa.shared.time;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code glossa.clock.adjustable}: whether admins may move the server's clock (a test clock, as
 * payment providers offer). On by default in embedded mode; refused at start in {@code prod}.
 */
@ConfigurationProperties("glossa.clock")
public record ClockSettings(boolean adjustable) {
}
