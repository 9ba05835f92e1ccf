package dev.kitty.auth.password;

import java.time.Instant;
import java.util.UUID;

/** Domain event: a reset link was issued and is due to be mailed. The token is the plain one, shown nowhere else. */
public record PasswordResetIssued(UUID accountId, String email, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordResetIssued[accountId=" + accountId + ", token redacted, expiresAt=" + expiresAt + "]";
    }
}
