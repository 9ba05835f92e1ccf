package dev.kitty.platform.messaging;

/** An event that retrying cannot fix: malformed, or breaking its contract. Goes straight to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
