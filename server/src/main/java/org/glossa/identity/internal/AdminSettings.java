package org.glossa.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin ({@code GLOSSA_ADMIN_EMAIL}, {@code GLOSSA_ADMIN_PASSWORD}): created at start if
 * missing, promoted to ADMIN if the account exists (its password is then left as it is).
 */
@ConfigurationProperties("glossa.admin")
public record AdminSettings(String email, String password) {
}
