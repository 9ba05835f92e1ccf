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

    /** Lowest port {@link #freePort()} hands out. */
    public static final int LOW = 20_000;

    /** Highest port {@link #freePort()} hands out: below Linux's ephemeral range (32768 and up). */
    public static final int HIGH = 32_000;

    /**
     * A port that was free on 127.0.0.1 a moment ago, chosen at random below the operating system's ephemeral
     * range. A port the OS hands out for port 0 can be handed out again, for an outgoing connection or another
     * process's port 0, in the moment before our server binds it: under load that happened ("port already in use"
     * for Kafka and for a service). A port from {@value #LOW} to {@value #HIGH} is only taken by whoever asks for it
     * by number.
     */
    public static int freePort() {
        return freePortOtherThan();
    }

    /**
     * {@link #freePort()}, never one of {@code chosen}: ports picked a moment ago are still free until their server
     * binds them, and two random picks from this range meet about once in 12,000 starts (a broker got the same port for
     * its listener and its controller in CI).
     */
    public static int freePortOtherThan(int... chosen) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = random.nextInt(LOW, HIGH + 1);
            if (java.util.Arrays.stream(chosen).anyMatch(taken -> taken == port)) {
                continue;
            }
            try (var socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port on " + LOOPBACK_HOST + " between " + LOW + " and " + HIGH));
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
