package dev.kitty.gateway.basic;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claims the cache needs to drop a token when its account's credentials are revoked, read from
 * the payload of a token auth-service just issued over the internal network. Not a verification:
 * the services verify every token they receive; the gateway only files it.
 */
record IssuedClaims(UUID subject, Instant issuedAt, @Nullable String session) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Null when the token is not a JWT with a UUID subject and an issue time. */
    static @Nullable IssuedClaims of(String compactJwt) {
        var parts = compactJwt.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            var payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            var subject = payload.path("sub").asString(null);
            var issuedAt = payload.path("iat");
            if (subject == null || !issuedAt.isNumber()) {
                return null;
            }
            var session = payload.path("sid").asString(null);
            return new IssuedClaims(UUID.fromString(subject), Instant.ofEpochSecond(issuedAt.asLong()), session);
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }
}
