import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger at a million rows, through the gateway of a running stack: summaries, a chart, transaction pages,
 * POST throughput beside PostgreSQL's own insert rate, and the CSV export. Measures and prints; asserts nothing.
 * Seeding writes the million rows straight into transaction-service's database (the API would need half an hour)
 * and builds their monthly rollups with the same GROUP BY the repair job runs. See bench/README.md.
 *
 *   java -cp postgresql.jar bench/ledger/LedgerBench.java [--gateway http://localhost:8080]
 *       [--jdbc jdbc:postgresql://localhost:5432/kitty_transaction] [--management http://localhost:9084]
 *       [--service http://localhost:8084]
 *       [--rows 1000000] [--years 10] [--calls 500] [--clients 4] [--seconds 20]
 */
public class LedgerBench {

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String gateway;
    static String token;

    public static void main(String[] args) throws Exception {
        gateway = option(args, "--gateway", "http://localhost:8080");
        String jdbcUrl = option(args, "--jdbc", "jdbc:postgresql://localhost:5432/kitty_transaction");
        String management = option(args, "--management", "http://localhost:9084");
        // transaction-service's own port: it checks the token itself, so a POST there shows what the gateway adds
        String service = option(args, "--service", "http://localhost:8084");
        int rows = Integer.parseInt(option(args, "--rows", "1000000"));
        int years = Integer.parseInt(option(args, "--years", "10"));
        int calls = Integer.parseInt(option(args, "--calls", "500"));
        int clients = Integer.parseInt(option(args, "--clients", "4"));
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        int importLines = Integer.parseInt(option(args, "--import-lines", "100000"));

        String email = "ledger-bench-" + UUID.randomUUID() + "@bench.kitty.test";
        String password = "bench lantern " + UUID.randomUUID().toString().substring(0, 8) + " harbour";
        check(send("POST", "/api/auth/register", "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Bench\"}".formatted(email, password)), 201);
        token = login(email, password);
        awaitOk("/api/users/me");
        String budget = field(check(send("POST", "/api/budgets", "{\"name\":\"Ledger bench\",\"currency\":\"EUR\"}"), 201).body(), "id");
        String userId = field(check(send("GET", "/api/users/me", null), 200).body(), "id");
        String base = "/api/budgets/" + budget;
        // the default categories arrive with BudgetCreated; then 30 in all
        awaitOk(base + "/categories");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(check(send("GET", base + "/categories", null), 200).body(), "\"id\"") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        for (int i = count(check(send("GET", base + "/categories", null), 200).body(), "\"id\""); i < 30; i++) {
            check(send("POST", base + "/categories", "{\"name\":\"Bench %02d\",\"type\":\"%s\"}".formatted(i, i % 5 == 0 ? "INCOME" : "EXPENSE")), 201);
        }
        System.out.printf("== ledger through the gateway %s: one budget, %,d transactions over %d years, 30 categories%n", gateway, rows, years);

        LocalDate lastDay = LocalDate.now().withDayOfMonth(1).minusDays(1);
        LocalDate firstDay = lastDay.minusYears(years).plusDays(1);
        long seedStarted = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "kitty_transaction", "kitty_transaction")) {
            seed(db, UUID.fromString(budget), UUID.fromString(userId), rows, firstDay, lastDay);
        }
        System.out.printf("seeded in %.1f s (SQL insert of the rows, then their rollups)%n", seconds(seedStarted));
        token = login(email, password);

        LocalDate yearFrom = lastDay.minusYears(1).plusDays(1);
        String someCategory = field(check(send("GET", base + "/categories", null), 200).body(), "id");
        var targets = List.of(
                new Target("summary, last year", base + "/summary?from=" + yearFrom + "&to=" + lastDay),
                new Target("summary, all " + years + " years", base + "/summary?from=" + firstDay + "&to=" + lastDay),
                new Target("monthly.svg, last year", base + "/charts/monthly.svg?from=" + yearFrom + "&to=" + lastDay),
                new Target("transactions, first page", base + "/transactions"),
                new Target("transactions, page 50", base + "/transactions?page=50"),
                new Target("transactions, type+category+period", base + "/transactions?type=EXPENSE&categoryId=" + someCategory + "&from=" + yearFrom + "&to=" + lastDay),
                new Target("transactions, q=coffee", base + "/transactions?q=coffee"),
                new Target("GET /api/users/me (reference)", "/api/users/me"));
        for (int i = 0; i < Math.max(50, calls / 5); i++) {
            for (var target : targets) {
                check(send("GET", target.path, null), 200);
            }
        }
        var samples = new long[targets.size()][calls];
        for (int i = 0; i < calls; i++) {
            for (int t = 0; t < targets.size(); t++) {
                long started = System.nanoTime();
                check(send("GET", targets.get(t).path, null), 200);
                samples[t][i] = System.nanoTime() - started;
            }
        }
        System.out.printf("%nreads, one client, %d calls each after warm-up, interleaved:%n", calls);
        System.out.printf("  %-40s %8s %8s %8s%n", "", "p50 ms", "p99 ms", "mean ms");
        for (int t = 0; t < targets.size(); t++) {
            System.out.printf(Locale.ROOT, "  %-40s %8.2f %8.2f %8.2f%n", targets.get(t).name, percentile(samples[t], 50),
                    percentile(samples[t], 99), mean(samples[t]));
        }

        System.out.printf("%nPOST /transactions, %d clients for %d s (each with rollup upsert and outbox row):%n", clients, seconds);
        // unmeasured first: the full JIT compiles the write path (and burns CPU doing it) during the first seconds
        postThroughput(null, base, clients, 10);
        postThroughput(null, service + base, clients, 10);
        postThroughput("through the gateway:", base, clients, seconds);
        postThroughput("straight to the service:", service + base, clients, seconds);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "kitty_transaction", "kitty_transaction")) {
            plainInsertRate(db, UUID.fromString(budget), clients, seconds, jdbcUrl);
        }

        System.out.printf("%nCSV export of all %,d rows:%n", rows);
        export(base, management);

        System.out.printf("%nCSV import of %,d lines into a new budget, through the gateway:%n", importLines);
        importFile(importLines, jdbcUrl);
    }

    /**
     * One file of {@code lines} lines (a year, a tenth income, half with an external id) into a budget of its own: the
     * request's time, then until the outbox has sent what the import published.
     */
    static void importFile(int lines, String jdbcUrl) throws Exception {
        String budget = field(check(send("POST", "/api/budgets", "{\"name\":\"Import bench\",\"currency\":\"EUR\"}"), 201).body(), "id");
        awaitOk("/api/budgets/" + budget + "/categories");
        var file = new StringBuilder("type,amount,occurredOn,description,externalId\n");
        var start = LocalDate.now().minusYears(1);
        for (int i = 0; i < lines; i++) {
            file.append(i % 10 == 0 ? "INCOME" : "EXPENSE").append(',').append(1 + i % 997).append('.').append(String.format("%02d", i % 100))
                    .append(',').append(start.plusDays(i % 365)).append(",line ").append(i).append(',').append(i % 2 == 0 ? "ext-" + i : "")
                    .append('\n');
        }
        var request = HttpRequest.newBuilder(URI.create(gateway + "/api/budgets/" + budget + "/transactions/import"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(file.toString())).build();
        long started = System.nanoTime();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double answered = seconds(started);
        if (response.statusCode() != 200) {
            System.out.printf("  import answered %d: not measured (%s)%n", response.statusCode(), response.body());
            return;
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, "kitty_transaction", "kitty_transaction");
                var outstanding = db.prepareStatement("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")) {
            outstanding.setString(1, "%" + budget + "%");
            while (true) {
                try (var result = outstanding.executeQuery()) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
        }
        System.out.printf(Locale.ROOT, "  %s imported: answered in %.1f s (%.0f lines/s), its events sent %.1f s after the request began%n",
                response.body().replaceAll("(?s).*\"imported\"\\s*:\\s*(\\d+).*", "$1"), answered, lines / answered, seconds(started));
    }

    record Target(String name, String path) {}

    static void seed(Connection db, UUID budget, UUID user, int rows, LocalDate firstDay, LocalDate lastDay) throws Exception {
        db.setAutoCommit(false);
        var categories = new ArrayList<String[]>();
        try (var statement = db.prepareStatement("SELECT id::text, type FROM category WHERE budget_id = ?")) {
            statement.setObject(1, budget);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    categories.add(new String[] {result.getString(1), result.getString(2)});
                }
            }
        }
        String ids = String.join(",", categories.stream().map(c -> "'" + c[0] + "'::uuid").toList());
        String types = String.join(",", categories.stream().map(c -> "'" + c[1] + "'").toList());
        long days = lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
        try (var statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO ledger_transaction (id, budget_id, type, amount, occurred_on, category_id, description,
                                                    created_by, created_at, updated_by, updated_at, version)
                    SELECT gen_random_uuid(), '%1$s', c.types[1 + i %% %3$d],
                           round((1 + random() * 250)::numeric, 2),
                           DATE '%4$s' + (i %% %5$d)::int,
                           c.ids[1 + i %% %3$d],
                           (ARRAY['coffee', 'groceries', 'rent', 'train ticket', 'salary', 'cinema', 'pharmacy'])[1 + i %% 7] || ' #' || i,
                           '%2$s', now(), '%2$s', now(), 0
                    FROM generate_series(1, %6$d) AS i, (SELECT ARRAY[%7$s] AS ids, ARRAY[%8$s] AS types) AS c
                    """.formatted(budget, user, categories.size(), firstDay, days, rows, ids, types));
            statement.execute("DELETE FROM monthly_rollup WHERE budget_id = '" + budget + "'");
            statement.execute("""
                    INSERT INTO monthly_rollup (budget_id, month, category_id, member_id, type, total, tx_count)
                    SELECT budget_id, date_trunc('month', occurred_on)::date, category_id, created_by, type, sum(amount), count(*)
                    FROM ledger_transaction WHERE budget_id = '%s' GROUP BY 1, 2, 3, 4, 5""".formatted(budget));
            statement.execute("ANALYZE ledger_transaction");
            statement.execute("ANALYZE monthly_rollup");
        }
        db.commit();
    }

    /** {@code label} null: a warm-up, not printed. */
    static void postThroughput(String label, String base, int clients, int seconds) throws Exception {
        var stop = new AtomicBoolean();
        var failed = new AtomicLong();
        var latencies = new ConcurrentLinkedQueue<Long>();
        LocalDate day = LocalDate.now().minusDays(3);
        var cpuBefore = CpuTime.byProcessGroup();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int i = 0;
                    while (!stop.get()) {
                        long sent = System.nanoTime();
                        try {
                            var response = send("POST", base + "/transactions",
                                    "{\"type\":\"EXPENSE\",\"amount\":\"%d.%02d\",\"occurredOn\":\"%s\",\"description\":\"bench post\"}"
                                            .formatted(1 + i % 90, i % 100, day));
                            if (response.statusCode() == 201) {
                                latencies.add(System.nanoTime() - sent);
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        i++;
                    }
                });
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            double elapsed = seconds(started);
            if (label == null) {
                return;
            }
            long[] samples = latencies.stream().mapToLong(Long::longValue).toArray();
            System.out.printf(Locale.ROOT, "  %-26s %8.0f created/s   p50 %.1f ms   p99 %.1f ms   (%d failed)%n",
                    label, samples.length / elapsed, percentile(samples, 50), percentile(samples, 99), failed.get());
            CpuTime.printPerRequest(cpuBefore, CpuTime.byProcessGroup(), samples.length + failed.get(), elapsed);
        }
    }

    /**
     * CPU time (user + system, from /proc) spent by each part of the stack while a load ran, per request: where the
     * two cores go. Linux only; prints nothing elsewhere. Includes what each process does besides serving (Eureka
     * heartbeats, the outbox's sends after commit), which is part of what a write costs.
     */
    static final class CpuTime {

        static final List<String[]> GROUPS = List.of(
                new String[] {"gateway", "gateway.jar"},
                new String[] {"transaction-service", "transaction-service.jar"},
                new String[] {"other services", "-service.jar", "discovery.jar"},
                new String[] {"load generator (this)", "LedgerBench"},
                new String[] {"Kafka + mail (launcher)", "dev-stack.jar"},
                // last: the others' command lines name the driver jar or the JDBC URL
                new String[] {"PostgreSQL", "postgres"});

        static java.util.Map<String, Long> byProcessGroup() {
            var ticks = new java.util.LinkedHashMap<String, Long>();
            GROUPS.forEach(group -> ticks.put(group[0], 0L));
            var proc = java.nio.file.Path.of("/proc");
            if (!java.nio.file.Files.isDirectory(proc)) {
                return ticks;
            }
            try (var entries = java.nio.file.Files.list(proc)) {
                entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(path -> {
                    try {
                        var commandLine = java.nio.file.Files.readString(path.resolve("cmdline")).replace('\0', ' ');
                        var stat = java.nio.file.Files.readString(path.resolve("stat"));
                        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        for (var group : GROUPS) {
                            if (Arrays.stream(group).skip(1).anyMatch(commandLine::contains)) {
                                ticks.merge(group[0], used, Long::sum);
                                break;
                            }
                        }
                    } catch (Exception gone) {
                        // the process ended between listing and reading
                    }
                });
            } catch (java.io.IOException e) {
                return ticks;
            }
            return ticks;
        }

        static void printPerRequest(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long requests, double elapsed) {
            if (requests == 0 || after.values().stream().allMatch(ticks -> ticks == 0)) {
                return;
            }
            double millisPerTick = 10; // USER_HZ is 100 on Linux
            double total = 0;
            var line = new StringBuilder("      CPU ms per request:");
            for (var group : after.keySet()) {
                double millis = (after.get(group) - before.getOrDefault(group, 0L)) * millisPerTick / requests;
                total += millis;
                line.append(String.format(Locale.ROOT, " %s %.2f,", group, millis));
            }
            line.append(String.format(Locale.ROOT, " total %.2f (cores busy: %.2f of %d)", total, total * requests / 1000 / elapsed,
                    Runtime.getRuntime().availableProcessors()));
            System.out.println(line);
        }
    }

    /** What PostgreSQL alone reaches here: the same row, one transaction per insert, from as many clients. */
    static void plainInsertRate(Connection unused, UUID budget, int clients, int seconds, String jdbcUrl) throws Exception {
        var stop = new AtomicBoolean();
        var done = new AtomicLong();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    try (Connection db = DriverManager.getConnection(jdbcUrl, "kitty_transaction", "kitty_transaction");
                         var insert = db.prepareStatement("""
                                 INSERT INTO ledger_transaction (id, budget_id, type, amount, occurred_on, description, created_at, updated_at)
                                 VALUES (?, ?, 'EXPENSE', 1.00, current_date, 'plain insert', now(), now())""")) {
                        while (!stop.get()) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.setObject(2, budget);
                            insert.executeUpdate();
                            done.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "  plain JDBC insert:   %8.0f rows/s      (same table and indexes, autocommit, %d clients, no rollup, no outbox)%n",
                    done.get() / seconds(started), clients);
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, "kitty_transaction", "kitty_transaction");
             var statement = db.createStatement()) {
            statement.execute("DELETE FROM ledger_transaction WHERE description = 'plain insert' AND budget_id = '" + budget + "'");
        }
    }

    static void export(String base, String management) throws Exception {
        var stop = new AtomicBoolean();
        var peak = new AtomicLong(-1);
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                peak.accumulateAndGet(heapUsed(management), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long before = heapUsed(management);
        long started = System.nanoTime();
        var request = HttpRequest.newBuilder(URI.create(gateway + base + "/transactions/export")).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = body.read(buffer)) > 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double elapsed = seconds(started);
        stop.set(true);
        sampler.join();
        if (response.statusCode() != 200) {
            System.out.printf("  export answered %d: not measured%n", response.statusCode());
            return;
        }
        System.out.printf(Locale.ROOT, "  %,d lines, %.1f MB in %.1f s (%.0f rows/s)%n", lines, bytes / 1e6, elapsed, lines / elapsed);
        System.out.printf(Locale.ROOT, "  transaction-service heap used: %s before, %s peak during the export (jvm_memory_used_bytes{area=heap} from %s/actuator/prometheus every 50 ms)%n",
                mb(before), mb(peak.get()), management);
    }

    /** The JVM's heap in use, summed over its pools, from the Prometheus scrape on the management port. */
    static long heapUsed(String management) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            double used = 0;
            boolean found = false;
            for (var line : response.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? (long) used : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : "%.0f MB".formatted(bytes / 1e6);
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
                .header("Accept", "application/json, image/svg+xml");
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

    static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    static double percentile(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
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
