package dev.kitty.auth.pat;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record PersonalAccessTokenResponse(UUID id, String name, Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {

    static PersonalAccessTokenResponse from(PersonalAccessToken token) {
        return new PersonalAccessTokenResponse(token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt());
    }
}
