package org.glossa.identity;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** What other modules may know of an account: the learner's settings that rules depend on. */
public record AccountView(UUID id, String displayName, ZoneId timeZone, String nativeLanguage,
        List<String> learningLanguages, int dailyGoal, LocalTime reminderTime, boolean enabled) {
}
