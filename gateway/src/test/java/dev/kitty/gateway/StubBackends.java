package dev.kitty.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * One tiny real HTTP server per service id on 127.0.0.1. Each answers any request with
 * {@code key=value} lines: which service it is, the method, the path and query it received,
 * and every request header (lower-cased name), so a test sees exactly what the gateway sent.
 */
final class StubBackends implements AutoCloseable {

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();

    StubBackends(List<String> serviceIds) {
        serviceIds.forEach(id -> servers.put(id, start(id)));
    }

    String uri(String serviceId) {
        return "http://127.0.0.1:" + servers.get(serviceId).getAddress().getPort();
    }

    /** A local port nothing listens on: a registered instance that has gone away. */
    static String deadUri() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A local port where a server reads each request and hangs up without answering: an instance killed with the
     * request in flight. Lives as long as the test JVM.
     */
    static String hangingUpUri() {
        try {
            var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("hanging-up-backend").start(() -> {
                while (!server.isClosed()) {
                    try (var socket = server.accept()) {
                        socket.getInputStream().read(new byte[8192]);
                    } catch (IOException ignored) {
                        // the next one
                    }
                }
            });
            return "http://127.0.0.1:" + server.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties parse(String body) {
        var echoed = new Properties();
        body.lines().filter(line -> line.contains("=")).forEach(line -> {
            var at = line.indexOf('=');
            echoed.setProperty(line.substring(0, at), line.substring(at + 1));
        });
        return echoed;
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
    }

    private static HttpServer start(String serviceId) {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> echo(serviceId, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void echo(String serviceId, HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            var body = new StringBuilder()
                    .append("service=").append(serviceId).append('\n')
                    .append("method=").append(exchange.getRequestMethod()).append('\n')
                    .append("path=").append(exchange.getRequestURI().getRawPath()).append('\n')
                    .append("query=").append(String.valueOf(exchange.getRequestURI().getRawQuery())).append('\n');
            exchange.getRequestHeaders().forEach((name, values) -> body.append("header.")
                    .append(name.toLowerCase(Locale.ROOT)).append('=').append(String.join(",", values)).append('\n'));
            var bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
