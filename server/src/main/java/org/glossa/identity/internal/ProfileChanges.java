package org.glossa.identity.internal;

import java.time.LocalTime;
import java.util.List;

/**
 * The profile fields a learner changes in one request; null means "leave as it is". The two
 * clearable fields say separately whether they were given, so that an explicit null clears them.
 */
public record ProfileChanges(String displayName, String timeZone, boolean nativeLanguageGiven, String nativeLanguage,
        List<String> learningLanguages, Integer dailyGoal, boolean reminderTimeGiven, LocalTime reminderTime) {
}
