package dev.kitty.auth.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** An OAuth2-style token response (RFC 6749 §5.1), hence snake_case; deliberately without a refresh token. */
record ExchangeResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    static ExchangeResponse from(CredentialExchange.Exchanged exchanged) {
        return new ExchangeResponse(exchanged.accessToken(), "Bearer", exchanged.ttl().toSeconds());
    }

    @Override
    public String toString() {
        return "ExchangeResponse[expiresIn=" + expiresIn + ", token redacted]";
    }
}
