package dev.kitty.auth.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The credentials and system standing of one user. Its id is the user id every other service
 * knows. Holds no profile data: the display name belongs to user-service.
 *
 * <p>Records a domain event for every change others must hear of ({@link AccountRegistered},
 * {@link EmailAddressVerified}, {@link AccountLocked}, {@link RolesChanged},
 * {@link CredentialsChanged}, and {@link SecurityChanged} for the owner's security notice); they are published when the account is saved, inside the
 * transaction that changed it.
 */
@Entity
@Table(name = "account")
public class Account extends AbstractAggregateRoot<Account> {

    @Id
    private UUID id;

    private String email;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private AccountStatus status;

    private boolean emailVerified;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<SystemRole> roles = EnumSet.noneOf(SystemRole.class);

    private Instant createdAt;

    @Version
    private @Nullable Long version;

    protected Account() {
        // for JPA
    }

    private Account(UUID id, String email, String passwordHash, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.status = AccountStatus.ACTIVE;
        this.emailVerified = false;
        this.roles = EnumSet.of(SystemRole.USER);
        this.createdAt = createdAt;
    }

    /** A new, active, unverified account with the USER role. */
    public static Account register(String email, String passwordHash, String displayName, Instant now) {
        if (!email.equals(normaliseEmail(email)) || email.isEmpty()) {
            throw new IllegalArgumentException("email must be normalised");
        }
        if (passwordHash.isBlank()) {
            throw new IllegalArgumentException("password hash required");
        }
        var account = new Account(UUID.randomUUID(), email, passwordHash, now);
        account.registerEvent(new AccountRegistered(account.id, email, displayName, now));
        return account;
    }

    /**
     * The one form an address is stored and looked up in, so that {@code Ann@Example.com }
     * and {@code ann@example.com} are the same account.
     */
    public static String normaliseEmail(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Proof of control arrived for {@code address}; it only counts if it is still the account's address. */
    public boolean verifyEmail(String address, Instant now) {
        if (!email.equals(address)) {
            return false;
        }
        if (!emailVerified) {
            emailVerified = true;
            registerEvent(new EmailAddressVerified(id, email, now));
        }
        return true;
    }

    /** Replaces the hash of the same password, e.g. with stronger parameters after a successful login. */
    public void rehashPassword(String newHash) {
        if (newHash.isBlank()) {
            throw new IllegalArgumentException("password hash required");
        }
        passwordHash = newHash;
    }

    /**
     * Sets a new password. The caller has checked it against the password policy; sessions other
     * than {@code keepSession} end with it ({@link CredentialsChanged}).
     */
    public void changePassword(String newHash, @Nullable UUID keepSession, Instant now) {
        setPasswordHash(newHash);
        registerEvent(new CredentialsChanged(id, CredentialsChanged.What.PASSWORD_CHANGED, keepSession));
        registerEvent(SecurityChanged.of(id, email, SecurityChanged.Change.PASSWORD_CHANGED, now));
    }

    /** Sets a new password from a reset link: every session ends. */
    public void resetPassword(String newHash, Instant now) {
        setPasswordHash(newHash);
        registerEvent(CredentialsChanged.passwordReset(id));
        registerEvent(SecurityChanged.of(id, email, SecurityChanged.Change.PASSWORD_RESET, now));
    }

    private void setPasswordHash(String newHash) {
        if (newHash.isBlank()) {
            throw new IllegalArgumentException("password hash required");
        }
        passwordHash = newHash;
    }

    /** The domain events recorded since the last save, for tests of the rules that record them. */
    java.util.Collection<Object> recordedEvents() {
        return domainEvents();
    }

    public boolean canSignIn() {
        return status == AccountStatus.ACTIVE;
    }

    /** Stops every way of signing in; {@code true} if the account was active until now. */
    public boolean lock(Instant now) {
        var wasActive = status == AccountStatus.ACTIVE;
        status = AccountStatus.LOCKED;
        if (wasActive) {
            registerEvent(new AccountLocked(id));
            registerEvent(SecurityChanged.of(id, email, SecurityChanged.Change.ACCOUNT_LOCKED, now));
        }
        return wasActive;
    }

    public void unlock() {
        status = AccountStatus.ACTIVE;
    }

    /** Replaces the system roles. USER is every account's baseline and always stays. */
    public void changeRoles(Set<SystemRole> newRoles) {
        var changed = EnumSet.of(SystemRole.USER);
        changed.addAll(newRoles);
        if (changed.equals(roles)) {
            return;
        }
        var before = Set.copyOf(roles);
        roles.clear();
        roles.addAll(changed);
        registerEvent(new RolesChanged(id, before, Set.copyOf(changed)));
    }

    public boolean hasRole(SystemRole role) {
        return roles.contains(role);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public AccountStatus status() {
        return status;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public Set<SystemRole> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
