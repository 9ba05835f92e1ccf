import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The month close of many budgets on a running stack. Seeds N budgets straight into transaction-service's database
 * (budget, owner, two goals, a month of transactions and their rollups, a close cursor not yet due), measures goal and
 * summary reads through the gateway, then makes the last month due for all of them at once and waits for the
 * scheduler (every instance's poll, default one minute) to close them: prints the time from the first closed month to
 * the last, budgets per second, and the read latencies while the close runs beside those before it. Measures and
 * prints; asserts nothing. See bench/README.md.
 *
 *   java -cp postgresql.jar bench/close/CloseBench.java [--gateway http://localhost:8080]
 *       [--jdbc jdbc:postgresql://localhost:5432/kitty_transaction] [--budgets 10000] [--transactions 20]
 *       [--clients 2] [--timeout 900]
 */
public class CloseBench {

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String gateway;
    static String token;

    public static void main(String[] args) throws Exception {
        gateway = option(args, "--gateway", "http://localhost:8080");
        String jdbcUrl = option(args, "--jdbc", "jdbc:postgresql://localhost:5432/kitty_transaction");
        int budgets = Integer.parseInt(option(args, "--budgets", "10000"));
        int transactions = Integer.parseInt(option(args, "--transactions", "20"));
        int clients = Integer.parseInt(option(args, "--clients", "2"));
        int timeout = Integer.parseInt(option(args, "--timeout", "900"));

        // a reader with a budget of their own, read through the gateway while the close runs
        String email = "close-bench-" + UUID.randomUUID() + "@bench.kitty.test";
        String password = "bench lantern " + UUID.randomUUID().toString().substring(0, 8) + " harbour";
        check(send("POST", "/api/auth/register", "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Bench\"}".formatted(email, password)), 201);
        token = login(email, password);
        awaitOk("/api/users/me");
        String userId = field(check(send("GET", "/api/users/me", null), 200).body(), "id");
        String readerBudget = field(check(send("POST", "/api/budgets", "{\"name\":\"Close bench reader\",\"currency\":\"EUR\"}"), 201).body(), "id");
        String base = "/api/budgets/" + readerBudget;
        awaitOk(base + "/summary");
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        for (int i = 0; i < 30; i++) {
            check(send("POST", base + "/transactions", "{\"type\":\"%s\",\"amount\":\"%d.50\",\"occurredOn\":\"%s\"}"
                    .formatted(i % 3 == 0 ? "INCOME" : "EXPENSE", 10 + i, month.atDay(1 + i % 28))), 201);
        }
        boolean goalsApi = send("POST", base + "/goals", "{\"name\":\"Holiday\",\"targetAmount\":\"2000.00\",\"priority\":1}").statusCode() == 201;
        var targets = new ArrayList<Target>();
        targets.add(new Target("summary, last month", base + "/summary?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()));
        targets.add(new Target("months", base + "/months"));
        if (goalsApi) {
            targets.add(new Target("goals", base + "/goals"));
        } else {
            System.out.println("(no goals API on this stack: goal reads are not measured)");
        }

        System.out.printf("== month close of %,d budgets (2 goals, a monthly rule, %d transactions in %s each) on %s%n", budgets, transactions, month, gateway);
        long seedStarted = System.nanoTime();
        List<UUID> seeded;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "kitty_transaction", "kitty_transaction")) {
            seeded = seed(db, UUID.fromString(userId), budgets, transactions, month);
        }
        System.out.printf("seeded in %.1f s (SQL: budgets, owners, goals, transactions, rollups, cursors not yet due)%n", seconds(seedStarted));

        for (int i = 0; i < 30; i++) {
            for (var target : targets) {
                check(send("GET", target.path, null), 200);
            }
        }
        var before = readFor(targets, clients, Duration.ofSeconds(15));

        var done = new AtomicBoolean();
        var during = new ArrayList<ConcurrentLinkedQueue<Long>>();
        targets.forEach(t -> during.add(new ConcurrentLinkedQueue<>()));
        long[] firstAndLast = new long[2];
        try (Connection db = DriverManager.getConnection(jdbcUrl, "kitty_transaction", "kitty_transaction");
                var readers = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                readers.submit(() -> read(targets, during, done));
            }
            db.setAutoCommit(true);
            try (var statement = db.createStatement()) {
                statement.execute("UPDATE month_close_cursor SET due_at = now() - interval '1 second' WHERE budget_id IN (SELECT budget_id FROM close_bench_budget)");
                // and this month's rent falls due at the same moment, as it does on the 1st
                statement.execute("UPDATE recurring_rule SET next_occurrence = DATE '%s' WHERE budget_id IN (SELECT budget_id FROM close_bench_budget)"
                        .formatted(month.plusMonths(1).atDay(1)));
            }
            System.out.printf("%s made due; waiting for the scheduler (it polls every kitty.transaction.scheduler.poll-interval)%n", month);
            long madeDue = System.nanoTime();
            long deadline = madeDue + Duration.ofSeconds(timeout).toNanos();
            long closed = 0;
            while (closed < seeded.size() && System.nanoTime() < deadline) {
                try (var statement = db.prepareStatement("""
                        SELECT count(*) FROM closed_month c JOIN close_bench_budget b ON b.budget_id = c.budget_id WHERE c.month = ?""")) {
                    statement.setObject(1, month.atDay(1));
                    try (var result = statement.executeQuery()) {
                        result.next();
                        closed = result.getLong(1);
                    }
                }
                long now = System.nanoTime();
                if (closed > 0 && firstAndLast[0] == 0) {
                    firstAndLast[0] = now;
                    System.out.printf("first month closed %.1f s after it was made due%n", (now - madeDue) / 1e9);
                }
                firstAndLast[1] = now;
                Thread.sleep(100);
            }
            done.set(true);
            readers.shutdown();
            readers.awaitTermination(30, TimeUnit.SECONDS);
            double elapsed = firstAndLast[0] == 0 ? Double.NaN : (firstAndLast[1] - firstAndLast[0]) / 1e9;
            System.out.printf(Locale.ROOT, "%nclosed %,d of %,d budgets' %s in %.1f s (first to last, polled every 100 ms): %.0f budgets/s%n",
                    closed, seeded.size(), month, elapsed, closed / elapsed);
            try (var statement = db.createStatement(); var result = statement.executeQuery("""
                    SELECT count(*), coalesce(sum(amount), 0) FROM goal_entry e JOIN close_bench_budget b ON b.budget_id = e.budget_id
                    WHERE e.kind = 'SURPLUS'""")) {
                result.next();
                System.out.printf("goal entries written: %,d SURPLUS, %s in all%n", result.getLong(1), result.getBigDecimal(2));
            }
            try (var statement = db.createStatement(); var result = statement.executeQuery("""
                    SELECT count(*) FROM ledger_transaction t JOIN close_bench_budget b ON b.budget_id = t.budget_id
                    WHERE t.recurring_rule_id IS NOT NULL""")) {
                result.next();
                System.out.printf("recurring rent posted meanwhile: %,d of %,d%n", result.getLong(1), seeded.size());
            }
            long rentDeadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
            long rent = 0;
            while (rent < seeded.size() && System.nanoTime() < rentDeadline) {
                try (var statement = db.createStatement(); var result = statement.executeQuery("""
                        SELECT count(*) FROM ledger_transaction t JOIN close_bench_budget b ON b.budget_id = t.budget_id
                        WHERE t.recurring_rule_id IS NOT NULL""")) {
                    result.next();
                    rent = result.getLong(1);
                }
                Thread.sleep(100);
            }
            System.out.printf(Locale.ROOT, "all %,d rents posted %.1f s after the month was made due%n", rent, (System.nanoTime() - madeDue) / 1e9);
        }

        System.out.printf("%nreads through the gateway, %d clients:%n", clients);
        System.out.printf("  %-22s %10s %10s %10s %10s%n", "", "before p50", "p99", "during p50", "p99");
        for (int t = 0; t < targets.size(); t++) {
            long[] d = during.get(t).stream().mapToLong(Long::longValue).toArray();
            System.out.printf(Locale.ROOT, "  %-22s %10.2f %10.2f %10.2f %10.2f   (%d calls during)%n", targets.get(t).name,
                    percentile(before[t], 50), percentile(before[t], 99), percentile(d, 50), percentile(d, 99), d.length);
        }
    }

    record Target(String name, String path) {}

    /** Budgets created two months ago with an owner, two goals and {@code transactions} rows in {@code month}; cursors at {@code month}, due in a year. */
    static List<UUID> seed(Connection db, UUID owner, int budgets, int transactions, YearMonth month) throws Exception {
        db.setAutoCommit(false);
        try (var statement = db.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS close_bench_budget (budget_id UUID PRIMARY KEY)");
            statement.execute("TRUNCATE close_bench_budget");
            statement.execute("INSERT INTO close_bench_budget SELECT gen_random_uuid() FROM generate_series(1, " + budgets + ")");
            statement.execute("""
                    INSERT INTO budget_ref (budget_id, currency, created_at, time_zone)
                    SELECT budget_id, 'EUR', TIMESTAMPTZ '%s 00:00:00+00', 'UTC' FROM close_bench_budget""".formatted(month.minusMonths(1).atDay(1)));
            statement.execute("""
                    INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version)
                    SELECT budget_id, '%s', 'OWNER', now(), now(), 0 FROM close_bench_budget""".formatted(owner));
            statement.execute("""
                    INSERT INTO goal (id, budget_id, name, currency, target_amount, priority, created_at, updated_at)
                    SELECT gen_random_uuid(), budget_id, g.name, 'EUR', g.target, g.priority, now(), now()
                    FROM close_bench_budget, (VALUES ('Holiday', 800.00, 1), ('Rainy day', 5000.00, 2)) AS g(name, target, priority)""");
            statement.execute("""
                    INSERT INTO ledger_transaction (id, budget_id, type, amount, occurred_on, description, created_by, created_at, updated_by, updated_at, version)
                    SELECT gen_random_uuid(), b.budget_id, CASE WHEN i %% 4 = 0 THEN 'INCOME' ELSE 'EXPENSE' END,
                           CASE WHEN i %% 4 = 0 THEN round((800 + random() * 1200)::numeric, 2) ELSE round((5 + random() * 200)::numeric, 2) END,
                           DATE '%s' + (i %% 28), 'close bench #' || i, '%s', now(), '%s', now(), 0
                    FROM close_bench_budget b, generate_series(1, %d) AS i""".formatted(month.atDay(1), owner, owner, transactions));
            statement.execute("""
                    INSERT INTO monthly_rollup (budget_id, month, category_id, member_id, type, total, tx_count)
                    SELECT t.budget_id, date_trunc('month', t.occurred_on)::date, t.category_id, t.created_by, t.type, sum(t.amount), count(*)
                    FROM ledger_transaction t JOIN close_bench_budget b ON b.budget_id = t.budget_id GROUP BY 1, 2, 3, 4, 5""");
            // the month before was closed already (an empty one): this close is the budgets' ordinary monthly one
            statement.execute("""
                    INSERT INTO closed_month (budget_id, month, income, expense, net, accounted_surplus, swept, allocated_to_goals, closed_at)
                    SELECT budget_id, DATE '%s', 0, 0, 0, 0, 0, 0, now() FROM close_bench_budget""".formatted(month.minusMonths(1).atDay(1)));
            // a monthly rent rule each, posted last month, not due until the bench makes it due with the close
            statement.execute("""
                    INSERT INTO recurring_rule (id, budget_id, type, amount, description, frequency, every, start_on, next_occurrence,
                                                posted_through, created_by, created_at, updated_by, updated_at, version)
                    SELECT gen_random_uuid(), budget_id, 'EXPENSE', 650.00, 'Rent', 'MONTHLY', 1, DATE '%1$s', NULL, DATE '%1$s',
                           '%2$s', now(), '%2$s', now(), 1
                    FROM close_bench_budget""".formatted(month.atDay(1), owner));
            statement.execute("""
                    INSERT INTO month_close_cursor (budget_id, next_month, due_at, started)
                    SELECT budget_id, DATE '%s', now() + interval '1 year', TRUE FROM close_bench_budget""".formatted(month.atDay(1)));
            statement.execute("ANALYZE month_close_cursor");
            statement.execute("ANALYZE monthly_rollup");
            statement.execute("ANALYZE goal");
        }
        db.commit();
        var ids = new ArrayList<UUID>();
        try (var statement = db.createStatement(); var result = statement.executeQuery("SELECT budget_id FROM close_bench_budget")) {
            while (result.next()) {
                ids.add(result.getObject(1, UUID.class));
            }
        }
        db.setAutoCommit(true);
        return ids;
    }

    static long[][] readFor(List<Target> targets, int clients, Duration duration) throws Exception {
        var done = new AtomicBoolean();
        var samples = new ArrayList<ConcurrentLinkedQueue<Long>>();
        targets.forEach(t -> samples.add(new ConcurrentLinkedQueue<>()));
        try (var pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> read(targets, samples, done));
            }
            Thread.sleep(duration.toMillis());
            done.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        var result = new long[targets.size()][];
        for (int t = 0; t < targets.size(); t++) {
            result[t] = samples.get(t).stream().mapToLong(Long::longValue).toArray();
        }
        return result;
    }

    static void read(List<Target> targets, List<ConcurrentLinkedQueue<Long>> samples, AtomicBoolean done) {
        while (!done.get()) {
            for (int t = 0; t < targets.size(); t++) {
                long started = System.nanoTime();
                try {
                    if (send("GET", targets.get(t).path, null).statusCode() == 200) {
                        samples.get(t).add(System.nanoTime() - started);
                    }
                } catch (Exception e) {
                    // a failed read is not a latency
                }
            }
        }
    }

    static void awaitOk(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("GET", path, null).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 from " + path + " within 60 s");
            }
            Thread.sleep(200);
        }
    }

    static String login(String email, String password) throws Exception {
        var saved = token;
        token = null;
        var response = check(send("POST", "/api/auth/login", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)), 200);
        token = saved;
        return field(response.body(), "access_token");
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : gateway + path)).timeout(Duration.ofSeconds(60))
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

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    static double percentile(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
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
        return fallback;
    }
}
