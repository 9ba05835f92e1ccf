package dev.kitty.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LogoutRequest(@NotBlank @Size(max = 128) String refreshToken) {

    @Override
    public String toString() {
        return "LogoutRequest[token redacted]";
    }
}
