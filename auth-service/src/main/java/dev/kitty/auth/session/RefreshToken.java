package dev.kitty.auth.session;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One refresh token of a login session. All tokens issued by rotating from the same login
 * share a family; a token may be exchanged once. Presenting one that was already exchanged
 * means a copy exists somewhere else, so the whole family is revoked.
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken {

    enum State { USABLE, USED, REVOKED, EXPIRED }

    @Id
    private UUID id;

    private UUID accountId;

    private UUID familyId;

    private String tokenHash;

    /** Space-separated {@code amr} values of the login, carried into every refreshed access token. */
    private String authenticationMethods;

    private Instant issuedAt;

    private Instant expiresAt;

    private @Nullable Instant usedAt;

    private @Nullable Instant revokedAt;

    @Version
    private @Nullable Long version;

    protected RefreshToken() {
        // for JPA
    }

    private RefreshToken(UUID accountId, UUID familyId, String tokenHash, String authenticationMethods, Instant issuedAt,
            Instant expiresAt) {
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a refresh token must expire after it is issued");
        }
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.authenticationMethods = authenticationMethods;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** The first token of a new login session. */
    static RefreshToken startFamily(UUID accountId, String tokenHash, List<String> authenticationMethods, Instant now,
            Instant expiresAt) {
        if (authenticationMethods.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one authentication method");
        }
        return new RefreshToken(accountId, UUID.randomUUID(), tokenHash, String.join(" ", authenticationMethods), now, expiresAt);
    }

    State stateAt(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (usedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.USABLE : State.EXPIRED;
    }

    /** Exchanges this token for its successor in the same family; this one can never be used again. */
    RefreshToken rotate(String successorHash, Instant now, Instant successorExpiresAt) {
        if (stateAt(now) != State.USABLE) {
            throw new IllegalStateException("only a usable refresh token can be rotated, this one is " + stateAt(now));
        }
        usedAt = now;
        return new RefreshToken(accountId, familyId, successorHash, authenticationMethods, now, successorExpiresAt);
    }

    UUID accountId() {
        return accountId;
    }

    UUID familyId() {
        return familyId;
    }

    List<String> authenticationMethods() {
        return Arrays.asList(authenticationMethods.split(" "));
    }
}
