package dev.kitty.user;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 playing auth-service's {@code POST /api/auth/internal/account-deletion-approvals},
 * the boundary user-service's deletion crosses (ADR 12): it answers what the test sets and records what it was asked.
 * One per JVM, registered as the {@code auth-service} instance of the simple discovery client.
 */
final class StubAuthService {

    static final String APPROVALS = "/api/auth/internal/account-deletion-approvals";

    /** What the next requests get. */
    sealed interface Answer {
        record Status(int status, String body, Map<String, String> headers) implements Answer {}
        /** Answers 204 after {@code delay}. */
        record Slow(Duration delay) implements Answer {}
        /** Closes the connection without an answer. */
        record Hangup() implements Answer {}
    }

    record Request(String method, String path, String authorization, String contentType, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer = approve();

    private StubAuthService(HttpServer server) {
        this.server = server;
    }

    static StubAuthService start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            var stub = new StubAuthService(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the stub auth-service", e);
        }
    }

    static Answer approve() {
        return new Answer.Status(204, "", Map.of());
    }

    static Answer problem(int status, String slug, Map<String, String> headers) {
        var body = """
                {"type": "https://kitty.dev/problems/%s", "title": "Refused", "status": %d, "detail": "auth-service says no (%s)."}"""
                .formatted(slug, status, slug);
        return new Answer.Status(status, body, headers);
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(Answer next) {
        answer = next;
    }

    /** Back to approving, with nothing recorded. */
    void reset() {
        answer = approve();
        requests.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    String.valueOf(headers.getFirst("Authorization")), String.valueOf(headers.getFirst("Content-Type")), body));
            switch (answer) {
                case Answer.Status status -> {
                    status.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                    var bytes = status.body().getBytes(StandardCharsets.UTF_8);
                    if (bytes.length > 0) {
                        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                    }
                    exchange.sendResponseHeaders(status.status(), bytes.length == 0 ? -1 : bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                case Answer.Slow slow -> {
                    try {
                        Thread.sleep(slow.delay());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
                case Answer.Hangup hangup -> {
                    // close without a status line: the client sees the connection end
                }
            }
        }
    }
}
