package org.glossa.identity.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One failed sign-in, counted by the lockout. */
@Entity
@Table(name = "identity_login_failure")
public class LoginFailure {

    @Id
    private UUID id;
    private String email;
    private String address;
    private Instant failedAt;

    protected LoginFailure() {
    }

    LoginFailure(String email, String address, Instant failedAt) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.address = address;
        this.failedAt = failedAt;
    }
}
