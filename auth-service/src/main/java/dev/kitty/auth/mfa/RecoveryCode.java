package dev.kitty.auth.mfa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A single-use second factor for when the authenticator app is lost. Stored by hash only. */
@Entity
@Table(name = "recovery_code")
class RecoveryCode {

    @Id
    private UUID id;

    private UUID accountId;

    private String codeHash;

    private Instant createdAt;

    private @Nullable Instant usedAt;

    @Version
    private @Nullable Long version;

    protected RecoveryCode() {
        // for JPA
    }

    private RecoveryCode(UUID accountId, String codeHash, Instant now) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.codeHash = codeHash;
        this.createdAt = now;
    }

    static RecoveryCode issue(UUID accountId, String codeHash, Instant now) {
        return new RecoveryCode(accountId, codeHash, now);
    }

    boolean usable() {
        return usedAt == null;
    }

    void consume(Instant now) {
        if (!usable()) {
            throw new IllegalStateException("recovery code already used");
        }
        usedAt = now;
    }
}
