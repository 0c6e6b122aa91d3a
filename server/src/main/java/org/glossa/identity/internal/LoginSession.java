package org.glossa.identity.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One sign-in and every refresh token descended from it; revoking it ends them all. */
@Entity
@Table(name = "identity_login_session")
public class LoginSession {

    @Id
    private UUID id;
    private UUID accountId;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant revokedAt;
    private String userAgent;
    private String address;

    protected LoginSession() {
    }

    LoginSession(UUID accountId, Instant now, String userAgent, String address) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(255, userAgent.length()));
        this.address = address == null ? null : address.substring(0, Math.min(64, address.length()));
    }

    public UUID id() {
        return id;
    }

    public UUID accountId() {
        return accountId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String userAgent() {
        return userAgent;
    }

    public String address() {
        return address;
    }

    boolean active() {
        return revokedAt == null;
    }

    void used(Instant now) {
        this.lastUsedAt = now;
    }
}
