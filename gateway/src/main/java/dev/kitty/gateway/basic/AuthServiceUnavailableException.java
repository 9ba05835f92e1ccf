package dev.kitty.gateway.basic;

/**
 * Signals a failed exchange inside the circuit breaker, which counts only errors as failures;
 * it becomes {@link ExchangeOutcome.Unavailable} on the way out.
 */
final class AuthServiceUnavailableException extends RuntimeException {

    AuthServiceUnavailableException(String message) {
        super(message, null, false, false);
    }
}
