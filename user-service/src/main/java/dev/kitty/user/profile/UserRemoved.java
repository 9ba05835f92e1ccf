package dev.kitty.user.profile;

import java.time.Instant;
import java.util.UUID;

/** Domain event: the user's profile and settings were deleted for good; every other service must drop them too. */
public record UserRemoved(UUID userId, Instant deletedAt) {
}
