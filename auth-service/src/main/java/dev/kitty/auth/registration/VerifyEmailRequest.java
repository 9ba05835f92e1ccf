package dev.kitty.auth.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record VerifyEmailRequest(@NotBlank @Size(max = 128) String token) {

    @Override
    public String toString() {
        return "VerifyEmailRequest[token redacted]";
    }
}
