package dev.kitty.auth.password;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A single-use, short-lived permission to set a new password, mailed to the account's address. Stored by hash only. */
@Entity
@Table(name = "password_reset_token")
class PasswordResetToken {

    @Id
    private String tokenHash;

    private UUID accountId;

    private Instant createdAt;

    private Instant expiresAt;

    private @Nullable Instant usedAt;

    @Version
    private @Nullable Long version;

    protected PasswordResetToken() {
        // for JPA
    }

    private PasswordResetToken(String tokenHash, UUID accountId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    static PasswordResetToken issue(String tokenHash, UUID accountId, Instant now, Instant expiresAt) {
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a reset token must expire in the future");
        }
        return new PasswordResetToken(tokenHash, accountId, now, expiresAt);
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void consume(Instant now) {
        if (!usableAt(now)) {
            throw new IllegalStateException("reset token expired or already used");
        }
        usedAt = now;
    }

    String tokenHash() {
        return tokenHash;
    }

    UUID accountId() {
        return accountId;
    }
}
