package dev.kitty.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kitty.devstack.RunningStack;
import dev.kitty.system.SharedStack;
import dev.kitty.system.fuzz.ApiDocument.Operation;
import dev.kitty.system.fuzz.RequestGenerator.FuzzRequest;
import dev.kitty.system.security.KittyClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11, hostile input: every operation of every service's OpenAPI document, called through the gateway with
 * requests generated from its schemas (see {@link RequestGenerator}), by the owner of a well-filled budget, a second
 * member, nobody and garbage credentials. Not one answer may be a 5xx, and every 4xx must be
 * {@code application/problem+json}. All violations are collected and listed, grouped by operation and status.
 *
 * <p>The seed is printed; {@code -Dkitty.fuzz.seed=<n>} replays it, {@code -Dkitty.fuzz.requests=<n>} sets the
 * number of requests (10,000 by default) and {@code -Dkitty.fuzz.threads=1} replays in the generated order.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith({SharedStack.class, SharedStack.LogTailsOnFailure.class})
class OpenApiFuzzIT {

    static final List<String> SERVICES = List.of("auth-service", "user-service", "budget-service", "transaction-service",
            "notification-service");

    /**
     * Password guesses, registrations and code guesses count against the client address every test class shares
     * (SharedStack raises those limits to 1,000): the run sends at most this many of them.
     */
    private static final int THROTTLED_BUDGET = 120;
    private static final int GARBAGE_BASIC_BUDGET = 40;

    private static KittyClient kitty;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack(RunningStack running) {
        kitty = new KittyClient(running);
    }

    record Outcome(FuzzRequest request, int status, String contentType, String body) {

        String describe() {
            return status + " " + contentType + " " + RequestGenerator.head(body, 200) + "\n      " + request.describe();
        }
    }

    @Test
    void everyOperationAnswersGeneratedAndMutatedRequestsWithoutA5xxAndWithProblemsFor4xx() throws Exception {
        long seed = Long.getLong("kitty.fuzz.seed", new SecureRandom().nextLong());
        int count = Integer.getInteger("kitty.fuzz.requests", 10_000);
        int threads = Integer.getInteger("kitty.fuzz.threads", 6);
        System.out.printf("OpenApiFuzzIT: seed %d, %d requests on %d threads; replay with -Dkitty.fuzz.seed=%d%n", seed, count, threads, seed);

        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            var document = kitty.get(kitty.gateway() + "/v3/api-docs/" + service, Map.of());
            assertThat(document.status()).as(service + "'s OpenAPI document: " + document).isEqualTo(200);
            operations.addAll(new ApiDocument(service, document.json()).operations());
        }
        assertThat(operations).as("operations in the documents").hasSizeGreaterThan(50);
        FuzzWorld world = FuzzWorld.create(kitty);

        List<FuzzRequest> requests = generate(seed, count, operations, world);
        var outcomes = new ConcurrentLinkedQueue<Outcome>();
        var statuses = new ConcurrentHashMap<Integer, LongAdder>();
        var unsendable = new AtomicInteger();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (FuzzRequest request : requests) {
                pool.submit(() -> {
                    Outcome outcome = send(request);
                    if (outcome == null) {
                        unsendable.incrementAndGet();
                        return;
                    }
                    statuses.computeIfAbsent(outcome.status(), k -> new LongAdder()).increment();
                    if (violates(outcome)) {
                        outcomes.add(outcome);
                    }
                });
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("OpenApiFuzzIT: %d requests to %d operations in %d s (%.0f/s), %d the HTTP client refused to send; statuses %s%n",
                requests.size(), operations.size(), took.toSeconds(), requests.size() * 1000.0 / Math.max(1, took.toMillis()),
                unsendable.get(), new TreeMap<>(statuses));

        assertThat(requests.size() - unsendable.get()).as("requests sent").isGreaterThanOrEqualTo(count * 99 / 100);
        if (!outcomes.isEmpty()) {
            fail(report(seed, outcomes));
        }
    }

    /**
     * Every operation in turn (shuffled each round), so that each is called about equally often; the throttled
     * ones until their budget is spent.
     */
    private static List<FuzzRequest> generate(long seed, int count, List<Operation> operations, FuzzWorld world) {
        var generator = new RequestGenerator(seed, world);
        var order = new Random(seed);
        var requests = new ArrayList<FuzzRequest>(count);
        int throttled = 0;
        int garbageBasic = 0;
        var round = new ArrayList<>(operations);
        while (requests.size() < count) {
            Collections.shuffle(round, order);
            for (Operation operation : round) {
                if (requests.size() == count) {
                    break;
                }
                boolean isThrottled = RequestGenerator.throttled(operation);
                if (isThrottled && throttled >= THROTTLED_BUDGET) {
                    continue;
                }
                FuzzRequest request = generator.next(operation, garbageBasic < GARBAGE_BASIC_BUDGET);
                throttled += isThrottled ? 1 : 0;
                garbageBasic += request.caller() == RequestGenerator.Caller.GARBAGE_BASIC ? 1 : 0;
                requests.add(request);
            }
        }
        return requests;
    }

    private Outcome send(FuzzRequest request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(kitty.gateway() + request.target())).timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body()));
            if (!request.headers().containsKey("Accept")) {
                builder.header("Accept", "application/json, application/problem+json, */*;q=0.5");
            }
            request.headers().forEach(builder::header);
        }
        catch (IllegalArgumentException ex) {
            return null; // a header or target java.net.http will not put on the wire
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse("-"), response.body());
        }
        catch (IOException ex) {
            return new Outcome(request, 0, "-", "no answer: " + ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(request, 0, "-", "interrupted");
        }
    }

    static boolean violates(Outcome outcome) {
        if (outcome.status() == 0 || outcome.status() >= 500) {
            return true;
        }
        return outcome.status() >= 400 && !outcome.contentType().startsWith("application/problem+json");
    }

    private static String report(long seed, ConcurrentLinkedQueue<Outcome> outcomes) {
        var grouped = outcomes.stream().collect(Collectors.groupingBy(
                outcome -> outcome.request().operation() + " → " + outcome.status(), TreeMap::new, Collectors.toList()));
        var report = new StringBuilder("%d violations in %d groups (seed %d; replay with -Dkitty.fuzz.seed=%d):%n"
                .formatted(outcomes.size(), grouped.size(), seed, seed));
        grouped.forEach((group, examples) -> {
            report.append("  ").append(group).append(" (").append(examples.size()).append("×)\n");
            examples.stream().limit(3).forEach(example -> report.append("    ").append(example.describe()).append('\n'));
        });
        return report.toString();
    }
}
