package org.glossa.dictionary.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Free Dictionary API response bodies from ../shared/data/dictionaries/free-dictionary-api (set GLOSSA_SHARED_DATA
 * to the data folder when the checkout is not beside it); tests that need them are skipped, with the reason
 * printed, where they are absent.
 */
final class FreeDictionarySamples {

    private FreeDictionarySamples() {
    }

    static String body(String file) {
        try {
            return Files.readString(directory().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directory() {
        String configured = System.getenv("GLOSSA_SHARED_DATA");
        if (configured != null && Files.isDirectory(Path.of(configured, "dictionaries", "free-dictionary-api"))) {
            return Path.of(configured, "dictionaries", "free-dictionary-api");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String relative : List.of("shared/data/dictionaries/free-dictionary-api",
                    "../shared/data/dictionaries/free-dictionary-api")) {
                Path candidate = dir.resolve(relative).normalize();
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        System.err.println("SKIPPED: ../shared/data/dictionaries/free-dictionary-api is absent; "
                + "the outside dictionary tests need its real responses");
        Assumptions.abort("../shared/data/dictionaries/free-dictionary-api is absent");
        return null;
    }

    /** A clock the tests move by hand. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
