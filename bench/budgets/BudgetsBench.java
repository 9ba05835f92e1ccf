import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Budget reads through the gateway for a user who belongs to many budgets, beside GET /api/users/me in the same
 * run: latency (p50/p95/p99/mean, the kinds interleaved so they share JIT, GC and machine load) and throughput
 * (requests per second with several clients). Measures and prints; asserts nothing. See bench/README.md.
 *
 *   java bench/budgets/BudgetsBench.java [--gateway http://localhost:8080] [--budgets 500] [--calls 2000]
 *       [--warmup 500] [--clients 4] [--seconds 10]
 */
public class BudgetsBench {

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String gateway = option(args, "--gateway", "http://localhost:8080");
        int budgets = Integer.parseInt(option(args, "--budgets", "500"));
        int calls = Integer.parseInt(option(args, "--calls", "2000"));
        int warmup = Integer.parseInt(option(args, "--warmup", "500"));
        int clients = Integer.parseInt(option(args, "--clients", "4"));
        int seconds = Integer.parseInt(option(args, "--seconds", "10"));

        String email = "bench-" + UUID.randomUUID() + "@bench.kitty.test";
        String password = "bench lantern " + UUID.randomUUID().toString().substring(0, 8) + " harbour";
        check(send("POST", gateway + "/api/auth/register", null,
                "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Bench\"}".formatted(email, password)), 201);
        String token = login(gateway, email, password);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("GET", gateway + "/api/users/me", token, null).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no profile within 60 s");
            }
            Thread.sleep(200);
        }

        System.out.printf("== budgets through the gateway %s: one user in %d budgets%n", gateway, budgets);
        long setupStarted = System.nanoTime();
        String someBudget = null;
        for (int i = 0; i < budgets; i++) {
            var created = check(send("POST", gateway + "/api/budgets", token,
                    "{\"name\":\"Bench budget %04d\",\"currency\":\"EUR\"}".formatted(i)), 201);
            if (i == budgets / 2) {
                var matcher = ID.matcher(created.body());
                matcher.find();
                someBudget = matcher.group(1);
            }
        }
        System.out.printf("created %d budgets in %.1f s (%.1f ms each)%n", budgets, seconds(setupStarted),
                millis(System.nanoTime() - setupStarted) / budgets);
        // access tokens live 15 minutes: a fresh one covers the measurement
        token = login(gateway, email, password);

        var targets = List.of(
                new Target("GET /api/users/me", gateway + "/api/users/me"),
                new Target("GET /api/budgets (page 0, size 20)", gateway + "/api/budgets"),
                new Target("GET /api/budgets?size=100", gateway + "/api/budgets?size=100"),
                new Target("GET /api/budgets/{id}", gateway + "/api/budgets/" + someBudget));
        for (int i = 0; i < warmup; i++) {
            for (var target : targets) {
                check(send("GET", target.url, token, null), 200);
            }
        }
        var samples = new long[targets.size()][calls];
        for (int i = 0; i < calls; i++) {
            for (int t = 0; t < targets.size(); t++) {
                long started = System.nanoTime();
                check(send("GET", targets.get(t).url, token, null), 200);
                samples[t][i] = System.nanoTime() - started;
            }
        }
        System.out.printf("%nlatency, one client, %d calls each after %d warm-up calls each, interleaved:%n", calls, warmup);
        System.out.printf("  %-36s %8s %8s %8s %8s %10s%n", "", "p50 ms", "p95 ms", "p99 ms", "mean ms", "vs me p50");
        double meP50 = percentile(samples[0], 50);
        for (int t = 0; t < targets.size(); t++) {
            double p50 = percentile(samples[t], 50);
            System.out.printf(Locale.ROOT, "  %-36s %8.2f %8.2f %8.2f %8.2f %9.0f%%%n", targets.get(t).name, p50,
                    percentile(samples[t], 95), percentile(samples[t], 99), mean(samples[t]), 100 * (p50 - meP50) / meP50);
        }

        System.out.printf("%nthroughput, %d clients for %d s each:%n", clients, seconds);
        double meRps = 0;
        for (int t = 0; t < targets.size(); t++) {
            double rps = throughput(targets.get(t).url, token, clients, seconds);
            if (t == 0) {
                meRps = rps;
            }
            System.out.printf(Locale.ROOT, "  %-36s %8.0f req/s %6.0f%% of me%n", targets.get(t).name, rps, 100 * rps / meRps);
        }
    }

    record Target(String name, String url) {}

    static double throughput(String url, String token, int clients, int seconds) throws Exception {
        var stop = new AtomicBoolean();
        var done = new AtomicLong();
        var failed = new AtomicLong();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            if (send("GET", url, token, null).statusCode() == 200) {
                                done.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            if (failed.get() > 0) {
                System.out.printf("  (%d failed calls on %s)%n", failed.get(), url);
            }
            return done.get() / seconds(started);
        }
    }

    static String login(String gateway, String email, String password) throws Exception {
        var response = check(send("POST", gateway + "/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)), 200);
        var matcher = ACCESS_TOKEN.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no access token in " + response.body());
        }
        return matcher.group(1);
    }

    static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static double percentile(long[] nanos, double p) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return millis(sorted[Math.max(0, index)]);
    }

    static double mean(long[] nanos) {
        return millis((long) Arrays.stream(nanos).average().orElse(0));
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("java bench/budgets/BudgetsBench.java [--gateway URL] [--budgets N] [--calls N] [--warmup N] [--clients N] [--seconds N]");
            System.exit(0);
        }
        return fallback;
    }
}
