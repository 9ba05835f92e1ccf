package dev.kitty.devstack;

/** The stack could not be started; everything that had been started is stopped again. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }

}
