import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The soak: a steady, paced mixed load through the gateway of a running stack for an hour, and every minute the
 * memory of each service, the latency of each endpoint, the consumer lag of each group and the errors. At the end a
 * verdict per goal of issue 11 (no upward memory trend, no lag that keeps growing, no errors) and a PNG plot.
 * Measures and prints; the verdicts are the bench's reading of its own figures, not a test. See bench/README.md and
 * docs/soak.md.
 *
 *   java -cp kafka-clients.jar:slf4j-api.jar:jfreechart.jar bench/soak/SoakBench.java [--minutes 60] [--rate 20]
 *       [--out bench/soak/results] [--png docs/charts/soak.png] [--gateway http://localhost:8080]
 *       [--kafka localhost:9092] [--users 3] [--history 3000] [--clients 64] [--timeout-ms 10000]
 *       [--import-every 60] [--import-lines 300] [--gc-every 5] [--seed 11]
 */
public class SoakBench {

    /** The seven service JVMs: name, public port, management port. Their pids are found by who listens on the port. */
    static final List<Service> SERVICES = List.of(
            new Service("gateway", 8080, 9080), new Service("auth-service", 8081, 9081),
            new Service("user-service", 8082, 9082), new Service("budget-service", 8083, 9083),
            new Service("transaction-service", 8084, 9084), new Service("notification-service", 8085, 9085),
            new Service("discovery", 8761, 9761));

    static final String[] WORDS = {"coffee", "groceries", "rent", "train ticket", "salary", "cinema", "pharmacy", "bakery", "fuel", "books"};

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String gateway;
    static Duration timeout;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static void main(String[] args) throws Exception {
        gateway = option(args, "--gateway", "http://localhost:8080");
        String kafka = option(args, "--kafka", "localhost:9092");
        int minutes = Integer.parseInt(option(args, "--minutes", "60"));
        double rate = Double.parseDouble(option(args, "--rate", "20"));
        Path out = Path.of(option(args, "--out", "bench/soak/results"));
        Path png = Path.of(option(args, "--png", "docs/charts/soak.png"));
        int userCount = Integer.parseInt(option(args, "--users", "3"));
        int history = Integer.parseInt(option(args, "--history", "3000"));
        int clients = Integer.parseInt(option(args, "--clients", "64"));
        timeout = Duration.ofMillis(Long.parseLong(option(args, "--timeout-ms", "10000")));
        int importEvery = Integer.parseInt(option(args, "--import-every", "60"));
        int importLines = Integer.parseInt(option(args, "--import-lines", "300"));
        int gcEvery = Integer.parseInt(option(args, "--gc-every", "5"));
        long seed = Long.parseLong(option(args, "--seed", "11"));
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

        var pids = new LinkedHashMap<String, Long>();
        for (var service : SERVICES) {
            long pid = Proc.listener(service.port);
            if (pid < 0 || !Proc.commandLine(pid).contains(service.name + ".jar")) {
                throw new IllegalStateException("no " + service.name + ".jar listening on port " + service.port + ": is the stack up (./run.sh)?");
            }
            pids.put(service.name, pid);
        }
        long launcher = Proc.listener(Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1)));
        System.out.printf("== soak through %s: %d min at %.1f requests/s, %d clients at most, Kafka %s%n", gateway, minutes, rate, clients, kafka);
        System.out.printf("   service pids: %s; Kafka + mail (the launcher): %d%n", pids, launcher);

        // ---- seeding: users, a budget each with a year of history, goals; one more budget for the imports
        long seeding = System.nanoTime();
        var users = new ArrayList<User>();
        for (int u = 0; u < userCount; u++) {
            users.add(User.register(u, history));
        }
        User importer = users.getFirst();
        String importBudget = importer.createBudget("Soak imports " + RUN);
        System.out.printf("seeded %d users, each with a budget of %,d transactions over the last year and 2 goals, in %.1f s%n",
                userCount, history, seconds(seeding));

        var recorder = new Recorder();
        var mix = mix(recorder);
        double totalWeight = mix.stream().mapToDouble(Op::weight).sum();
        var random = new Random(seed);

        try (Admin admin = Admin.create(kafkaProperties(kafka));
             ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            var allGroups = Lag.groups(admin);
            // the revocation feed reads in a group of its own per instance and never commits (every instance must see
            // every revocation; RevocationFeed): its committed offset stays where the instance started, so a lag
            // computed from it only counts identity events since then and says nothing about the consumer
            var groups = allGroups.stream().filter(group -> !group.contains("-revocations-")).toList();
            var lagBefore = Lag.read(admin, groups);
            System.out.printf("consumer groups: %s (not measured, they never commit: %d per-instance revocation-feed groups)%n   lag before the load: %s%n",
                    groups, allGroups.size() - groups.size(), lagBefore);

            Files.createDirectories(out);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
            Path csvPath = out.resolve(stamp + ".csv");
            var endpoints = new ArrayList<String>();
            mix.forEach(op -> endpoints.add(op.name));
            endpoints.add("tx.import");
            endpoints.add("auth.refresh");
            var minutesSeen = java.util.Collections.synchronizedList(new ArrayList<Minute>());
            var slots = new Semaphore(clients);
            var dropped = new AtomicLong();
            try (var csv = new PrintWriter(Files.newBufferedWriter(csvPath))) {
                csv.println(Minute.header(pids.keySet(), endpoints, groups));
                printHeader(pids.keySet());
                long started = System.nanoTime();
                long periodNanos = (long) (1e9 / rate);
                long end = started + minutes * 60_000_000_000L;
                // the minute's figures are taken on a thread of their own, so that forcing a GC or reading the lag never
                // holds up the schedule (a late request would count the bench's pause as the stack's latency)
                var sampler = Thread.ofPlatform().name("soak-sampler").start(() -> {
                    for (int minute = 1; minute <= minutes; minute++) {
                        long due = started + minute * 60_000_000_000L;
                        while (System.nanoTime() < due) {
                            LockSupport.parkNanos(due - System.nanoTime());
                        }
                        if (minute == minutes) {
                            // the last minute also counts the requests still under way when the load stops
                            long drained = System.nanoTime() + timeout.toNanos() * 3 + 5_000_000_000L;
                            while (slots.availablePermits() < clients && System.nanoTime() < drained) {
                                LockSupport.parkNanos(10_000_000L);
                            }
                        }
                        // the minute's requests first: a forced GC takes seconds, which belong to the next minute
                        var sample = Minute.requests(minute, recorder, dropped);
                        sample.forcedGc = gcEvery > 0 && minute % gcEvery == 0;
                        if (sample.forcedGc) {
                            Proc.forceGc(jcmd, pids.values());
                        }
                        sample.memory(pids, launcher);
                        sample.lag = Lag.read(admin, groups);
                        minutesSeen.add(sample);
                        csv.println(sample.csv(pids.keySet(), endpoints, groups));
                        csv.flush();
                        printRow(sample, pids.keySet());
                    }
                });
                long nextImport = started + 30_000_000_000L;
                long nextRefresh = started + 240_000_000_000L;
                for (long tick = 0; ; tick++) {
                    long scheduled = started + tick * periodNanos;
                    if (scheduled >= end) {
                        break;
                    }
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    Runnable task;
                    if (scheduled >= nextImport) {
                        nextImport += importEvery * 1_000_000_000L;
                        task = () -> importCsv(recorder, importer, importBudget, importLines, scheduled);
                    } else if (scheduled >= nextRefresh) {
                        // an access token lives 10 minutes: every user refreshes every 4
                        nextRefresh += 240_000_000_000L;
                        task = () -> users.forEach(user -> user.refresh(recorder));
                    } else {
                        var user = users.get(random.nextInt(users.size()));
                        double pick = random.nextDouble() * totalWeight;
                        Op chosen = mix.getLast();
                        for (var op : mix) {
                            pick -= op.weight;
                            if (pick < 0) {
                                chosen = op;
                                break;
                            }
                        }
                        long opSeed = random.nextLong();
                        var op = chosen;
                        task = () -> op.action.run(user, new Random(opSeed), scheduled);
                    }
                    if (slots.tryAcquire()) {
                        pool.submit(() -> {
                            try {
                                task.run();
                            } catch (RuntimeException e) {
                                recorder.error("bench", "bench bug: " + e);
                            } finally {
                                slots.release();
                            }
                        });
                    } else {
                        // every client is still waiting: the stack has stalled for longer than clients / rate seconds
                        dropped.incrementAndGet();
                    }
                }
                sampler.join();
                pool.shutdown();
                pool.awaitTermination(timeout.toSeconds() + 5, TimeUnit.SECONDS);
                System.out.printf("load stopped after %.1f min; %,d requests, %,d dropped (no free client)%n",
                        seconds(started) / 60, recorder.total.get(), dropped.get());
            }

            // after the load: the lag must come back to 0, or what the consumers owe keeps them behind
            long stopped = System.nanoTime();
            Map<String, Long> lagAfter = Lag.read(admin, groups);
            while (lagAfter.values().stream().mapToLong(Long::longValue).sum() > 0 && seconds(stopped) < 120) {
                Thread.sleep(1000);
                lagAfter = Lag.read(admin, groups);
            }
            double drainedIn = seconds(stopped);

            var summary = new StringBuilder();
            summary.append(Verdict.tenMinuteTable(minutesSeen, pids.keySet()));
            summary.append(Verdict.all(minutesSeen, pids.keySet(), groups, recorder, lagAfter, drainedIn));
            summary.append(String.format(Locale.ROOT, "%nload average (1 min) during the run: min %.2f, mean %.2f, max %.2f on %d cores%n",
                    minutesSeen.stream().mapToDouble(m -> m.load1).min().orElse(0),
                    minutesSeen.stream().mapToDouble(m -> m.load1).average().orElse(0),
                    minutesSeen.stream().mapToDouble(m -> m.load1).max().orElse(0), Runtime.getRuntime().availableProcessors()));
            System.out.print(summary);
            Files.writeString(out.resolve(stamp + ".txt"), summary.toString());
            Plot.write(png, minutesSeen, pids.keySet(), endpoints, groups, rate);
            System.out.printf("%nper minute: %s; summary: %s; plot: %s%n", csvPath, out.resolve(stamp + ".txt"), png);
        }
    }

    // ------------------------------------------------------------------ the mix

    record Op(String name, double weight, Action action) {}

    @FunctionalInterface
    interface Action {
        void run(User user, Random random, long scheduled);
    }

    /**
     * What a member does with a budget, in proportions of a busy day: mostly reads (pages, filters, summaries, charts,
     * the profile, budgets and goals), writes a fifth of the time. Deletes as often as posts, so the ledgers keep their
     * size and a trend in memory or latency is not the data growing; the imports go to a budget of their own.
     */
    static List<Op> mix(Recorder recorder) {
        var ops = new ArrayList<Op>();
        ops.add(new Op("tx.page0", 12, (u, r, s) -> u.get(recorder, "tx.page0", u.base() + "/transactions", s)));
        ops.add(new Op("tx.pageN", 8, (u, r, s) -> u.get(recorder, "tx.pageN", u.base() + "/transactions?page=" + (1 + r.nextInt(100)), s)));
        ops.add(new Op("tx.filter", 8, (u, r, s) -> {
            var category = u.category(r, "EXPENSE");
            var from = LocalDate.now().minusDays(30 + r.nextInt(300));
            u.get(recorder, "tx.filter", u.base() + "/transactions?type=EXPENSE&categoryId=" + category.id + "&from=" + from + "&to=" + from.plusDays(60), s);
        }));
        ops.add(new Op("tx.search", 4, (u, r, s) -> u.get(recorder, "tx.search", u.base() + "/transactions?q=" + WORDS[r.nextInt(WORDS.length)].replace(' ', '+'), s)));
        ops.add(new Op("summary.year", 8, (u, r, s) -> u.get(recorder, "summary.year", u.base() + "/summary?from=" + LocalDate.now().minusYears(1).plusDays(1) + "&to=" + LocalDate.now(), s)));
        ops.add(new Op("summary.month", 4, (u, r, s) -> u.get(recorder, "summary.month", u.base() + "/summary?from=" + LocalDate.now().withDayOfMonth(1) + "&to=" + LocalDate.now(), s)));
        ops.add(new Op("chart.monthly", 5, (u, r, s) -> u.get(recorder, "chart.monthly", u.base() + "/charts/monthly.svg?from=" + LocalDate.now().minusYears(1).plusDays(1) + "&to=" + LocalDate.now(), s)));
        ops.add(new Op("chart.categories", 2, (u, r, s) -> u.get(recorder, "chart.categories", u.base() + "/charts/categories.svg?from=" + LocalDate.now().minusMonths(3) + "&to=" + LocalDate.now(), s)));
        ops.add(new Op("users.me", 8, (u, r, s) -> u.get(recorder, "users.me", "/api/users/me", s)));
        ops.add(new Op("budgets.list", 4, (u, r, s) -> u.get(recorder, "budgets.list", "/api/budgets", s)));
        ops.add(new Op("budgets.get", 4, (u, r, s) -> u.get(recorder, "budgets.get", u.base(), s)));
        ops.add(new Op("goals.list", 5, (u, r, s) -> u.get(recorder, "goals.list", u.base() + "/goals", s)));
        ops.add(new Op("goals.entries", 2, (u, r, s) -> u.get(recorder, "goals.entries", u.base() + "/goals/" + u.goals.get(r.nextInt(u.goals.size())) + "/entries", s)));
        ops.add(new Op("months", 2, (u, r, s) -> u.get(recorder, "months", u.base() + "/months", s)));
        ops.add(new Op("notifications", 1, (u, r, s) -> u.get(recorder, "notifications", "/api/notifications", s)));
        ops.add(new Op("tx.post", 7, (u, r, s) -> u.postTransaction(recorder, r, s)));
        ops.add(new Op("tx.put", 4, (u, r, s) -> u.putTransaction(recorder, r, s)));
        ops.add(new Op("tx.delete", 7, (u, r, s) -> u.deleteTransaction(recorder, r, s)));
        ops.add(new Op("goal.contribute", 4, (u, r, s) -> u.contribute(recorder, r, s)));
        ops.add(new Op("goal.patch", 1, (u, r, s) -> {
            String goal = u.goals.get(r.nextInt(u.goals.size()));
            // a name no other goal of the budget can hold at the same time (names are unique in a budget)
            String name = "Goal " + u.goals.indexOf(goal) + "." + r.nextInt(1000);
            u.call(recorder, "goal.patch", "PATCH", u.base() + "/goals/" + goal, "{\"name\":\"" + name + "\"}", 200, s);
        }));
        return ops;
    }

    /** A few hundred lines, as a bank's monthly export would be, each with an external id never used before. */
    static void importCsv(Recorder recorder, User user, String budget, int lines, long scheduled) {
        var file = new StringBuilder("type,amount,occurredOn,description,externalId\n");
        long batch = System.nanoTime();
        for (int i = 0; i < lines; i++) {
            file.append(i % 10 == 0 ? "INCOME" : "EXPENSE").append(',').append(1 + i % 97).append('.').append(String.format("%02d", i % 100))
                    .append(',').append(LocalDate.now().minusDays(i % 28)).append(',').append(WORDS[i % WORDS.length]).append(" import")
                    .append(',').append("soak-").append(RUN).append('-').append(batch).append('-').append(i).append('\n');
        }
        var request = HttpRequest.newBuilder(URI.create(gateway + "/api/budgets/" + budget + "/transactions/import"))
                .timeout(timeout.multipliedBy(3)).header("Authorization", "Bearer " + user.token.get())
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(file.toString()));
        var response = recorder.exchange("tx.import", request.build(), 200, scheduled);
        if (response != null && !response.body().contains("\"imported\":" + lines)) {
            recorder.error("tx.import", "imported fewer than " + lines + ": " + abbreviate(response.body()));
        }
    }

    // ------------------------------------------------------------------ the users

    record Category(String id, String name, String type) {}

    static final class User {
        final String email;
        final String password = "soak lantern " + UUID.randomUUID().toString().substring(0, 8) + " harbour";
        final AtomicReference<String> token = new AtomicReference<>();
        final AtomicReference<String> refreshToken = new AtomicReference<>();
        String budget;
        List<Category> categories = List.of();
        final List<String> goals = new ArrayList<>();
        /** Transactions this bench created and has not deleted: PUT and DELETE take one out, so no two touch the same. */
        final ConcurrentLinkedDeque<String> created = new ConcurrentLinkedDeque<>();

        User(int index) {
            email = "soak-" + RUN + "-" + index + "@bench.kitty.test";
        }

        static User register(int index, int history) throws Exception {
            var user = new User(index);
            check(send("POST", "/api/auth/register", null,
                    "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Soak %d\"}".formatted(user.email, user.password, index)), 201);
            var login = check(send("POST", "/api/auth/login", null, "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(user.email, user.password)), 200);
            user.token.set(field(login.body(), "access_token"));
            user.refreshToken.set(field(login.body(), "refresh_token"));
            awaitOk(user, "/api/users/me");
            user.budget = user.createBudget("Soak " + index + " " + RUN);
            var body = check(send("GET", user.base() + "/categories?size=100", user.token.get(), null), 200).body();
            var categories = new ArrayList<Category>();
            Matcher object = Pattern.compile("\\{[^{}]*\\}").matcher(body);
            while (object.find()) {
                String json = object.group();
                if (json.contains("\"type\"")) {
                    categories.add(new Category(field(json, "id"), field(json, "name"), field(json, "type")));
                }
            }
            user.categories = categories;
            user.importHistory(history);
            for (int g = 0; g < 2; g++) {
                var goal = check(send("POST", user.base() + "/goals", user.token.get(),
                        "{\"name\":\"Goal %d\",\"targetAmount\":\"1000000.00\",\"priority\":%d}".formatted(g, g + 1)), 201);
                user.goals.add(field(goal.body(), "id"));
                check(send("POST", user.base() + "/goals/" + user.goals.getLast() + "/contributions", user.token.get(), "{\"amount\":\"100.00\"}"), 201);
            }
            return user;
        }

        String base() {
            return "/api/budgets/" + budget;
        }

        /** The budget, once transaction-service knows it (BudgetCreated has arrived with the default categories). */
        String createBudget(String name) throws Exception {
            String id = field(check(send("POST", "/api/budgets", token.get(), "{\"name\":\"%s\",\"currency\":\"EUR\"}".formatted(name)), 201).body(), "id");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                var response = send("GET", "/api/budgets/" + id + "/categories", token.get(), null);
                if (response.statusCode() == 200 && response.body().contains("\"id\"")) {
                    return id;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("budget " + id + " has no categories in transaction-service after 60 s");
                }
                Thread.sleep(200);
            }
        }

        /** A year of history in one import: what reads will page, filter, search and sum over. */
        void importHistory(int lines) throws Exception {
            var file = new StringBuilder("type,amount,occurredOn,category,description\n");
            var random = new Random(lines);
            for (int i = 0; i < lines; i++) {
                var category = categories.get(random.nextInt(categories.size()));
                file.append(category.type).append(',').append(1 + random.nextInt(category.type.equals("INCOME") ? 3000 : 200)).append('.')
                        .append(String.format("%02d", random.nextInt(100))).append(',').append(LocalDate.now().minusDays(1 + random.nextInt(364)))
                        .append(',').append(csvField(category.name)).append(',').append(WORDS[random.nextInt(WORDS.length)]).append(" #").append(i)
                        .append('\n');
            }
            var request = HttpRequest.newBuilder(URI.create(gateway + base() + "/transactions/import")).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token.get()).header("Content-Type", "text/csv").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(file.toString())).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"imported\":" + lines)) {
                throw new IllegalStateException("history import answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
        }

        Category category(Random random, String type) {
            var matching = categories.stream().filter(c -> c.type.equals(type)).toList();
            return matching.get(random.nextInt(matching.size()));
        }

        String transactionBody(Random random) {
            boolean income = random.nextInt(10) == 0;
            var category = category(random, income ? "INCOME" : "EXPENSE");
            return "{\"type\":\"%s\",\"amount\":\"%d.%02d\",\"occurredOn\":\"%s\",\"categoryId\":\"%s\",\"description\":\"%s soak\"}".formatted(
                    category.type, 1 + random.nextInt(income ? 2000 : 150), random.nextInt(100), LocalDate.now().minusDays(random.nextInt(20)),
                    category.id, WORDS[random.nextInt(WORDS.length)]);
        }

        void postTransaction(Recorder recorder, Random random, long scheduled) {
            var response = call(recorder, "tx.post", "POST", base() + "/transactions", transactionBody(random), 201, scheduled);
            if (response != null) {
                created.addLast(field(response.body(), "id"));
            }
        }

        void putTransaction(Recorder recorder, Random random, long scheduled) {
            String id = created.pollLast();
            if (id == null) {
                postTransaction(recorder, random, scheduled);
                return;
            }
            var response = call(recorder, "tx.put", "PUT", base() + "/transactions/" + id, transactionBody(random), 200, scheduled);
            if (response != null) {
                created.addFirst(id);
            }
        }

        void deleteTransaction(Recorder recorder, Random random, long scheduled) {
            String id = created.pollFirst();
            if (id == null) {
                postTransaction(recorder, random, scheduled);
                return;
            }
            call(recorder, "tx.delete", "DELETE", base() + "/transactions/" + id, null, 204, scheduled);
        }

        /** Mostly in, sometimes a little out: never more out than the 100.00 each goal started with. */
        void contribute(Recorder recorder, Random random, long scheduled) {
            String goal = goals.get(random.nextInt(goals.size()));
            String amount = random.nextInt(4) == 0 ? "-1.00" : (1 + random.nextInt(20)) + ".00";
            call(recorder, "goal.contribute", "POST", base() + "/goals/" + goal + "/contributions", "{\"amount\":\"" + amount + "\"}", 201, scheduled);
        }

        void refresh(Recorder recorder) {
            var request = HttpRequest.newBuilder(URI.create(gateway + "/api/auth/refresh")).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken.get() + "\"}")).build();
            var response = recorder.exchange("auth.refresh", request, 200, System.nanoTime());
            if (response != null) {
                token.set(field(response.body(), "access_token"));
                refreshToken.set(field(response.body(), "refresh_token"));
            }
        }

        void get(Recorder recorder, String endpoint, String path, long scheduled) {
            call(recorder, endpoint, "GET", path, null, 200, scheduled);
        }

        HttpResponse<String> call(Recorder recorder, String endpoint, String method, String path, String body, int expected, long scheduled) {
            return recorder.exchange(endpoint, request(method, path, token.get(), body).timeout(timeout).build(), expected, scheduled);
        }
    }

    // ------------------------------------------------------------------ what a minute saw

    /** Latencies and errors of the minute under way; {@link #drain} hands them over and starts the next. */
    static final class Recorder {
        final ConcurrentHashMap<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        final AtomicLong total = new AtomicLong();
        final AtomicLong minuteTotal = new AtomicLong();
        final AtomicLong errorTotal = new AtomicLong();

        /**
         * Sends and records; the latency runs from when the request was due, not from when a client got to send it, so
         * a stall shows in the figures rather than hiding in the schedule (coordinated omission). Null unless the status
         * was the expected one.
         */
        HttpResponse<String> exchange(String endpoint, HttpRequest request, int expected, long scheduled) {
            total.incrementAndGet();
            minuteTotal.incrementAndGet();
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                latencies.computeIfAbsent(endpoint, e -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - scheduled);
                if (response.statusCode() == expected) {
                    return response;
                }
                error(response.statusCode() >= 500 ? "5xx" : "4xx", endpoint + " " + request.method() + " " + request.uri().getPath()
                        + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
                return null;
            } catch (HttpTimeoutException e) {
                error("timeout", endpoint + " " + request.method() + " " + request.uri().getPath() + " timed out after " + timeout.toMillis() + " ms");
            } catch (ConnectException e) {
                error("connection", endpoint + " " + request.method() + " " + request.uri().getPath() + ": " + e);
            } catch (IOException e) {
                error("connection", endpoint + " " + request.method() + " " + request.uri().getPath() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        void error(String kind, String description) {
            errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            errorTotal.incrementAndGet();
            if (firstErrors.size() < 50) {
                firstErrors.add(Instant.now() + " " + kind + " " + description);
                System.out.println("  ! " + kind + " " + description);
            }
        }

        Map<String, long[]> drainLatencies() {
            var drained = new TreeMap<String, long[]>();
            for (var endpoint : latencies.keySet()) {
                var queue = latencies.get(endpoint);
                var values = new ArrayList<Long>();
                for (Long value; (value = queue.poll()) != null; ) {
                    values.add(value);
                }
                drained.put(endpoint, values.stream().mapToLong(Long::longValue).toArray());
            }
            return drained;
        }

        Map<String, Long> drainErrors() {
            var drained = new TreeMap<String, Long>();
            for (var kind : List.of("5xx", "4xx", "timeout", "connection", "bench")) {
                var counter = errors.get(kind);
                drained.put(kind, counter == null ? 0 : counter.getAndSet(0));
            }
            return drained;
        }
    }

    static final class Minute {
        int minute;
        double load1;
        long requests;
        Map<String, Long> errors;
        long dropped;
        final Map<String, Double> rssMb = new LinkedHashMap<>();
        final Map<String, Double> heapMb = new LinkedHashMap<>();
        final Map<String, Double> liveMb = new LinkedHashMap<>();
        final Map<String, Double> nonHeapMb = new LinkedHashMap<>();
        final Map<String, Double> committedMb = new LinkedHashMap<>();
        Map<String, long[]> latencies;
        Map<String, Long> lag;
        boolean forcedGc;

        static Minute requests(int minute, Recorder recorder, AtomicLong dropped) {
            var sample = new Minute();
            sample.minute = minute;
            sample.load1 = Proc.load1();
            sample.latencies = recorder.drainLatencies();
            sample.requests = recorder.minuteTotal.getAndSet(0);
            sample.errors = recorder.drainErrors();
            sample.dropped = dropped.getAndSet(0);
            return sample;
        }

        void memory(Map<String, Long> pids, long launcher) {
            for (var service : SERVICES) {
                rssMb.put(service.name, Proc.rssMb(pids.get(service.name)));
                double[] memory = Actuator.memoryMb(service.management);
                heapMb.put(service.name, memory[0]);
                nonHeapMb.put(service.name, memory[1]);
                liveMb.put(service.name, memory[2]);
                committedMb.put(service.name, memory[3]);
            }
            rssMb.put("launcher", launcher > 0 ? Proc.rssMb(launcher) : Double.NaN);
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum() + dropped;
        }

        double p(String endpoint, double percentile) {
            var values = latencies.get(endpoint);
            return values == null ? Double.NaN : percentile(values, percentile);
        }

        static String header(Iterable<String> services, List<String> endpoints, List<String> groups) {
            var columns = new ArrayList<>(List.of("minute", "load1", "requests", "errors_5xx", "errors_4xx", "errors_timeout",
                    "errors_connection", "errors_bench", "dropped", "forced_gc"));
            services.forEach(s -> columns.add("rss_mb_" + s));
            columns.add("rss_mb_launcher");
            services.forEach(s -> columns.add("heap_used_mb_" + s));
            services.forEach(s -> columns.add("heap_after_gc_mb_" + s));
            services.forEach(s -> columns.add("nonheap_mb_" + s));
            services.forEach(s -> columns.add("heap_committed_mb_" + s));
            for (var endpoint : endpoints) {
                columns.add("count_" + endpoint);
                columns.add("p50_ms_" + endpoint);
                columns.add("p99_ms_" + endpoint);
            }
            groups.forEach(g -> columns.add("lag_" + g));
            return String.join(",", columns);
        }

        String csv(Iterable<String> services, List<String> endpoints, List<String> groups) {
            var values = new ArrayList<String>();
            values.add(Integer.toString(minute));
            values.add(number(load1));
            values.add(Long.toString(requests));
            for (var kind : List.of("5xx", "4xx", "timeout", "connection", "bench")) {
                values.add(Long.toString(errors.get(kind)));
            }
            values.add(Long.toString(dropped));
            values.add(Boolean.toString(forcedGc));
            services.forEach(s -> values.add(number(rssMb.get(s))));
            values.add(number(rssMb.get("launcher")));
            services.forEach(s -> values.add(number(heapMb.get(s))));
            services.forEach(s -> values.add(number(liveMb.get(s))));
            services.forEach(s -> values.add(number(nonHeapMb.get(s))));
            services.forEach(s -> values.add(number(committedMb.get(s))));
            for (var endpoint : endpoints) {
                var samples = latencies.get(endpoint);
                values.add(Integer.toString(samples == null ? 0 : samples.length));
                values.add(number(p(endpoint, 50)));
                values.add(number(p(endpoint, 99)));
            }
            groups.forEach(g -> values.add(lag.containsKey(g) ? Long.toString(lag.get(g)) : ""));
            return String.join(",", values);
        }

        static String number(Double value) {
            return value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.2f", value);
        }
    }

    static void printHeader(Iterable<String> services) {
        var line = new StringBuilder(String.format("%4s %5s %6s %4s |", "min", "load", "req", "err"));
        for (var service : services) {
            line.append(String.format(" %7s", shortName(service)));
        }
        line.append(" | p99 ms: all  worst endpoint         | lag");
        System.out.println("per minute: RSS MB / heap after GC MB of each service (heap used when no GC has run yet)");
        System.out.println(line);
    }

    static void printRow(Minute m, Iterable<String> services) {
        var line = new StringBuilder(String.format(Locale.ROOT, "%4d %5.2f %6d %4d |", m.minute, m.load1, m.requests, m.errorCount()));
        for (var service : services) {
            double heap = m.liveMb.get(service);
            line.append(String.format(Locale.ROOT, " %3.0f/%-3.0f", m.rssMb.get(service), Double.isNaN(heap) || heap == 0 ? m.heapMb.get(service) : heap));
        }
        long[] all = m.latencies.values().stream().flatMapToLong(Arrays::stream).toArray();
        String worst = m.latencies.keySet().stream().filter(endpoint -> m.latencies.get(endpoint).length > 0).max((a, b) -> Double.compare(m.p(a, 99), m.p(b, 99))).orElse("-");
        line.append(String.format(Locale.ROOT, " | %8.1f %6.1f %-16s | %d%s", percentile(all, 99), m.p(worst, 99), worst,
                m.lag.values().stream().mapToLong(Long::longValue).sum(), m.forcedGc ? "  (GC forced)" : ""));
        System.out.println(line);
    }

    static String shortName(String service) {
        return switch (service) {
            case "gateway" -> "gw";
            case "auth-service" -> "auth";
            case "user-service" -> "user";
            case "budget-service" -> "budget";
            case "transaction-service" -> "tx";
            case "notification-service" -> "notif";
            default -> service.length() > 7 ? service.substring(0, 7) : service;
        };
    }

    // ------------------------------------------------------------------ verdicts

    static final class Verdict {

        /**
         * MB per hour that counts as an upward trend. A leak of 5 MB/h in the heap's live set would fill the 384 MB heap
         * the stack runs with (about 100-150 MB live) within two days of uptime: worth knowing. Below it, half an hour of
         * once-a-minute samples cannot tell a trend from the sawtooth of allocation and collection here. RSS gets
         * twice that: it also carries metaspace, code cache, thread stacks and malloc arenas, which settle slowly.
         */
        static final double HEAP_MB_PER_HOUR = 5;
        static final double RSS_MB_PER_HOUR = 10;
        /** Records per hour: a consumer slower than its producers by one record a minute keeps falling behind. */
        static final double LAG_PER_HOUR = 60;

        static String all(List<Minute> minutes, Iterable<String> services, List<String> groups, Recorder recorder,
                Map<String, Long> lagAfter, double drainedIn) {
            var text = new StringBuilder();
            var second = minutes.subList(minutes.size() / 2, minutes.size());
            text.append(String.format(Locale.ROOT, "%nVerdicts (trends: least-squares slope over the second half, minutes %d-%d, ± its standard error):%n",
                    second.getFirst().minute, second.getLast().minute));
            text.append(String.format(Locale.ROOT, "memory (an upward trend: slope above %.0f MB/h for heap after GC, %.0f MB/h for RSS, and above twice its standard error):%n",
                    HEAP_MB_PER_HOUR, RSS_MB_PER_HOUR));
            text.append(String.format("  %-22s %24s %24s %9s   %s%n", "service", "heap after GC MB/h", "RSS MB/h", "verdict",
                    "at the end, MB: RSS / non-heap + committed heap"));
            boolean memoryOk = true;
            for (var service : services) {
                var heap = Trend.of(second, m -> liveOrUsed(m, service));
                var rss = Trend.of(second, m -> m.rssMb.get(service));
                boolean rising = heap.rising(HEAP_MB_PER_HOUR) || rss.rising(RSS_MB_PER_HOUR);
                memoryOk &= !rising;
                // the serial collector commits heap it has not touched yet: RSS rises as promotion first reaches those
                // pages, with no leak, until about this much (plus thread stacks and malloc, which no metric here counts)
                var last = minutes.getLast();
                text.append(String.format(Locale.ROOT, "  %-22s %24s %24s %9s   %.0f / %.0f%n", service, heap, rss, rising ? "RISING" : "flat",
                        last.rssMb.get(service), last.nonHeapMb.get(service) + last.committedMb.get(service)));
            }
            var launcher = Trend.of(second, m -> m.rssMb.get("launcher"));
            text.append(String.format(Locale.ROOT, "  %-22s %24s %24s %9s%n", "launcher (Kafka, mail)", "", launcher,
                    launcher.rising(RSS_MB_PER_HOUR) ? "(rising)" : "(flat)"));
            boolean measured = second.size() >= 3;
            text.append(String.format("  => memory: %s%n", !measured ? "n/a, too few minutes for a trend"
                    : memoryOk ? "PASS, no upward trend" : "FAIL, an upward trend"));

            text.append(String.format(Locale.ROOT, "consumer lag (growing: slope above %.0f records/h and above twice its standard error):%n", LAG_PER_HOUR));
            text.append(String.format("  %-40s %24s %8s %8s %10s%n", "group", "slope records/h", "max", "last", "after load"));
            boolean lagOk = true;
            for (var group : groups) {
                var trend = Trend.of(second, m -> m.lag.containsKey(group) ? (double) m.lag.get(group) : Double.NaN);
                long max = minutes.stream().mapToLong(m -> m.lag.getOrDefault(group, 0L)).max().orElse(0);
                long last = minutes.getLast().lag.getOrDefault(group, 0L);
                boolean growing = trend.rising(LAG_PER_HOUR) || lagAfter.getOrDefault(group, 0L) > 0;
                lagOk &= !growing;
                text.append(String.format(Locale.ROOT, "  %-40s %24s %8d %8d %10d%s%n", group, trend, max, last, lagAfter.getOrDefault(group, 0L),
                        growing ? "  GROWING" : ""));
            }
            long owed = lagAfter.values().stream().mapToLong(Long::longValue).sum();
            text.append(String.format(Locale.ROOT, "  after the load stopped: %s%n", owed == 0
                    ? String.format(Locale.ROOT, "every group at lag 0 within %.0f s", drainedIn) : "still " + owed + " records behind after 120 s"));
            text.append(String.format("  => lag: %s%n", !lagOk ? "FAIL, a lag that keeps growing"
                    : measured ? "PASS, no lag that keeps growing" : "n/a for the trend, too few minutes; drained after the load"));

            long errors = minutes.stream().mapToLong(Minute::errorCount).sum();
            var byKind = new TreeMap<String, Long>();
            minutes.forEach(m -> m.errors.forEach((kind, count) -> byKind.merge(kind, count, Long::sum)));
            byKind.put("dropped", minutes.stream().mapToLong(m -> m.dropped).sum());
            text.append(String.format("errors over %,d requests: %d %s%n", recorder.total.get(), errors, byKind));
            recorder.firstErrors.forEach(e -> text.append("  ").append(e).append('\n'));
            text.append(String.format("  => errors: %s%n", errors == 0 ? "PASS, none" : "FAIL"));
            return text.toString();
        }

        /** Per ten minutes: requests, errors, p50/p99 over every request, and per service the mean RSS and the last heap after GC. */
        static String tenMinuteTable(List<Minute> minutes, Iterable<String> services) {
            var text = new StringBuilder("\nPer 10 minutes (RSS: mean MB; heap: heap after the last full GC of the window, MB):\n\n");
            var head = new StringBuilder("| minutes | load | requests | errors | p50 ms | p99 ms |");
            var rule = new StringBuilder("|---|---:|---:|---:|---:|---:|");
            for (var service : services) {
                head.append(' ').append(shortName(service)).append(" RSS / heap |");
                rule.append("---:|");
            }
            head.append(" lag max |");
            rule.append("---:|");
            text.append(head).append('\n').append(rule).append('\n');
            for (int from = 0; from < minutes.size(); from += 10) {
                var window = minutes.subList(from, Math.min(minutes.size(), from + 10));
                long[] all = window.stream().flatMap(m -> m.latencies.values().stream()).flatMapToLong(Arrays::stream).toArray();
                var row = new StringBuilder(String.format(Locale.ROOT, "| %d-%d | %.2f | %,d | %d | %.1f | %.1f |", window.getFirst().minute,
                        window.getLast().minute, window.stream().mapToDouble(m -> m.load1).average().orElse(0),
                        window.stream().mapToLong(m -> m.requests).sum(), window.stream().mapToLong(Minute::errorCount).sum(),
                        percentile(all, 50), percentile(all, 99)));
                for (var service : services) {
                    double rss = window.stream().mapToDouble(m -> m.rssMb.get(service)).average().orElse(Double.NaN);
                    row.append(String.format(Locale.ROOT, " %.0f / %.0f |", rss, liveOrUsed(window.getLast(), service)));
                }
                row.append(String.format(" %d |", window.stream().mapToLong(m -> m.lag.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0)));
                text.append(row).append('\n');
            }
            return text.toString();
        }
    }

    /** The live set after the last full GC when one has run, else the heap in use (then with the garbage). */
    static double liveOrUsed(Minute m, String service) {
        double live = m.liveMb.get(service);
        return Double.isNaN(live) || live == 0 ? m.heapMb.get(service) : live;
    }

    record Trend(double slopePerHour, double standardErrorPerHour, int points) {

        static Trend of(List<Minute> minutes, Function<Minute, Double> value) {
            var xs = new ArrayList<Double>();
            var ys = new ArrayList<Double>();
            for (var m : minutes) {
                Double y = value.apply(m);
                if (y != null && !y.isNaN()) {
                    xs.add(m.minute / 60.0);
                    ys.add(y);
                }
            }
            int n = xs.size();
            if (n < 3) {
                return new Trend(Double.NaN, Double.NaN, n);
            }
            double mx = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double my = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                sxx += (xs.get(i) - mx) * (xs.get(i) - mx);
                sxy += (xs.get(i) - mx) * (ys.get(i) - my);
            }
            double slope = sxy / sxx;
            double residuals = 0;
            for (int i = 0; i < n; i++) {
                double r = ys.get(i) - (my + slope * (xs.get(i) - mx));
                residuals += r * r;
            }
            return new Trend(slope, Math.sqrt(residuals / (n - 2) / sxx), n);
        }

        boolean rising(double threshold) {
            return !Double.isNaN(slopePerHour) && slopePerHour > threshold && slopePerHour > 2 * standardErrorPerHour;
        }

        @Override
        public String toString() {
            return Double.isNaN(slopePerHour) ? "n/a" : String.format(Locale.ROOT, "%+.1f ± %.1f", slopePerHour, standardErrorPerHour);
        }
    }

    // ------------------------------------------------------------------ the plot

    static final class Plot {

        /** Four charts one above the other, each with its own legend, on one image. */
        static void write(Path png, List<Minute> minutes, Iterable<String> services, List<String> endpoints, List<String> groups, double rate) throws IOException {
            var rss = new XYSeriesCollection();
            var heap = new XYSeriesCollection();
            for (var service : services) {
                rss.addSeries(series(service, minutes, m -> m.rssMb.get(service)));
                heap.addSeries(series(service, minutes, m -> liveOrUsed(m, service)));
            }
            rss.addSeries(series("launcher (Kafka, mail)", minutes, m -> m.rssMb.get("launcher")));
            var p99 = new XYSeriesCollection();
            for (var endpoint : endpoints) {
                p99.addSeries(series(endpoint, minutes, m -> m.p(endpoint, 99)));
            }
            var lag = new XYSeriesCollection();
            for (var group : groups) {
                lag.addSeries(series(group, minutes, m -> m.lag.containsKey(group) ? (double) m.lag.get(group) : Double.NaN));
            }
            var charts = List.of(
                    chart(String.format(Locale.ROOT, "Kitty soak: %d min at %.0f requests/s through the gateway. RSS per process", minutes.size(), rate), rss, "RSS MB"),
                    chart("Heap after GC per service (live set after the last full GC)", heap, "MB"),
                    chart("p99 latency per endpoint, per minute (from when the request was due)", p99, "ms"),
                    chart("Consumer lag per group (records not yet committed)", lag, "records"));
            int[] heights = {450, 450, 650, 400};
            int width = 1400;
            var image = new BufferedImage(width, Arrays.stream(heights).sum(), BufferedImage.TYPE_INT_RGB);
            var graphics = image.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int y = 0;
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(graphics, new Rectangle2D.Double(0, y, width, heights[i]));
                y += heights[i];
            }
            graphics.dispose();
            if (png.toAbsolutePath().getParent() != null) {
                Files.createDirectories(png.toAbsolutePath().getParent());
            }
            ImageIO.write(image, "png", png.toFile());
        }

        static JFreeChart chart(String title, XYSeriesCollection data, String label) {
            var renderer = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < data.getSeriesCount(); i++) {
                renderer.setSeriesStroke(i, new BasicStroke(1.6f));
            }
            var axis = new NumberAxis(label);
            axis.setAutoRangeIncludesZero(true);
            // an all-zero lag still gets a readable axis
            axis.setAutoRangeMinimumSize(10);
            var minute = new NumberAxis("minute");
            minute.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            var plot = new XYPlot(data, minute, axis, renderer);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            var chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
            chart.getLegend().setPosition(RectangleEdge.RIGHT);
            chart.setBackgroundPaint(Color.WHITE);
            return chart;
        }

        static XYSeries series(String name, List<Minute> minutes, Function<Minute, Double> value) {
            var series = new XYSeries(name);
            for (var m : minutes) {
                Double y = value.apply(m);
                if (y != null && !y.isNaN()) {
                    series.add(m.minute, y);
                }
            }
            return series;
        }
    }

    // ------------------------------------------------------------------ the stack's processes, actuator and Kafka

    record Service(String name, int port, String management) {
        Service(String name, int port, int management) {
            this(name, port, "http://localhost:" + management);
        }
    }

    static final class Proc {

        /** The process listening on a TCP port (this machine may run other stacks whose jars have the same names). */
        static long listener(int port) throws IOException {
            var inodes = new ArrayList<String>();
            for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                var file = Path.of(table);
                if (!Files.exists(file)) {
                    continue;
                }
                for (var line : Files.readAllLines(file).stream().skip(1).toList()) {
                    var fields = line.trim().split("\\s+");
                    String local = fields[1];
                    if (fields[3].equals("0A") && Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + fields[9] + "]");
                    }
                }
            }
            if (inodes.isEmpty()) {
                return -1;
            }
            try (var processes = Files.list(Path.of("/proc"))) {
                for (var process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try (var fds = Files.list(process.resolve("fd"))) {
                        for (var fd : fds.toList()) {
                            try {
                                if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                    return Long.parseLong(process.getFileName().toString());
                                }
                            } catch (IOException gone) {
                                // closed between listing and reading
                            }
                        }
                    } catch (IOException | SecurityException notOurs) {
                        // ended, or not readable
                    }
                }
            }
            return -1;
        }

        static String commandLine(long pid) {
            try {
                return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
            } catch (IOException e) {
                return "";
            }
        }

        static double rssMb(long pid) {
            try {
                for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            } catch (IOException e) {
                // the process is gone: a restart the soak must show
            }
            return Double.NaN;
        }

        static double load1() {
            try {
                return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            } catch (IOException e) {
                return Double.NaN;
            }
        }

        /**
         * A full collection in each service, so that the next reading of jvm.gc.live.data.size is the live set now: the
         * stack's serial collector may otherwise go an hour without one, and old-generation occupancy between full
         * collections only grows, which would look like a leak. Costs each service one pause of a few hundred ms.
         */
        static void forceGc(String jcmd, Iterable<Long> pids) {
            for (long pid : pids) {
                try {
                    var process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (IOException e) {
                    System.out.println("  (jcmd GC.run " + pid + " failed: " + e + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static final class Actuator {

        /**
         * Heap in use (every heap pool), non-heap in use (metaspace, code cache) and the live set after the last full GC,
         * in MB, from the Prometheus scrape on the management port (the only metrics endpoint the services expose);
         * NaN when the port does not answer.
         */
        static double[] memoryMb(String management) {
            double[] values = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return values;
                }
                double heap = 0;
                double nonHeap = 0;
                double committed = 0;
                for (var line : response.body().split("\n")) {
                    if (line.startsWith("jvm_memory_used_bytes{")) {
                        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        if (line.contains("area=\"heap\"")) {
                            heap += value;
                        } else {
                            nonHeap += value;
                        }
                    } else if (line.startsWith("jvm_memory_committed_bytes{") && line.contains("area=\"heap\"")) {
                        committed += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                        values[2] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1024 / 1024;
                    }
                }
                values[0] = heap / 1024 / 1024;
                values[1] = nonHeap / 1024 / 1024;
                values[3] = committed / 1024 / 1024;
                return values;
            } catch (IOException | InterruptedException | RuntimeException e) {
                return values;
            }
        }
    }

    static Properties kafkaProperties(String bootstrap) {
        var properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "kitty-soak-bench");
        return properties;
    }

    static final class Lag {

        static List<String> groups(Admin admin) throws Exception {
            return admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(15, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).sorted().toList();
        }

        /** Per group, the records on its partitions it has not committed yet: the latest offset minus the committed one. */
        static Map<String, Long> read(Admin admin, List<String> groups) {
            var lag = new LinkedHashMap<String, Long>();
            for (var group : groups) {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                            .get(15, TimeUnit.SECONDS);
                    var request = new HashMap<TopicPartition, OffsetSpec>();
                    committed.keySet().forEach(partition -> request.put(partition, OffsetSpec.latest()));
                    var latest = admin.listOffsets(request).all().get(15, TimeUnit.SECONDS);
                    long behind = 0;
                    for (var entry : committed.entrySet()) {
                        if (entry.getValue() != null && latest.containsKey(entry.getKey())) {
                            behind += Math.max(0, latest.get(entry.getKey()).offset() - entry.getValue().offset());
                        }
                    }
                    lag.put(group, behind);
                } catch (Exception e) {
                    System.out.println("  (lag of " + group + " not read: " + e + ")");
                }
            }
            return lag;
        }
    }

    // ------------------------------------------------------------------ HTTP helpers, as in the other benches

    static HttpRequest.Builder request(String method, String path, String token, String body) {
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : gateway + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json, image/svg+xml");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return http.send(request(method, path, token, body).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void awaitOk(User user, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("GET", path, user.token.get(), null).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 from " + path + " within 60 s");
            }
            Thread.sleep(200);
        }
    }

    static HttpResponse<String> check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response;
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + abbreviate(json));
        }
        return matcher.group(1);
    }

    static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
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
