package dev.kitty.system.fault;

import dev.kitty.system.fault.History.Kind;
import dev.kitty.system.fault.History.Op;
import dev.kitty.system.fault.History.Outcome;
import dev.kitty.system.security.KittyClient;
import dev.kitty.system.security.KittyClient.Response;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A steady stream of writes through the gateway, as careful clients make them: transactions carry an
 * {@code Idempotency-Key} and are retried with it after any answer that may be transient; a contribution, a budget or
 * a registration has no key, so it is retried only when it surely did not arrive (no connection, or a 503, which
 * every layer answers before doing anything). Every write's final outcome goes into the {@link History}.
 */
public final class Workload implements AutoCloseable {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private static final int MAX_TRIES = 40;

    private final KittyClient kitty;

    private final List<Household> households;

    private final History history;

    private final Duration interval;

    private final AtomicBoolean running = new AtomicBoolean(true);

    private final AtomicLong sequence = new AtomicLong();

    private final Semaphore inFlight = new Semaphore(6);

    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

    private final Thread ticker;

    /** Contribution amounts are unique in the whole run: the amount is how the checker finds a contribution. */
    private static final AtomicLong CONTRIBUTION_CENTS = new AtomicLong(100_000);

    private Workload(KittyClient kitty, List<Household> households, History history, int writesPerSecond) {
        this.kitty = kitty;
        this.households = households;
        this.history = history;
        this.interval = Duration.ofNanos(1_000_000_000L / writesPerSecond);
        this.ticker = Thread.ofPlatform().daemon().name("fault-workload").start(this::tick);
    }

    public static Workload start(KittyClient kitty, List<Household> households, History history, int writesPerSecond) {
        return new Workload(kitty, households, history, writesPerSecond);
    }

    private void tick() {
        long next = System.nanoTime();
        while (this.running.get()) {
            long n = this.sequence.getAndIncrement();
            try {
                this.inFlight.acquire();
                this.writers.submit(() -> {
                    try {
                        write(n);
                    }
                    finally {
                        this.inFlight.release();
                    }
                });
                next += this.interval.toNanos();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
            catch (InterruptedException ex) {
                return;
            }
        }
    }

    private void write(long n) {
        Household household = this.households.get((int) (n % this.households.size()));
        int slot = (int) (n % 20);
        if (slot < 14) {
            transaction(household, n);
        }
        else if (slot < 17) {
            contribution(household);
        }
        else if (slot < 19) {
            budget(household);
        }
        else {
            registration();
        }
    }

    private void transaction(Household household, long n) {
        String key = "op-" + UUID.randomUUID();
        String amount = (n % 97 + 1) + ".25";
        var session = (n % 2 == 0) ? household.owner() : household.member();
        String body = """
                {"type":"EXPENSE","amount":"%s","occurredOn":"%s","categoryId":"%s","description":"%s"}"""
            .formatted(amount, LocalDate.now(), household.categoryId(), key);
        Attempt attempt = retrying(true, () -> session.send("POST", household.path() + "/transactions",
                Map.of("Idempotency-Key", key), body));
        this.history.record(new Op(Kind.TRANSACTION, key, household.budgetId().toString(), amount, attempt.outcome(201),
                attempt.detail()));
    }

    private void contribution(Household household) {
        long cents = CONTRIBUTION_CENTS.incrementAndGet();
        String amount = (cents / 100) + "." + String.format("%02d", cents % 100);
        Attempt attempt = retrying(false, () -> household.member().send("POST",
                household.path() + "/goals/" + household.goalId() + "/contributions", "{\"amount\":\"" + amount + "\"}"));
        this.history.record(new Op(Kind.CONTRIBUTION, amount, household.goalId().toString(), amount,
                attempt.outcome(201), attempt.detail()));
    }

    private void budget(Household household) {
        String name = "fault-budget-" + UUID.randomUUID().toString().substring(0, 18);
        Attempt attempt = retrying(false, () -> household.owner().send("POST", "/api/budgets",
                "{\"name\":\"" + name + "\",\"currency\":\"EUR\"}"));
        this.history.record(new Op(Kind.BUDGET, name, household.owner().userId().toString(), "", attempt.outcome(201),
                attempt.detail()));
    }

    private void registration() {
        String email = KittyClient.newEmail("fault-signup");
        Attempt attempt = retrying(false, () -> this.kitty.post(this.kitty.gateway() + "/api/auth/register", """
                {"email":"%s","password":"%s","displayName":"Fault signup"}""".formatted(email, KittyClient.newPassword())));
        this.history.record(new Op(Kind.REGISTRATION, email.toLowerCase(java.util.Locale.ROOT), "", "",
                attempt.outcome(201), attempt.detail()));
    }

    /**
     * Sends until an answer settles the write. With a key every doubtful answer is retried (the key makes a repeat
     * harmless); without one, only a refused connection or a 503 is.
     */
    private Attempt retrying(boolean idempotent, Supplier<Response> request) {
        boolean doubtful = false;
        String last = "";
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            Response response;
            try {
                response = request.get();
            }
            catch (UncheckedIOException ex) {
                boolean notSent = ex.getCause() instanceof ConnectException
                        || ex.getCause() instanceof HttpConnectTimeoutException;
                this.history.sawError(0, false, ex.getCause().toString());
                last = ex.getCause().toString();
                doubtful |= !notSent;
                if (!notSent && !idempotent) {
                    return new Attempt(-1, true, last);
                }
                pause(RETRY_PAUSE);
                continue;
            }
            int status = response.status();
            if (status < 400) {
                return new Attempt(status, false, "");
            }
            boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
            this.history.sawError(status, retryAfter, response.body().length() > 200
                    ? response.body().substring(0, 200) : response.body());
            last = status + " " + response.body();
            boolean transientStatus = status == 503 || status == 429 || (idempotent && (status == 502 || status == 504 || status == 500));
            if (!transientStatus) {
                // a 5xx without a key may have been applied before it failed; a 4xx was refused
                return new Attempt(status, doubtful || status >= 500, last);
            }
            pause(retryAfter ? retryAfter(response) : RETRY_PAUSE);
        }
        return new Attempt(-1, true, "gave up: " + last);
    }

    /** The server's Retry-After in seconds, at most 5 s: the workload keeps its pace. */
    private static Duration retryAfter(Response response) {
        try {
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").trim());
            return Duration.ofSeconds(Math.clamp(seconds, 0, 5));
        }
        catch (NumberFormatException ex) {
            return RETRY_PAUSE;
        }
    }

    private record Attempt(int status, boolean doubtful, String detail) {

        Outcome outcome(int success) {
            if (this.status == success) {
                return Outcome.OK;
            }
            return this.doubtful || this.status < 0 ? Outcome.UNKNOWN : Outcome.FAILED;
        }

    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops issuing writes and waits for those under way to settle. */
    @Override
    public void close() {
        this.running.set(false);
        this.ticker.interrupt();
        this.writers.shutdown();
        try {
            if (!this.writers.awaitTermination(2, TimeUnit.MINUTES)) {
                this.writers.shutdownNow();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
