package dev.kitty.transaction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 playing budget-service's {@code GET /api/budgets/{id}} for the read-your-writes
 * fallback (ADR 14): it knows the memberships the test gives it (the caller is the token's subject, read without
 * checking the signature: the stub trusts its caller), answers 404 for everything else, or fails as the test says.
 * One per JVM, registered as the {@code budget-service} instance of the simple discovery client.
 */
public final class StubBudgetService {

    private static final Pattern BUDGET_PATH = Pattern.compile("/api/budgets/([0-9a-f-]{36})");
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"");

    public enum Mode { ANSWER, FAIL }

    public record Request(String path, String authorization) {}

    private record Membership(String role, String currency) {}

    private final HttpServer server;
    private final Map<String, Membership> memberships = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ANSWER;

    private StubBudgetService(HttpServer server) {
        this.server = server;
    }

    static StubBudgetService start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            var stub = new StubBudgetService(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the stub budget-service", e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** budget-service knows the user as a member of the budget. */
    public void member(UUID budget, UUID user, String role, String currency) {
        memberships.put(budget + "/" + user, new Membership(role, currency));
    }

    public void mode(Mode next) {
        mode = next;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsFor(UUID budget) {
        return requests().stream().filter(r -> r.path().contains(budget.toString())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(new Request(path, authorization));
            if (mode == Mode.FAIL) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            var matcher = BUDGET_PATH.matcher(path);
            var membership = matcher.matches() ? memberships.get(matcher.group(1) + "/" + subject(authorization)) : null;
            if (!"GET".equals(exchange.getRequestMethod()) || membership == null) {
                var body = "{\"type\": \"https://kitty.dev/problems/not-found\", \"status\": 404}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            var body = """
                    {"id": "%s", "name": "Household", "currency": "%s", "description": null, "timeZone": "Europe/Berlin",
                     "myRole": "%s", "createdAt": "2026-01-01T00:00:00Z"}""".formatted(matcher.group(1), membership.currency(), membership.role())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String subject(String authorization) {
        var parts = authorization.replace("Bearer ", "").split("\\.");
        if (parts.length < 2) {
            return "";
        }
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        var matcher = SUBJECT.matcher(payload);
        return matcher.find() ? matcher.group(1) : "";
    }
}
