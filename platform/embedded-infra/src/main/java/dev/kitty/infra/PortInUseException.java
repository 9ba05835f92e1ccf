package dev.kitty.infra;

/**
 * A server could not start because something else already listens on its port. Raised before
 * starting rather than after, because some servers (embedded PostgreSQL) would otherwise report
 * success and quietly talk to whatever holds the port.
 */
public final class PortInUseException extends RuntimeException {

    private final int port;

    PortInUseException(String what, int port, Throwable cause) {
        super("Port " + port + " (" + what + ") is already in use on 127.0.0.1"
                + " — stop what holds it or choose another port", cause);
        this.port = port;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}
