package org.glossa.content;

import java.util.UUID;

/** A course in the catalogue. */
public record CourseSummary(UUID id, String title, String targetLanguage, String sourceLanguage, String license,
        String licenseLink, String attribution, int version, int skills) {
}
