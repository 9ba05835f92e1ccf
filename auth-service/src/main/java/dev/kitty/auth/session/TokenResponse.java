package dev.kitty.auth.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth2 token response shape (RFC 6749 §5.1), hence snake_case. */
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    static TokenResponse from(IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.accessTokenTtl().toSeconds());
    }
}
