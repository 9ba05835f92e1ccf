package dev.kitty.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Port checks on the loopback address every embedded server binds to. */
public final class Ports {

    static final String LOOPBACK_HOST = "127.0.0.1";
    private static final InetAddress LOOPBACK = loopback();

    private Ports() {
    }

    /**
     * Fails fast when {@code 127.0.0.1:port} cannot be bound.
     *
     * @param what a human name for the server that wants the port, used in the message
     * @throws PortInUseException naming {@code what} and the port
     */
    public static void requireFree(String what, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " (" + what + ") is not a valid TCP port");
        }
        try (var socket = new ServerSocket()) {
            // connections of our own previous run lingering in TIME_WAIT must not count as "in use"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
        } catch (IOException e) {
            throw new PortInUseException(what, port, e);
        }
    }

    /** An ephemeral port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK_HOST, e);
        }
    }

    private static InetAddress loopback() {
        try {
            // explicit IPv4: InetAddress.getLoopbackAddress() may answer ::1
            return InetAddress.getByAddress(LOOPBACK_HOST, new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
