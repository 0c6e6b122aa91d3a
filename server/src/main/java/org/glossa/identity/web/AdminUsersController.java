package org.glossa.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.glossa.identity.CurrentUser;
import org.glossa.identity.Role;
import org.glossa.identity.internal.AccountEntitlements;
import org.glossa.identity.internal.AccountService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins list and search users, change their roles and entitlements, and disable or re-enable accounts. */
@RestController
@RequestMapping("/api/v1/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Admin: users")
@SecurityRequirement(name = "bearer")
class AdminUsersController {

    private final AccountService accounts;
    private final AccountEntitlements entitlements;

    AdminUsersController(AccountService accounts, AccountEntitlements entitlements) {
        this.accounts = accounts;
        this.entitlements = entitlements;
    }

    record EntitlementGrant(Instant expiresAt) {
    }

    record UserPage(List<AccountResponse> items, int page, int size, long totalItems, int totalPages) {
    }

    record RolesChange(@NotNull @NotEmpty @Size(max = 3) List<@NotNull Role> roles) {
    }

    @GetMapping
    @Operation(summary = "List or search users", description = "`q` matches e-mail or display name; pages start at 0.")
    UserPage list(@RequestParam(name = "q", required = false) @Size(max = 100) String query,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = accounts.search(query, page, size);
        return new UserPage(result.map(AccountResponse::of).getContent(), page, size, result.getTotalElements(),
                result.getTotalPages());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one user")
    AccountResponse one(@PathVariable UUID id) {
        return AccountResponse.of(accounts.get(id));
    }

    @PutMapping("/{id}/roles")
    @Operation(summary = "Set a user's roles", description = "LEARNER is always kept.")
    AccountResponse roles(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id,
            @Valid @RequestBody RolesChange body) {
        return AccountResponse.of(accounts.grant(admin.id(), id, EnumSet.copyOf(body.roles())));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an account", description = "Its tokens stop working at once.")
    AccountResponse disable(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id) {
        return AccountResponse.of(accounts.enable(admin.id(), id, false));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Re-enable an account")
    AccountResponse enable(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id) {
        return AccountResponse.of(accounts.enable(admin.id(), id, true));
    }

    @GetMapping("/{id}/entitlements")
    @Operation(summary = "A user's entitlements", description = "Expired grants are listed with their end.")
    List<AccountEntitlements.Grant> entitlements(@PathVariable UUID id) {
        return entitlements.of(id);
    }

    @PutMapping("/{id}/entitlements/{entitlement}")
    @Operation(summary = "Grant an entitlement", description = """
            `unlimited-hearts` or `unlimited-explanations`, until `expiresAt` (optional; no body: no end). Granting
            it again sets the new end.""")
    AccountEntitlements.Grant grant(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id,
            @PathVariable String entitlement, @RequestBody(required = false) EntitlementGrant body) {
        return entitlements.grant(admin.id(), id, entitlement, body == null ? null : body.expiresAt());
    }

    @DeleteMapping("/{id}/entitlements/{entitlement}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take an entitlement back")
    void revoke(@PathVariable UUID id, @PathVariable String entitlement) {
        entitlements.revoke(id, entitlement);
    }
}
