package org.glossa.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.FieldViolation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by e-mail: a one-time token that expires, of which only the hash is stored. The
 * answer to a request never tells whether the address has an account, and the e-mail goes out in
 * the background so that the response time does not tell either.
 */
@Service
public class PasswordResets {

    private final AccountRepository accounts;
    private final PasswordResetRepository resets;
    private final LoginSessionRepository sessions;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final ResetMail mail;
    private final TaskExecutor executor;
    private final TransactionTemplate transactions;
    private final IdentitySettings settings;
    private final Clock clock;

    PasswordResets(AccountRepository accounts, PasswordResetRepository resets, LoginSessionRepository sessions,
            Passwords passwords, LoginThrottle throttle, ResetMail mail,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            TransactionTemplate transactions, IdentitySettings settings, Clock clock) {
        this.accounts = accounts;
        this.resets = resets;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.mail = mail;
        this.executor = executor;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    public void request(String email) {
        String normalized = Emails.normalize(email);
        Optional<ResetMail.Message> message = transactions.execute(status -> accounts.findByEmail(normalized)
                .filter(Account::enabled)
                .map(account -> {
                    Instant now = clock.instant();
                    String token = Tokens.randomToken();
                    resets.save(new PasswordReset(account.id(), Tokens.hash(token), now,
                            now.plus(settings.passwordResetTtl())));
                    return new ResetMail.Message(account.email(), account.displayName(), token,
                            now.plus(settings.passwordResetTtl()));
                }));
        message.ifPresent(m -> executor.execute(() -> mail.send(m)));
    }

    public void confirm(String token, String newPassword) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            PasswordReset reset = resets.findByTokenHash(Tokens.hash(token))
                    .filter(r -> r.usableAt(now))
                    .orElseThrow(() -> ApiProblem.invalid("token", "is invalid, already used or expired"));
            Account account = accounts.findById(reset.accountId())
                    .orElseThrow(() -> ApiProblem.invalid("token", "is invalid, already used or expired"));
            List<FieldViolation> violations = passwords.check("newPassword", newPassword, account.email());
            if (!violations.isEmpty()) {
                throw ApiProblem.invalid(violations);
            }
            account.changePasswordHash(passwords.hash(newPassword), now);
            accounts.flush();
            resets.useAll(account.id(), now);
            // Whoever knew the old password is signed out everywhere.
            sessions.revokeAll(account.id(), now);
            throttle.forget(account.email());
        });
    }
}
