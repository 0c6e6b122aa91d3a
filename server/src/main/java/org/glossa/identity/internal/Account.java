package org.glossa.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.glossa.identity.AccountView;
import org.glossa.identity.Role;

/** A user's account: sign-in credentials, roles and the learner's profile settings. */
@Entity
@Table(name = "identity_account")
public class Account {

    public static final int DEFAULT_DAILY_GOAL = 20;

    @Id
    private UUID id;
    private String email;
    private String passwordHash;
    private String displayName;
    private String timeZone;
    private String nativeLanguage;
    @Convert(converter = StringListConverter.class)
    private List<String> learningLanguages;
    private int dailyGoal;
    private LocalTime reminderTime;
    @Convert(converter = RoleSetConverter.class)
    @Column(name = "roles")
    private Set<Role> roles;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Account() {
    }

    Account(UUID id, String email, String passwordHash, String displayName, ZoneId timeZone, String nativeLanguage,
            Instant now) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.timeZone = timeZone.getId();
        this.nativeLanguage = nativeLanguage;
        this.learningLanguages = List.of();
        this.dailyGoal = DEFAULT_DAILY_GOAL;
        this.roles = EnumSet.of(Role.LEARNER);
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public String nativeLanguage() {
        return nativeLanguage;
    }

    public List<String> learningLanguages() {
        return List.copyOf(learningLanguages);
    }

    public int dailyGoal() {
        return dailyGoal;
    }

    public LocalTime reminderTime() {
        return reminderTime;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    void changePasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    void rename(String displayName, Instant now) {
        this.displayName = displayName;
        this.updatedAt = now;
    }

    void moveTo(ZoneId zone, Instant now) {
        this.timeZone = zone.getId();
        this.updatedAt = now;
    }

    void speak(String nativeLanguage, Instant now) {
        this.nativeLanguage = nativeLanguage;
        this.updatedAt = now;
    }

    void learn(List<String> languages, Instant now) {
        this.learningLanguages = List.copyOf(languages);
        this.updatedAt = now;
    }

    void aimFor(int dailyGoal, Instant now) {
        this.dailyGoal = dailyGoal;
        this.updatedAt = now;
    }

    void remindAt(LocalTime time, Instant now) {
        this.reminderTime = time;
        this.updatedAt = now;
    }

    void grant(Set<Role> roles, Instant now) {
        EnumSet<Role> granted = EnumSet.of(Role.LEARNER);
        granted.addAll(roles);
        this.roles = granted;
        this.updatedAt = now;
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    public AccountView view() {
        return new AccountView(id, displayName, timeZone(), nativeLanguage, learningLanguages(), dailyGoal,
                reminderTime, enabled);
    }
}
