package org.glossa.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.glossa.shared.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in, token refresh with rotation, and sign-out. A refresh token can be exchanged once; a
 * second use means it was copied, so the whole login session is revoked and both holders lose it.
 */
@Service
public class Logins {

    private final AccountRepository accounts;
    private final LoginSessionRepository sessions;
    private final RefreshTokenRepository refreshTokens;
    private final Passwords passwords;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final Clock clock;

    Logins(AccountRepository accounts, LoginSessionRepository sessions, RefreshTokenRepository refreshTokens,
            Passwords passwords, Tokens tokens, LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Transactional
    public TokenPair login(String email, String password, String address, String userAgent) {
        String normalized = Emails.normalize(email);
        throttle.check(normalized, address);
        Account account = accounts.findByEmail(normalized).orElse(null);
        if (account == null) {
            passwords.burn(password);
            throttle.recordFailure(normalized, address);
            throw wrongCredentials();
        }
        if (!passwords.matches(password, account.passwordHash())) {
            throttle.recordFailure(normalized, address);
            throw wrongCredentials();
        }
        if (!account.enabled()) {
            throw ApiProblem.forbidden("This account is disabled.");
        }
        throttle.forget(normalized);
        return startSession(account, address, userAgent);
    }

    /** Opens a new login session for an account whose identity has been established. */
    TokenPair startSession(Account account, String address, String userAgent) {
        LoginSession session = sessions.save(new LoginSession(account.id(), clock.instant(), userAgent, address));
        return tokens.issue(account, session.id());
    }

    @Transactional(noRollbackFor = ApiProblem.class)
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findByTokenHash(Tokens.hash(refreshToken))
                .orElseThrow(() -> ApiProblem.unauthenticated("The refresh token is not valid."));
        LoginSession session = sessions.findById(token.sessionId())
                .orElseThrow(() -> ApiProblem.unauthenticated("The refresh token is not valid."));
        if (!session.active()) {
            throw ApiProblem.unauthenticated("This login session has ended; sign in again.");
        }
        if (token.rotatedAt() != null || refreshTokens.rotate(token.id(), now) == 0) {
            // A used token came back: someone holds a copy. End the whole session for both parties.
            sessions.revoke(session.id(), now);
            throw ApiProblem.unauthenticated("This refresh token was already used; the login session has been ended "
                    + "for safety. Sign in again.");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw ApiProblem.unauthenticated("The refresh token has expired; sign in again.");
        }
        Account account = accounts.findById(session.accountId())
                .orElseThrow(() -> ApiProblem.unauthenticated("The refresh token is not valid."));
        if (!account.enabled()) {
            throw ApiProblem.unauthenticated("This account is disabled.");
        }
        LoginSession current = sessions.findById(session.id()).orElseThrow();
        current.used(now);
        return tokens.issue(account, current.id());
    }

    /** Ends the login session the refresh token belongs to; unknown tokens are ignored (idempotent). */
    @Transactional
    public void logout(String refreshToken) {
        refreshTokens.findByTokenHash(Tokens.hash(refreshToken))
                .ifPresent(token -> sessions.revoke(token.sessionId(), clock.instant()));
    }

    @Transactional
    public void logoutEverywhere(UUID accountId) {
        sessions.revokeAll(accountId, clock.instant());
    }

    private static ApiProblem wrongCredentials() {
        return ApiProblem.unauthenticated("The e-mail address or the password is wrong.");
    }
}
