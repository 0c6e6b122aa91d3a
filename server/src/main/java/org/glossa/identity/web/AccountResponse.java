package org.glossa.identity.web;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.glossa.identity.internal.Account;

/** An account as its owner (or an admin) sees it. Never carries a password hash or token. */
record AccountResponse(UUID id, String email, String displayName, String timeZone, String nativeLanguage,
        List<String> learningLanguages, int dailyGoal, LocalTime reminderTime, List<String> roles, boolean enabled,
        Instant createdAt) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.id(), account.email(), account.displayName(), account.timeZone().getId(),
                account.nativeLanguage(), account.learningLanguages(), account.dailyGoal(), account.reminderTime(),
                account.roles().stream().map(Enum::name).sorted().toList(), account.enabled(), account.createdAt());
    }
}
