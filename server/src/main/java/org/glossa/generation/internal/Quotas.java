package org.glossa.generation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.glossa.identity.AccountView;
import org.glossa.identity.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily counters with a ceiling, taken atomically in the database so that every node sees them: a
 * learner's counters follow the learner's own day (their time zone), the global one the UTC day.
 */
@Component
class Quotas {

    static final String GLOBAL = "global";

    /** A counter's kinds. */
    enum Kind { LLM_REQUESTS, EXPLANATIONS }

    /** The outcome: taken, or refused until {@code resetsAt}. */
    record Take(boolean taken, int used, int limit, Instant resetsAt) {

        Duration retryAfter(Clock clock) {
            return Duration.between(clock.instant(), resetsAt);
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    Quotas(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Take takeForLearner(UUID userId, Kind kind, int limit) {
        return take(userId.toString(), kind, limit, zoneOf(userId));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Take takeGlobal(Kind kind, int limit) {
        return take(GLOBAL, kind, limit, ZoneOffset.UTC);
    }

    /** Gives back what was taken for a call that then failed; the learner should not pay for an outage. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void giveBack(String subject, Kind kind, Instant takenAt) {
        ZoneId zone = subject.equals(GLOBAL) ? ZoneOffset.UTC : zoneOf(UUID.fromString(subject));
        jdbc.sql("update generation_quota set used = used - 1 where subject = :s and kind = :k and quota_day = :d and used > 0")
                .param("s", subject).param("k", kind.name()).param("d", LocalDate.ofInstant(takenAt, zone)).update();
    }

    private Take take(String subject, Kind kind, int limit, ZoneId zone) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        Instant resetsAt = day.plusDays(1).atStartOfDay(zone).toInstant();
        jdbc.sql("insert into generation_quota (subject, kind, quota_day, used) values (:s, :k, :d, 0) on conflict do nothing")
                .param("s", subject).param("k", kind.name()).param("d", day).update();
        int taken = jdbc.sql("""
                update generation_quota set used = used + 1 where subject = :s and kind = :k and quota_day = :d and used < :limit
                """).param("s", subject).param("k", kind.name()).param("d", day).param("limit", limit).update();
        int used = jdbc.sql("select used from generation_quota where subject = :s and kind = :k and quota_day = :d")
                .param("s", subject).param("k", kind.name()).param("d", day).query(Integer.class).single();
        return new Take(taken == 1, used, limit, resetsAt);
    }

    private ZoneId zoneOf(UUID userId) {
        return accounts.find(userId).map(AccountView::timeZone).orElse(ZoneOffset.UTC);
    }
}
