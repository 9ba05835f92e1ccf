package dev.kitty.auth.pat;

import dev.kitty.platform.web.VisibleText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** @param expiresInDays absent: the token lives until revoked */
record CreateTokenRequest(
        @NotBlank @Size(max = PersonalAccessToken.MAX_NAME_LENGTH) @VisibleText String name,
        @Min(1) @Max(3650) @Nullable Integer expiresInDays) {

    CreateTokenRequest {
        name = name == null ? null : name.strip();
    }
}
