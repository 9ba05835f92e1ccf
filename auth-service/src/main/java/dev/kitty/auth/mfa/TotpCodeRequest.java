package dev.kitty.auth.mfa;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param code a 6-digit TOTP code or, where accepted, a recovery code */
record TotpCodeRequest(@NotBlank @Size(max = 64) String code) {

    @Override
    public String toString() {
        return "TotpCodeRequest[code redacted]";
    }
}
