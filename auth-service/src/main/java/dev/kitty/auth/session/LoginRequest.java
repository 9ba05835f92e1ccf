package dev.kitty.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The second factor fields are part of the contract already; no account can have 2FA on
 * until TOTP enrolment exists, so they are accepted and not yet consulted.
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
