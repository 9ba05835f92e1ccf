package dev.kitty.auth.pat;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The only response that ever carries the token itself. */
record CreatedTokenResponse(UUID id, String name, String token, @Nullable Instant expiresAt) {

    static CreatedTokenResponse from(PersonalAccessTokens.CreatedToken created) {
        var token = created.token();
        return new CreatedTokenResponse(token.id(), token.name(), created.value(), token.expiresAt());
    }

    @Override
    public String toString() {
        return "CreatedTokenResponse[id=" + id + ", name=" + name + ", token redacted]";
    }
}
