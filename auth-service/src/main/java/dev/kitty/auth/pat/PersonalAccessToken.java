package dev.kitty.auth.pat;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import dev.kitty.auth.account.SecurityChanged;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A long-lived credential a user created for scripts and HTTP Basic. It never signs in by
 * itself: the exchange endpoint trades it for a short-lived access token. Once revoked or
 * expired it can never be used again. Creating one records {@link SecurityChanged} (the owner's
 * notice names it); revoking one records {@link PersonalAccessTokenRevoked}.
 */
@Entity
@Table(name = "personal_access_token")
class PersonalAccessToken extends AbstractAggregateRoot<PersonalAccessToken> {

    static final int MAX_NAME_LENGTH = 80;

    @Id
    private UUID id;

    private UUID accountId;

    private String name;

    private String lookupId;

    private String secretHash;

    private Instant createdAt;

    private @Nullable Instant expiresAt;

    private @Nullable Instant lastUsedAt;

    private @Nullable Instant revokedAt;

    @Version
    private @Nullable Long version;

    protected PersonalAccessToken() {
        // for JPA
    }

    private PersonalAccessToken(UUID accountId, String name, PatSecret secret, Instant createdAt, @Nullable Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.name = name;
        this.lookupId = secret.lookupId();
        this.secretHash = secret.hash();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /**
     * @param ownerEmail the account's address, where the security notice goes
     * @param expiresAt  {@code null}: valid until revoked
     */
    static PersonalAccessToken issue(UUID accountId, String ownerEmail, String name, PatSecret secret, Instant now,
            @Nullable Instant expiresAt) {
        var length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a token name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a token must expire after it is created");
        }
        var token = new PersonalAccessToken(accountId, name, secret, now, expiresAt);
        token.registerEvent(new SecurityChanged(accountId, ownerEmail, SecurityChanged.Change.PERSONAL_ACCESS_TOKEN_CREATED, name, now));
        return token;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Constant-time comparison: how much of the hash matched must not show in the response time. */
    boolean matches(PatSecret presented) {
        return lookupId.equals(presented.lookupId()) && MessageDigest.isEqual(
                secretHash.getBytes(StandardCharsets.US_ASCII), presented.hash().getBytes(StandardCharsets.US_ASCII));
    }

    void markUsed(Instant now) {
        lastUsedAt = now;
    }

    /**
     * Idempotent: the first revocation time is the one that counts, and only it records
     * {@link PersonalAccessTokenRevoked} (published when the token is saved).
     */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            registerEvent(new PersonalAccessTokenRevoked(accountId, id, now));
        }
    }

    /** The domain events recorded since the last save, for tests of the rules that record them. */
    java.util.Collection<Object> recordedEvents() {
        return domainEvents();
    }

    boolean revoked() {
        return revokedAt != null;
    }

    UUID id() {
        return id;
    }

    UUID accountId() {
        return accountId;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant expiresAt() {
        return expiresAt;
    }

    @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }
}
