package dev.kitty.gateway.basic;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * How an exchange ended. Kept as values rather than exceptions: every waiting request gets the
 * same answer from the shared cache entry, and only {@link Issued} is ever kept there.
 */
sealed interface ExchangeOutcome {

    record Issued(AccessToken token) implements ExchangeOutcome {}

    /**
     * The credentials were not accepted (wrong, 2FA account with a password, throttled, ...).
     * The body is auth-service's problem, relayed to the client as it is.
     */
    record Refused(HttpStatusCode status, @Nullable MediaType contentType, byte[] body, @Nullable String retryAfter)
            implements ExchangeOutcome {}

    /** No usable answer: auth-service down, slow, failing, or the circuit breaker open. */
    record Unavailable(String reason) implements ExchangeOutcome {}
}
