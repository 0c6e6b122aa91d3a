package org.glossa.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access-token signing ({@code glossa.jwt.*}).
 *
 * @param secret the HMAC-SHA256 key, at least 32 bytes ({@code GLOSSA_JWT_SECRET}); required in prod
 * @param issuer the {@code iss} claim written and required
 */
@ConfigurationProperties("glossa.jwt")
public record JwtSettings(String secret, @DefaultValue("glossa") String issuer) {
}
