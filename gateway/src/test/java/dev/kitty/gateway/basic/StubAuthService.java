package dev.kitty.gateway.basic;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on 127.0.0.1 playing auth-service. {@code POST /api/auth/exchange} issues
 * fake tokens and counts calls per email; what it answers depends on how the email starts:
 * {@code refused} and {@code mfa} → 401 problem, {@code throttled} → 429 with {@code Retry-After: 17},
 * {@code broken} → 500, {@code hanging} → a token after 2 s (too late), {@code short} → a token living 2 s,
 * {@code slow} → a token after 300 ms,
 * anything else → a token living 900 s. Every other path echoes the request like the downstream stub.
 */
final class StubAuthService implements AutoCloseable {

    static final String RETRY_AFTER = "17";

    /** The client credential the gateway under test is configured with. */
    static final String CLIENT_SECRET = "gateway-tests-exchange-client-secret";

    static final String CLIENT_AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("gateway:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final Map<String, AtomicInteger> exchangesByEmail = new ConcurrentHashMap<>();
    private final Map<String, String> lastSecretByEmail = new ConcurrentHashMap<>();
    private final Map<String, String> lastForwardedForByEmail = new ConcurrentHashMap<>();
    private final Map<String, String> lastClientAuthorizationByEmail = new ConcurrentHashMap<>();

    StubAuthService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/api/auth/exchange", this::exchange);
            server.createContext("/", EchoService::echo);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int exchanges() {
        return exchanges.get();
    }

    int exchangesFor(String email) {
        var count = exchangesByEmail.get(email);
        return count == null ? 0 : count.get();
    }

    String lastSecretFor(String email) {
        return lastSecretByEmail.get(email);
    }

    String lastClientAuthorizationFor(String email) {
        return lastClientAuthorizationByEmail.get(email);
    }

    /** The subject of the tokens issued for an email: a stable id per address. */
    static java.util.UUID userIdOf(String email) {
        return java.util.UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8));
    }

    String lastForwardedForFor(String email) {
        return lastForwardedForByEmail.get(email);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = json.readTree(exchange.getRequestBody().readAllBytes());
            var email = body.get("email").asString();
            exchanges.incrementAndGet();
            exchangesByEmail.computeIfAbsent(email, ignored -> new AtomicInteger()).incrementAndGet();
            lastSecretByEmail.put(email, body.get("secret").asString());
            var forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
            lastForwardedForByEmail.put(email, forwardedFor == null ? "(none)" : forwardedFor);
            var clientAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastClientAuthorizationByEmail.put(email, clientAuthorization == null ? "(none)" : clientAuthorization);
            var kind = email.toLowerCase(Locale.ROOT);
            if (!CLIENT_AUTHORIZATION.equals(clientAuthorization) || kind.startsWith("badclient")) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"kitty-internal\"");
                problem(exchange, 401, "invalid-client");
            } else if (kind.startsWith("refused")) {
                problem(exchange, 401, "invalid-credentials");
            } else if (kind.startsWith("mfa")) {
                problem(exchange, 401, "mfa-required");
            } else if (kind.startsWith("throttled")) {
                exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER);
                problem(exchange, 429, "too-many-requests");
            } else if (kind.startsWith("broken")) {
                problem(exchange, 500, "internal");
            } else {
                if (kind.startsWith("slow")) {
                    sleep(300);
                } else if (kind.startsWith("hanging")) {
                    sleep(2_000);
                }
                var expiresIn = kind.startsWith("short") ? 2 : 900;
                send(exchange, 200, "application/json", """
                        {"access_token":"%s","token_type":"Bearer","expires_in":%d,"scope":"api"}"""
                        .formatted(jwtFor(email, issued.incrementAndGet()), expiresIn));
            }
        }
    }

    /** Shaped like auth-service's tokens (subject, issue time, id); unsigned, since nothing downstream checks it here. */
    private static String jwtFor(String email, int serial) {
        var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        var header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        var claims = encoder.encodeToString("{\"sub\":\"%s\",\"iat\":%d,\"jti\":\"stub-token-%d\"}"
                .formatted(userIdOf(email), java.time.Instant.now().getEpochSecond(), serial).getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c3R1Yg";
    }

    private static void problem(HttpExchange exchange, int status, String slug) throws IOException {
        send(exchange, status, "application/problem+json", """
                {"type":"https://kitty.dev/problems/%s","title":"stub","status":%d,"detail":"from the stub auth-service"}"""
                .formatted(slug, status));
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
