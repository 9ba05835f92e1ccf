package dev.kitty.user.deletion;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The owner's proof, passed on to auth-service and nowhere else (never stored, never logged): the password, bounded
 * like a login's, and with 2FA on a TOTP code ({@code otp}) or a recovery code.
 */
record DeleteAccountRequest(
        @NotNull @Size(min = 1, max = 2048) String password,
        @Size(max = 16) @Nullable String otp,
        @Size(max = 64) @Nullable String recoveryCode) {

    @Override
    public String toString() {
        return "DeleteAccountRequest[secrets redacted]";
    }
}
