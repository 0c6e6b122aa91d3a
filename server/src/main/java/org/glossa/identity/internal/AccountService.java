package org.glossa.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.glossa.identity.AccountDeleted;
import org.glossa.identity.AccountRegistered;
import org.glossa.identity.Role;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.FieldViolation;
import org.glossa.shared.validation.LanguageTag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An account's life: registration, profile, password, roles, and deletion. */
@Service
public class AccountService {

    public static final Set<Integer> DAILY_GOALS = Set.of(10, 20, 30, 50);

    private final AccountRepository accounts;
    private final LoginSessionRepository sessions;
    private final Passwords passwords;
    private final Logins logins;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(AccountRepository accounts, LoginSessionRepository sessions, Passwords passwords, Logins logins,
            JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.logins = logins;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public record Registered(Account account, TokenPair tokens) {
    }

    @Transactional
    public Registered register(String email, String password, String displayName, String timeZone,
            String nativeLanguage, String address, String userAgent) {
        String normalized = Emails.normalize(email);
        List<FieldViolation> violations = passwords.check("password", password, normalized);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        if (accounts.existsByEmail(normalized)) {
            throw emailTaken();
        }
        Instant now = clock.instant();
        Account account = new Account(UUID.randomUUID(), normalized, passwords.hash(password), displayName.strip(),
                timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone),
                nativeLanguage == null ? null : LanguageTag.Validator.normalize(nativeLanguage), now);
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            // Another request registered the same address between the check and the insert.
            throw emailTaken();
        }
        events.publishEvent(new AccountRegistered(account.id(), now));
        return new Registered(account, logins.startSession(account, address, userAgent));
    }

    /** Creates an account with the given roles and no session; for the admin bootstrap. */
    @Transactional
    public Account create(String email, String password, String displayName, Set<Role> roles) {
        String normalized = Emails.normalize(email);
        List<FieldViolation> violations = passwords.check("password", password, normalized);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        Instant now = clock.instant();
        Account account = new Account(UUID.randomUUID(), normalized, passwords.hash(password), displayName,
                ZoneId.of("UTC"), null, now);
        account.grant(roles, now);
        accounts.saveAndFlush(account);
        events.publishEvent(new AccountRegistered(account.id(), now));
        return account;
    }

    @Transactional(readOnly = true)
    public Account get(UUID id) {
        return accounts.findById(id).orElseThrow(() -> ApiProblem.notFound("The account"));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(Emails.normalize(email));
    }

    @Transactional
    public Account update(UUID id, ProfileChanges changes) {
        Account account = get(id);
        Instant now = clock.instant();
        if (changes.displayName() != null) {
            if (changes.displayName().isBlank()) {
                throw ApiProblem.invalid("displayName", "must not be blank");
            }
            account.rename(changes.displayName().strip(), now);
        }
        if (changes.timeZone() != null) {
            account.moveTo(ZoneId.of(changes.timeZone()), now);
        }
        if (changes.nativeLanguageGiven()) {
            account.speak(changes.nativeLanguage() == null ? null : LanguageTag.Validator.normalize(changes.nativeLanguage()), now);
        }
        if (changes.learningLanguages() != null) {
            Set<String> languages = new LinkedHashSet<>();
            changes.learningLanguages().forEach(tag -> languages.add(LanguageTag.Validator.normalize(tag)));
            account.learn(new ArrayList<>(languages), now);
        }
        if (changes.dailyGoal() != null) {
            if (!DAILY_GOALS.contains(changes.dailyGoal())) {
                throw ApiProblem.invalid("dailyGoal", "must be one of 10, 20, 30 or 50");
            }
            account.aimFor(changes.dailyGoal(), now);
        }
        if (changes.reminderTimeGiven()) {
            account.remindAt(changes.reminderTime(), now);
        }
        return account;
    }

    /** Changes the password and ends every other login session of the user. */
    @Transactional
    public void changePassword(UUID id, UUID currentSession, String currentPassword, String newPassword) {
        Account account = get(id);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw ApiProblem.invalid("currentPassword", "is not the current password");
        }
        List<FieldViolation> violations = passwords.check("newPassword", newPassword, account.email());
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        Instant now = clock.instant();
        account.changePasswordHash(passwords.hash(newPassword), now);
        accounts.flush();
        sessions.revokeAllBut(id, currentSession, now);
    }

    /**
     * Deletes the account and everything identity holds about it, then announces it so that every
     * other module deletes its part. The e-mail address is free again afterwards.
     */
    @Transactional
    public void delete(UUID id, String password) {
        Account account = get(id);
        if (!passwords.matches(password, account.passwordHash())) {
            throw ApiProblem.invalid("password", "is not the current password");
        }
        erase(account);
    }

    void erase(Account account) {
        UUID id = account.id();
        jdbc.sql("delete from identity_refresh_token where session_id in "
                + "(select id from identity_login_session where account_id = :id)").param("id", id).update();
        jdbc.sql("delete from identity_login_session where account_id = :id").param("id", id).update();
        jdbc.sql("delete from identity_password_reset where account_id = :id").param("id", id).update();
        jdbc.sql("delete from identity_login_failure where email = :email").param("email", account.email()).update();
        accounts.delete(account);
        accounts.flush();
        events.publishEvent(new AccountDeleted(id, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Page<Account> search(String query, int page, int size) {
        String q = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        return accounts.search(q, PageRequest.of(page, size, Sort.by("createdAt", "id")));
    }

    @Transactional
    public Account grant(UUID adminId, UUID id, Set<Role> roles) {
        Account account = get(id);
        if (adminId.equals(id) && !roles.contains(Role.ADMIN)) {
            throw ApiProblem.conflict("You cannot take away your own ADMIN role; ask another admin.");
        }
        account.grant(roles, clock.instant());
        return account;
    }

    /** Disables or re-enables an account; a disabled account's tokens stop working at once. */
    @Transactional
    public Account enable(UUID adminId, UUID id, boolean enabled) {
        Account account = get(id);
        if (adminId.equals(id) && !enabled) {
            throw ApiProblem.conflict("You cannot disable your own account.");
        }
        Instant now = clock.instant();
        account.enable(enabled, now);
        if (!enabled) {
            accounts.flush();
            sessions.revokeAll(id, now);
        }
        return account;
    }

    /** Everything identity holds about the user, for the data export. */
    @Transactional(readOnly = true)
    public Map<String, Object> export(UUID id) {
        Account account = get(id);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", account.id());
        profile.put("email", account.email());
        profile.put("displayName", account.displayName());
        profile.put("timeZone", account.timeZone().getId());
        profile.put("nativeLanguage", account.nativeLanguage());
        profile.put("learningLanguages", account.learningLanguages());
        profile.put("dailyGoal", account.dailyGoal());
        profile.put("reminderTime", account.reminderTime());
        profile.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
        profile.put("enabled", account.enabled());
        profile.put("createdAt", account.createdAt());
        profile.put("updatedAt", account.updatedAt());
        data.put("account", profile);
        data.put("loginSessions", sessions.findByAccountIdOrderByCreatedAt(id).stream().map(s -> {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("id", s.id());
            session.put("createdAt", s.createdAt());
            session.put("lastUsedAt", s.lastUsedAt());
            session.put("revokedAt", s.revokedAt());
            session.put("userAgent", s.userAgent());
            session.put("address", s.address());
            return session;
        }).toList());
        return data;
    }

    private static ApiProblem emailTaken() {
        return ApiProblem.conflict("An account with this e-mail address already exists.");
    }
}
