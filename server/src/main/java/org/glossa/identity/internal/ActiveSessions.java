package org.glossa.identity.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.glossa.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers, for each authenticated request, whether the token's login session is still open and its
 * account enabled, and with which roles: one indexed lookup, so that sign-out, disabling and role
 * changes take effect at once on every node.
 */
@Component
class ActiveSessions {

    private final JdbcClient jdbc;

    ActiveSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Set<Role>> rolesOf(UUID accountId, UUID sessionId) {
        return jdbc.sql("""
                select a.roles from identity_login_session s join identity_account a on a.id = s.account_id
                where s.id = :session and s.account_id = :account and s.revoked_at is null and a.enabled = true
                """)
                .param("session", sessionId)
                .param("account", accountId)
                .query(String.class)
                .optional()
                .map(RoleSetConverter::parse);
    }
}
