package dev.kitty.auth.password;

import dev.kitty.auth.account.Account;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Normalised on the way in; validation depends on the address's form only, never on whether it has an account. */
record ForgotPasswordRequest(@NotBlank @Email @Size(max = 254) String email) {

    ForgotPasswordRequest {
        email = email == null ? null : Account.normaliseEmail(email);
    }
}
