package dev.kitty.user.profile;

import dev.kitty.platform.web.VisibleText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The name is trimmed before it is checked, so surrounding blanks neither count nor get stored. */
record UpdateProfileRequest(
        @NotBlank
        @Size(max = Profile.MAX_DISPLAY_NAME_LENGTH)
        @VisibleText
        @Nullable String displayName) {

    UpdateProfileRequest {
        displayName = displayName == null ? null : displayName.strip();
    }
}
