package org.glossa.identity.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A refresh token, kept only as its SHA-256 hash; rotated (used up) when exchanged for a new pair. */
@Entity
@Table(name = "identity_refresh_token")
public class RefreshToken {

    @Id
    private UUID id;
    private UUID sessionId;
    private String tokenHash;
    private Instant issuedAt;
    private Instant expiresAt;
    private Instant rotatedAt;

    protected RefreshToken() {
    }

    RefreshToken(UUID sessionId, String tokenHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.sessionId = sessionId;
        this.tokenHash = tokenHash;
        this.issuedAt = now;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    UUID sessionId() {
        return sessionId;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant rotatedAt() {
        return rotatedAt;
    }
}
