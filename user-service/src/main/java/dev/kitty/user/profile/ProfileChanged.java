package dev.kitty.user.profile;

import java.util.UUID;

/** Domain event: what other members see of a user changed, or the profile was just created. */
public record ProfileChanged(UUID userId, String email, String displayName) {
}
