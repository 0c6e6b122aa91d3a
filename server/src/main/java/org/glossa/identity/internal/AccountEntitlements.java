package org.glossa.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.Entitlements;
import static org.glossa.shared.time.Timestamps.utc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The entitlements granted to accounts: admins grant and revoke them; other modules ask {@link #has}. */
@Service
public class AccountEntitlements implements Entitlements {

    /** A grant as an admin (and the account's data export) sees it. */
    public record Grant(String entitlement, Instant grantedAt, Instant expiresAt, UUID grantedBy) {
    }

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final Clock clock;

    AccountEntitlements(JdbcClient jdbc, AccountService accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public boolean has(UUID userId, String entitlement) {
        return jdbc.sql("""
                select count(*) from identity_entitlement
                where account_id = :u and entitlement = :e and (expires_at is null or expires_at > :now)
                """).param("u", userId).param("e", entitlement).param("now", utc(clock.instant()))
                .query(Long.class).single() > 0;
    }

    /** The account's grants, expired ones included (they say until when). */
    public List<Grant> of(UUID userId) {
        accounts.get(userId); // 404 for an unknown account
        return grants(userId);
    }

    private List<Grant> grants(UUID userId) {
        return jdbc.sql("""
                select entitlement, granted_at, expires_at, granted_by from identity_entitlement
                where account_id = :u order by entitlement
                """).param("u", userId).query(AccountEntitlements::grant).list();
    }

    /** Grants (or re-grants, with the new end) an entitlement; the same call again changes nothing. */
    @Transactional
    public Grant grant(UUID adminId, UUID userId, String entitlement, Instant expiresAt) {
        if (!KNOWN.contains(entitlement)) {
            throw ApiProblem.invalid("entitlement", "must be one of " + KNOWN.stream().sorted().toList());
        }
        Instant now = clock.instant();
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS); // what the column keeps
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiProblem.invalid("expiresAt", "must be in the future");
        }
        accounts.get(userId);
        int updated = jdbc.sql("""
                update identity_entitlement set expires_at = :until, granted_by = :by, granted_at = :now
                where account_id = :u and entitlement = :e
                """).param("until", utc(expiresAt)).param("by", adminId).param("now", utc(now)).param("u", userId)
                .param("e", entitlement).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into identity_entitlement (account_id, entitlement, granted_at, expires_at, granted_by)
                    values (:u, :e, :now, :until, :by) on conflict do nothing
                    """).param("u", userId).param("e", entitlement).param("now", utc(now)).param("until", utc(expiresAt))
                    .param("by", adminId).update();
        }
        return grants(userId).stream().filter(g -> g.entitlement().equals(entitlement)).findFirst().orElseThrow();
    }

    /** Takes an entitlement back; revoking one the account does not have is not an error. */
    @Transactional
    public void revoke(UUID userId, String entitlement) {
        accounts.get(userId);
        jdbc.sql("delete from identity_entitlement where account_id = :u and entitlement = :e").param("u", userId)
                .param("e", entitlement).update();
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new Grant(rs.getString("entitlement"), rs.getObject("granted_at", OffsetDateTime.class).toInstant(),
                expires == null ? null : expires.toInstant(), rs.getObject("granted_by", UUID.class));
    }
}
