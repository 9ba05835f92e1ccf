package dev.kitty.auth.registration;

import dev.kitty.auth.account.Account;
import dev.kitty.platform.web.VisibleText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Email and display name are normalised on the way in, so validation sees what will be
 * stored. The password is left exactly as typed: it is checked by the password policy,
 * which answers with its own problem type.
 */
record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull String password,
        @NotBlank @Size(max = 80) @VisibleText String displayName) {

    RegisterRequest {
        email = email == null ? null : Account.normaliseEmail(email);
        displayName = displayName == null ? null : displayName.strip();
    }

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", displayName=" + displayName + ", password redacted]";
    }
}
