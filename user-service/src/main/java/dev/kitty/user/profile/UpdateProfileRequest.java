package dev.kitty.user.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The name is trimmed before it is checked, so surrounding blanks neither count nor get stored. */
record UpdateProfileRequest(
        @NotBlank
        @Size(max = Profile.MAX_DISPLAY_NAME_LENGTH)
        @Pattern(regexp = "[^\\p{Cc}]*", message = "must not contain control characters")
        @Nullable String displayName) {

    UpdateProfileRequest {
        displayName = displayName == null ? null : displayName.strip();
    }
}
