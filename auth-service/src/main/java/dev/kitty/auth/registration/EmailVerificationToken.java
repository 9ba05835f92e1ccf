package dev.kitty.auth.registration;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A single-use proof that whoever presents it reads mail at {@link #email()}. Stored by hash only. */
@Entity
@Table(name = "email_verification_token")
class EmailVerificationToken {

    @Id
    private String tokenHash;

    private UUID accountId;

    private String email;

    private Instant createdAt;

    private Instant expiresAt;

    private @Nullable Instant usedAt;

    @Version
    private @Nullable Long version;

    protected EmailVerificationToken() {
        // for JPA
    }

    private EmailVerificationToken(String tokenHash, UUID accountId, String email, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.email = email;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    static EmailVerificationToken issue(String tokenHash, UUID accountId, String email, Instant now, Instant expiresAt) {
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a verification token must expire in the future");
        }
        return new EmailVerificationToken(tokenHash, accountId, email, now, expiresAt);
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void consume(Instant now) {
        if (!usableAt(now)) {
            throw new IllegalStateException("verification token expired or already used");
        }
        usedAt = now;
    }

    UUID accountId() {
        return accountId;
    }

    String email() {
        return email;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Nullable Instant usedAt() {
        return usedAt;
    }
}
