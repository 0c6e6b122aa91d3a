package org.glossa.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.glossa.shared.FieldViolation;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The password rules and Argon2id hashing. */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Checked against when the account does not exist, so that both cases take as long. */
    private volatile String decoy;

    String hash(String raw) {
        return encoder.encode(raw);
    }

    boolean matches(String raw, String hash) {
        return raw != null && encoder.matches(raw, hash);
    }

    /** Spends the time of a real check, for sign-ins to accounts that do not exist. */
    void burn(String raw) {
        if (decoy == null) {
            decoy = encoder.encode("decoy-password-for-timing");
        }
        encoder.matches(raw == null ? "" : raw, decoy);
    }

    /** The rule's violations for a new password, named after the request field. */
    List<FieldViolation> check(String field, String password, String email) {
        List<FieldViolation> violations = new ArrayList<>();
        if (password == null) {
            violations.add(new FieldViolation(field, "is required"));
        } else if (password.codePointCount(0, password.length()) < MIN_LENGTH
                || password.codePointCount(0, password.length()) > MAX_LENGTH) {
            violations.add(new FieldViolation(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"));
        } else if (email != null && Emails.normalize(password).equals(Emails.normalize(email))) {
            violations.add(new FieldViolation(field, "must not be the e-mail address"));
        }
        return violations;
    }
}
