package org.glossa.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LoginSessionRepository extends JpaRepository<LoginSession, UUID> {

    List<LoginSession> findByAccountIdOrderByCreatedAt(UUID accountId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update LoginSession s set s.revokedAt = :now where s.id = :id and s.revokedAt is null")
    int revoke(@Param("id") UUID id, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update LoginSession s set s.revokedAt = :now where s.accountId = :accountId and s.revokedAt is null")
    int revokeAll(@Param("accountId") UUID accountId, @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update LoginSession s set s.revokedAt = :now
            where s.accountId = :accountId and s.id <> :keep and s.revokedAt is null
            """)
    int revokeAllBut(@Param("accountId") UUID accountId, @Param("keep") UUID keep, @Param("now") Instant now);
}
