package org.glossa.identity.internal;

import java.text.Normalizer;
import java.util.Locale;

/** E-mail addresses as stored and compared: trimmed, NFC-normalized and in lower case. */
final class Emails {

    private Emails() {
    }

    static String normalize(String email) {
        return email == null ? "" : Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
