package org.glossa.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.glossa.identity.CurrentUser;
import org.glossa.identity.internal.AccountService;
import org.glossa.identity.internal.Logins;
import org.glossa.identity.internal.PasswordResets;
import org.glossa.identity.internal.TokenPair;
import org.glossa.shared.validation.IanaTimeZone;
import org.glossa.shared.validation.LanguageTag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration, sign-in, token refresh, sign-out and password reset. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Accounts, sign-in with rotating refresh tokens, password reset")
class AuthController {

    private final AccountService accounts;
    private final Logins logins;
    private final PasswordResets resets;

    AuthController(AccountService accounts, Logins logins, PasswordResets resets) {
        this.accounts = accounts;
        this.logins = logins;
        this.resets = resets;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 256) String password,
            @NotBlank @Size(max = 100) String displayName,
            @IanaTimeZone @Schema(description = "IANA time zone, default UTC", example = "Europe/Madrid") String timeZone,
            @LanguageTag @Schema(description = "BCP 47 tag", example = "en") String nativeLanguage) {
    }

    record RegisterResponse(AccountResponse user, String accessToken, String refreshToken, long expiresIn,
            String tokenType) {
    }

    record LoginRequest(@NotBlank @Size(max = 320) String email, @NotNull @Size(max = 1024) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record PasswordResetConfirmation(@NotBlank @Size(max = 200) String token, @NotNull String newPassword) {
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account", description = "Returns the new account and a token pair. "
            + "E-mail addresses are unique without regard to case.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "409", description = "The e-mail address is taken")
    RegisterResponse register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        var registered = accounts.register(body.email(), body.password(), body.displayName(), body.timeZone(),
                body.nativeLanguage(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        TokenPair tokens = registered.tokens();
        return new RegisterResponse(AccountResponse.of(registered.account()), tokens.accessToken(),
                tokens.refreshToken(), tokens.expiresIn(), tokens.tokenType());
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in", description = "After 5 failed attempts for one account (or 20 from one address) "
            + "within 15 minutes, attempts get 429 with Retry-After until the window has passed.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "Wrong e-mail address or password")
    @ApiResponse(responseCode = "403", description = "The account is disabled")
    TokenPair login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return logins.login(body.email(), body.password(), request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair", description = "The old refresh token stops "
            + "working. Presenting an already-used one ends its whole login session.")
    @ApiResponse(responseCode = "200", description = "A new token pair")
    @ApiResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token")
    TokenPair refresh(@Valid @RequestBody RefreshRequest body) {
        return logins.refresh(body.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out", description = "Ends the login session of this refresh token.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    void logout(@Valid @RequestBody RefreshRequest body) {
        logins.logout(body.refreshToken());
    }

    @PostMapping("/logout-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sign out everywhere", description = "Ends every login session of the caller.")
    @ApiResponse(responseCode = "204", description = "Signed out everywhere")
    void logoutAll(@AuthenticationPrincipal CurrentUser user) {
        logins.logoutEverywhere(user.id());
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a password-reset e-mail", description = "Always 202, whether or not the address "
            + "has an account.")
    @ApiResponse(responseCode = "202", description = "If the address has an account, an e-mail is on its way")
    void requestReset(@Valid @RequestBody PasswordResetRequest body) {
        resets.request(body.email());
    }

    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with the e-mailed token", description = "The token works once; every "
            + "login session of the account ends.")
    @ApiResponse(responseCode = "204", description = "Password changed")
    void confirmReset(@Valid @RequestBody PasswordResetConfirmation body) {
        resets.confirm(body.token(), body.newPassword());
    }
}
