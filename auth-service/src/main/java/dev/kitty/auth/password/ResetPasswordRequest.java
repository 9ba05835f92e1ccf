package dev.kitty.auth.password;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record ResetPasswordRequest(@NotBlank @Size(max = 128) String token, @NotNull @Size(max = 4096) String newPassword) {

    @Override
    public String toString() {
        return "ResetPasswordRequest[token and password redacted]";
    }
}
