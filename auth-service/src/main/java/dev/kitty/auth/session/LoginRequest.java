package dev.kitty.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code otp} (the 6-digit TOTP code) or {@code recoveryCode} is consulted only for an account
 * with 2FA on, and only after the password was right; {@code otp} wins when both are given.
 * 1024 characters bound the password (the policy's maximum) so that nobody makes us hash megabytes.
 */
record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotNull @Size(max = 1024) String password,
        @Size(max = 16) @Nullable String otp,
        @Size(max = 64) @Nullable String recoveryCode) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", secrets redacted]";
    }
}
