package dev.kitty.auth.registration;

import java.time.Instant;
import java.util.UUID;

/** Domain event: a verification link was issued and is due to be mailed. The token is the plain one, shown nowhere else. */
public record EmailVerificationIssued(UUID accountId, String email, String displayName, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "EmailVerificationIssued[accountId=" + accountId + ", token redacted, expiresAt=" + expiresAt + "]";
    }
}
