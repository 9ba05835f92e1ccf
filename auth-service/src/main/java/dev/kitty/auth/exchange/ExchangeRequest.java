package dev.kitty.auth.exchange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the gateway decoded from {@code Authorization: Basic}. The secret is a password or a
 * personal access token, told apart by the token's prefix; bounded like a password at login.
 */
record ExchangeRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String secret) {

    @Override
    public String toString() {
        return "ExchangeRequest[email=" + email + ", secret redacted]";
    }
}
