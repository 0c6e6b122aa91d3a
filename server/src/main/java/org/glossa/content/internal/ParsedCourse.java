package org.glossa.content.internal;

import java.util.List;
import org.glossa.content.ItemKind;

/** A course as read from its files, before it is stored. */
record ParsedCourse(String key, String title, String targetLanguage, String sourceLanguage, String licenseName,
        String licenseShortName, String licenseLink, String repository, List<String> specialCharacters,
        List<Section> sections, List<String> warnings) {

    record Section(String key, String name, List<Skill> skills) {
    }

    record Skill(String externalId, String name, String explanation, List<String> thumbnails, List<Item> items) {
    }

    record Item(ItemKind kind, String text, String translation, List<String> targetAnswers, List<String> sourceAnswers,
            List<String> images) {
    }
}
