import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * HTTP Basic vs Bearer at the gateway: how many exchanges 1,000 Basic calls cost auth-service,
 * and what Basic adds to a request's latency. Measures and prints; asserts nothing.
 * Single-file program (JDK 21+, no dependencies): see bench/README.md.
 *
 *   java bench/gateway-basic/GatewayBasicBench.java --stubs [--jar gateway/target/gateway.jar]
 *   java bench/gateway-basic/GatewayBasicBench.java --gateway http://localhost:8080 [--email E --password P]
 */
public class GatewayBasicBench {

    static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        if (options.stubs) {
            try (var stack = StubStack.start(options)) {
                run(options, stack.gateway, stack.gatewayMetrics, stack);
            }
        } else {
            run(options, options.gateway, options.gatewayMetricsUrl, null);
        }
    }

    static void run(Options options, String gateway, String gatewayMetrics, StubStack stubs) throws Exception {
        var credentials = stubs != null ? Credentials.forStubs() : Credentials.forStack(options, gateway);
        var path = options.path;
        var calls = options.calls;
        System.out.printf("== HTTP Basic vs Bearer at %s%s (%s)%n", gateway, path,
                stubs != null ? "gateway with stub auth-service and stub downstream" : "real stack");

        // 1. cold: the first 1,000 Basic calls with credentials the gateway has never seen
        var before = exchangesCounted(gatewayMetrics);
        var authBefore = stubs != null ? stubs.exchanges.get() : authServiceExchanges(options.authUrl);
        var cold = new long[calls];
        for (int i = 0; i < calls; i++) {
            cold[i] = timed(gateway + path, credentials.basic());
        }
        var exchangesByGateway = exchangesCounted(gatewayMetrics) - before;
        var authAfter = stubs != null ? stubs.exchanges.get() : authServiceExchanges(options.authUrl);
        var exchangesAtAuth = authBefore < 0 || authAfter < 0 ? -1 : authAfter - authBefore;

        // 2. warm-up, then both kinds interleaved so they share JIT, GC and machine load
        for (int i = 0; i < options.warmup; i++) {
            timed(gateway + path, credentials.basic());
            timed(gateway + path, credentials.bearer());
        }
        var basic = new long[calls];
        var bearer = new long[calls];
        for (int i = 0; i < calls; i++) {
            basic[i] = timed(gateway + path, credentials.basic());
            bearer[i] = timed(gateway + path, credentials.bearer());
        }

        // 3. cache misses: each call with credentials never seen before (stubs only: any email works there)
        long[] misses = null;
        if (stubs != null) {
            misses = new long[options.misses];
            for (int i = 0; i < misses.length; i++) {
                misses[i] = timed(gateway + path, Credentials.forStubs().basic());
            }
        }

        System.out.println();
        System.out.printf("%d Basic calls, same credentials, starting cold:%n", calls);
        System.out.printf("  exchanges counted by the gateway (kitty_gateway_basic_exchanges_total): %s%n",
                exchangesByGateway < 0 ? "n/a (no /actuator/prometheus)" : exchangesByGateway);
        System.out.printf("  exchange requests auth-service received:                               %s%n",
                exchangesAtAuth < 0 ? "n/a (auth-service metrics not reachable; see --auth-url)" : exchangesAtAuth);
        System.out.printf("  first call (cache miss, includes the exchange): %.2f ms%n", cold[0] / 1e6);
        System.out.println();
        System.out.printf("Latency per request, %d calls each after %d warm-up calls of each:%n", calls, options.warmup);
        System.out.println("  | request                        |   p50 ms |   p95 ms |   p99 ms |  mean ms |");
        System.out.println("  |--------------------------------|---------:|---------:|---------:|---------:|");
        row("Bearer (token passed through)", bearer);
        row("Basic (cached token)", basic);
        if (misses != null) {
            row("Basic (cache miss, exchange)", misses);
        }
        System.out.printf("  Basic over Bearer: %+.3f ms at p50, %+.3f ms at p95%n",
                (percentile(basic, 50) - percentile(bearer, 50)) / 1e6,
                (percentile(basic, 95) - percentile(bearer, 95)) / 1e6);
    }

    static void row(String name, long[] nanos) {
        System.out.printf("  | %-30s | %8.3f | %8.3f | %8.3f | %8.3f |%n", name,
                percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 99) / 1e6,
                Arrays.stream(nanos).average().orElse(0) / 1e6);
    }

    static long percentile(long[] values, int p) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** One GET, timed from send to the last body byte; a non-2xx answer stops the benchmark. */
    static long timed(String url, String authorization) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build();
        var started = System.nanoTime();
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        var elapsed = System.nanoTime() - started;
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return elapsed;
    }

    /** Sum of kitty_gateway_basic_exchanges_total over all outcomes (from the gateway's management port), or -1 when not readable. */
    static long exchangesCounted(String gatewayMetrics) {
        return sumOf(gatewayMetrics + "/actuator/prometheus", "kitty_gateway_basic_exchanges_total");
    }

    /** auth-service's own count of requests to /api/auth/exchange, or -1 when not readable. */
    static long authServiceExchanges(String authUrl) {
        return authUrl == null ? -1 : sumOf(authUrl + "/actuator/prometheus",
                "http_server_requests_seconds_count", "uri=\"/api/auth/exchange\"");
    }

    static long sumOf(String url, String metric, String... labels) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            double sum = 0;
            for (var line : response.body().lines().toList()) {
                if (line.startsWith(metric + "{") && Arrays.stream(labels).allMatch(line::contains)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return Math.round(sum);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    record Credentials(String basic, String bearer) {

        /** The stub auth-service accepts any credentials; the stub downstream accepts any token. */
        static Credentials forStubs() {
            return new Credentials(basicHeader("bench-" + UUID.randomUUID() + "@example.com", "bench secret"),
                    "Bearer bench.stub.token");
        }

        /** A real account: the one given, or a fresh one registered now (new to the gateway's cache). */
        static Credentials forStack(Options options, String gateway) throws IOException, InterruptedException {
            var email = options.email;
            var password = options.password;
            if (email == null) {
                email = "bench-" + UUID.randomUUID() + "@example.com";
                password = "bench-" + UUID.randomUUID();
                var registered = post(gateway + "/api/auth/register", """
                        {"email":"%s","password":"%s","displayName":"Benchmark"}""".formatted(email, password));
                if (registered.statusCode() != 201) {
                    throw new IllegalStateException("Registering a benchmark account answered "
                            + registered.statusCode() + ": " + registered.body() + " (or pass --email and --password)");
                }
            }
            var login = post(gateway + "/api/auth/login", """
                    {"email":"%s","password":"%s"}""".formatted(email, password));
            var token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
            if (login.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Logging in answered " + login.statusCode() + ": " + login.body());
            }
            var secret = options.pat != null ? options.pat : password;
            return new Credentials(basicHeader(email, secret), "Bearer " + token.group(1));
        }

        static String basicHeader(String email, String secret) {
            return "Basic " + Base64.getEncoder().encodeToString((email + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * The gateway jar started on free ports in front of two stub servers found through the simple
     * discovery client: an auth-service whose exchange endpoint issues a fake token after
     * {@code --exchange-delay-ms} (a stand-in for password hashing) and counts calls, and a
     * user-service that answers 200 at once. What is measured is then the gateway alone.
     */
    static final class StubStack implements AutoCloseable {

        final AtomicInteger exchanges = new AtomicInteger();
        final HttpServer auth;
        final HttpServer users;
        final Process process;
        final String gateway;
        final String gatewayMetrics;

        private StubStack(Options options) throws Exception {
            auth = server(exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchanges.incrementAndGet();
                if (options.exchangeDelayMs > 0) {
                    Thread.sleep(options.exchangeDelayMs);
                }
                respond(exchange, "application/json",
                        "{\"access_token\":\"bench.stub." + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
            });
            users = server(exchange -> {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, "application/json", "{\"id\":\"bench\"}");
            });
            var jar = Path.of(options.jar);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build it first (./mvnw -pl gateway -am package -DskipTests)");
            }
            var port = freePort();
            gateway = "http://127.0.0.1:" + port;
            var managementPort = freePort();
            gatewayMetrics = "http://127.0.0.1:" + managementPort;
            var command = new ArrayList<String>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-jar", jar.toString(),
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--management.server.port=" + managementPort,
                    "--eureka.client.enabled=false",
                    "--spring.cloud.discovery.client.simple.instances.auth-service[0].uri=" + uri(auth),
                    "--spring.cloud.discovery.client.simple.instances.user-service[0].uri=" + uri(users),
                    "--logging.level.root=WARN"));
            var log = Files.createTempFile("gateway-basic-bench", ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            System.out.printf("Starting the gateway from %s on port %d (log: %s)%n", jar, port, log);
            waitUntilUp(log);
        }

        static StubStack start(Options options) throws Exception {
            return new StubStack(options);
        }

        private void waitUntilUp(Path log) throws Exception {
            var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The gateway exited; see " + log);
                }
                try {
                    var health = http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/health/liveness")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("The gateway did not start within 90 s; see " + log);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            auth.stop(0);
            users.stop(0);
        }

        interface Handler {
            void handle(HttpExchange exchange) throws Exception;
        }

        static HttpServer server(Handler handler) throws IOException {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                }
            });
            server.start();
            return server;
        }

        static void respond(HttpExchange exchange, String type, String body) throws IOException {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }

        static String uri(HttpServer server) {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        static int freePort() throws IOException {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }

    static final class Options {
        boolean stubs = true;
        String gateway = "http://localhost:8080";
        String jar = "gateway/target/gateway.jar";
        String path = "/api/users/me";
        String gatewayMetricsUrl = "http://localhost:9080";
        String authUrl = "http://localhost:9081";
        String email;
        String password;
        String pat;
        int calls = 1000;
        int warmup = 1000;
        int misses = 200;
        long exchangeDelayMs = 50;

        static Options parse(String[] args) {
            var options = new Options();
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--stubs" -> options.stubs = true;
                    case "--help", "-h" -> {
                        System.out.println("""
                                --stubs                 start gateway/target/gateway.jar with stub backends (default)
                                --jar PATH              the gateway jar for --stubs
                                --exchange-delay-ms N   the stub exchange's answer time (default 50)
                                --gateway URL           measure a running stack's gateway instead
                                --gateway-metrics-url URL  the gateway's management address, for its exchange count (default http://localhost:9080)
                                --auth-url URL          auth-service's management address, for its request count (default http://localhost:9081)
                                --email E --password P  an existing account without 2FA (default: register a new one)
                                --pat TOKEN             use this personal access token as the Basic secret
                                --path PATH             the endpoint called (default /api/users/me)
                                --calls N --warmup N --misses N   counts (default 1000, 1000, 200)""");
                        System.exit(0);
                    }
                    default -> {
                        if (!args[i].startsWith("--") || i + 1 >= args.length) {
                            throw new IllegalArgumentException("Unknown argument " + args[i] + " (see --help)");
                        }
                        values.put(args[i].substring(2).toLowerCase(Locale.ROOT), args[++i]);
                    }
                }
            }
            values.forEach((name, value) -> {
                switch (name) {
                    case "gateway" -> {
                        options.gateway = value.replaceAll("/+$", "");
                        options.stubs = false;
                    }
                    case "jar" -> options.jar = value;
                    case "path" -> options.path = value;
                    case "gateway-metrics-url" -> options.gatewayMetricsUrl = value.replaceAll("/+$", "");
                    case "auth-url" -> options.authUrl = value.replaceAll("/+$", "");
                    case "email" -> options.email = value;
                    case "password" -> options.password = value;
                    case "pat" -> options.pat = value;
                    case "calls" -> options.calls = Integer.parseInt(value);
                    case "warmup" -> options.warmup = Integer.parseInt(value);
                    case "misses" -> options.misses = Integer.parseInt(value);
                    case "exchange-delay-ms" -> options.exchangeDelayMs = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("Unknown option --" + name + " (see --help)");
                }
            });
            if ((options.email == null) != (options.password == null)) {
                throw new IllegalArgumentException("--email and --password go together");
            }
            return options;
        }
    }
}
