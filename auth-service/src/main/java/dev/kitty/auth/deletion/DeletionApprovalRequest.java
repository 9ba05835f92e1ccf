package dev.kitty.auth.deletion;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whose account is to go and, when it is the caller's own, the proof they are its owner: the password
 * (bounded like a login's) and, with 2FA on, a TOTP code or a recovery code ({@code otp} wins when both are given).
 */
record DeletionApprovalRequest(
        @NotNull UUID userId,
        @Size(max = 2048) @Nullable String password,
        @Size(max = 16) @Nullable String otp,
        @Size(max = 64) @Nullable String recoveryCode) {

    @Override
    public String toString() {
        return "DeletionApprovalRequest[userId=" + userId + ", secrets redacted]";
    }
}
