package org.glossa.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glossa.identity.CurrentUser;
import org.glossa.identity.internal.AccountService;
import org.glossa.shared.PersonalData;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account: profile, password, data export and deletion. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My account")
@SecurityRequirement(name = "bearer")
class MeController {

    private final AccountService accounts;
    private final List<PersonalData> personalData;
    private final Clock clock;

    MeController(AccountService accounts, List<PersonalData> personalData, Clock clock) {
        this.accounts = accounts;
        this.personalData = personalData;
        this.clock = clock;
    }

    record PasswordChange(@NotNull @Size(max = 1024) String currentPassword, @NotNull String newPassword) {
    }

    record DeletionRequest(@NotNull @Size(max = 1024) String password) {
    }

    @GetMapping
    @Operation(summary = "Read my profile")
    AccountResponse me(@AuthenticationPrincipal CurrentUser user) {
        return AccountResponse.of(accounts.get(user.id()));
    }

    @PatchMapping
    @Operation(summary = "Change my profile", description = "displayName, timeZone (IANA), nativeLanguage and "
            + "learningLanguages (BCP 47), dailyGoal (10, 20, 30 or 50 XP), reminderTime (HH:mm, null for none).")
    AccountResponse update(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProfilePatch patch) {
        return AccountResponse.of(accounts.update(user.id(), patch.changes()));
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change my password", description = "Every other login session of mine ends.")
    @ApiResponse(responseCode = "204", description = "Password changed")
    void changePassword(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PasswordChange body) {
        accounts.changePassword(user.id(), user.sessionId(), body.currentPassword(), body.newPassword());
    }

    @GetMapping("/export")
    @Operation(summary = "Export my data", description = "Everything the server holds about me, one section per module.")
    Map<String, Object> export(@AuthenticationPrincipal CurrentUser user) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("userId", user.id());
        document.put("exportedAt", clock.instant());
        personalData.stream()
                .sorted(java.util.Comparator.comparing(PersonalData::section))
                .forEach(part -> document.put(part.section(), part.export(user.id())));
        return document;
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete my account", description = "Deletes the account and all personal data in every "
            + "module. The e-mail address may register again.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    void delete(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody DeletionRequest body) {
        accounts.delete(user.id(), body.password());
    }
}
