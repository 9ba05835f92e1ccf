package dev.kitty.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code otp} (the 6-digit TOTP code) or {@code recoveryCode} is consulted only for an account
 * with 2FA on, and only after the password was right; {@code otp} wins when both are given.
 * The password is bounded by the policy's maximum, 1024 code points, i.e. at most 2048 UTF-16
 * units (what {@code @Size} counts), so that nobody makes us hash megabytes.
 */
record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotNull @Size(max = 2048) String password,
        @Size(max = 16) @Nullable String otp,
        @Size(max = 64) @Nullable String recoveryCode) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", secrets redacted]";
    }
}
