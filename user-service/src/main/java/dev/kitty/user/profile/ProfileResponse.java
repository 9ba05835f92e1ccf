package dev.kitty.user.profile;

import java.time.Instant;
import java.util.UUID;

record ProfileResponse(UUID id, String email, String displayName, boolean emailVerified, Instant createdAt) {

    static ProfileResponse from(Profile profile) {
        return new ProfileResponse(profile.id(), profile.email(), profile.displayName(), profile.emailVerified(), profile.createdAt());
    }
}
