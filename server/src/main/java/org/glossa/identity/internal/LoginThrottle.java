package org.glossa.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.glossa.shared.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The brute-force lockout: after too many failed sign-ins for one account, or from one address,
 * within the window, every attempt is refused with 429 until the window has passed, even with the
 * right password. Failures live in the database so that all nodes count together.
 */
@Component
class LoginThrottle {

    private final LoginFailureRepository failures;
    private final IdentitySettings settings;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, IdentitySettings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    void check(String email, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(settings.failureWindow());
        Duration wait = waitFor(failures.failuresForEmail(email, since), settings.maxFailuresPerAccount(), now);
        Duration byAddress = waitFor(failures.failuresFromAddress(address, since), settings.maxFailuresPerAddress(), now);
        if (byAddress.compareTo(wait) > 0) {
            wait = byAddress;
        }
        if (!wait.isZero()) {
            throw ApiProblem.rateLimited("Too many failed sign-ins; try again in " + wait.toMinutesPart() + " min "
                    + wait.toSecondsPart() + " s.", wait);
        }
    }

    /** How long until fewer than {@code limit} failures remain in the window; zero if that is already so. */
    private Duration waitFor(List<Instant> failedAt, int limit, Instant now) {
        if (failedAt.size() < limit) {
            return Duration.ZERO;
        }
        Instant freedAt = failedAt.get(failedAt.size() - limit).plus(settings.failureWindow());
        Duration wait = Duration.between(now, freedAt);
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    /** Recorded in its own transaction: the sign-in that failed rolls back, the count must not. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String email, String address) {
        Instant now = clock.instant();
        failures.forgetOlderThan(email, address, now.minus(settings.failureWindow()));
        failures.save(new LoginFailure(email, address, now));
    }

    @Transactional
    void forget(String email) {
        failures.forgetEmail(email);
    }
}
