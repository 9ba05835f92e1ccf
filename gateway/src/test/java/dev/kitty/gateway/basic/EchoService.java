package dev.kitty.gateway.basic;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 playing a downstream service: answers {@code key=value} lines
 * with the path and every request header it received (lower-cased names), with the status given
 * in the query as {@code status=<code>} (200 otherwise), so a test sees exactly what the gateway sent.
 */
final class EchoService implements AutoCloseable {

    private final HttpServer server;

    EchoService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", EchoService::echo);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static Properties parse(String body) {
        var echoed = new Properties();
        body.lines().filter(line -> line.contains("=")).forEach(line -> {
            var at = line.indexOf('=');
            echoed.setProperty(line.substring(0, at), line.substring(at + 1));
        });
        return echoed;
    }

    static void echo(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            var query = exchange.getRequestURI().getRawQuery();
            var status = query != null && query.startsWith("status=") ? Integer.parseInt(query.substring(7)) : 200;
            var body = new StringBuilder().append("path=").append(exchange.getRequestURI().getRawPath()).append('\n');
            exchange.getRequestHeaders().forEach((name, values) -> body.append("header.")
                    .append(name.toLowerCase(Locale.ROOT)).append('=').append(String.join(",", values)).append('\n'));
            StubAuthService.send(exchange, status, "text/plain;charset=utf-8", body.toString());
        }
    }
}
