package org.glossa.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and sign-in ({@code glossa.identity.*}).
 *
 * @param accessTokenTtl how long an access token (JWT) is valid
 * @param refreshTokenTtl how long an unused refresh token is valid
 * @param passwordResetTtl how long a password-reset token is valid
 * @param maxFailuresPerAccount failed sign-ins for one e-mail within the window before the lockout
 * @param maxFailuresPerAddress failed sign-ins from one client address within the window before the lockout
 * @param failureWindow the lockout's window
 * @param mailFrom the sender of password-reset e-mails
 * @param passwordResetLink a link for the e-mail, with {token} where the token goes; empty to send the token alone
 */
@ConfigurationProperties("glossa.identity")
public record IdentitySettings(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("30m") Duration passwordResetTtl,
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("Glossa <no-reply@glossa.local>") String mailFrom,
        @DefaultValue("") String passwordResetLink) {
}
