package org.glossa.content;

import java.util.UUID;

/** A course in the catalogue; {@code status} is DRAFT (editors only) or PUBLISHED. */
public record CourseSummary(UUID id, String title, String targetLanguage, String sourceLanguage, String license,
        String licenseLink, String attribution, String status, int version, int skills) {

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
