package dev.kitty.auth.password;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Both passwords exactly as typed. The current one is bounded like a login's (1024 code points,
 * at most 2048 UTF-16 units); the new one is judged by the password policy, which names its own
 * reasons (too short, too long, common).
 */
record ChangePasswordRequest(@NotNull @Size(max = 2048) String currentPassword, @NotNull @Size(max = 4096) String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[passwords redacted]";
    }
}
