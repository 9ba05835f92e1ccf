package dev.kitty.system.fault;

import dev.kitty.system.fault.History.Kind;
import dev.kitty.system.fault.History.Op;
import dev.kitty.system.fault.History.Outcome;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares what clients were told ({@link History}) with what the system holds once the faults have stopped, and
 * every replica with its source:
 * <ul>
 * <li><b>lost</b>: an acknowledged write that is not there;</li>
 * <li><b>duplicated</b>: a write whose effect is there twice (or a refused one that is there at all), a mail queued
 * twice for one event and recipient;</li>
 * <li><b>divergent</b>: a row a replica has and its source has not, or the other way round (users in user-, budget- and
 * notification-service against auth-service; budgets and memberships in transaction- and notification-service against
 * budget-service), and rollups that disagree with the transactions they sum.</li>
 * </ul>
 * Replicas catch up asynchronously, so the check repeats until lost and divergent are 0 or the time is up; how long
 * that took is the convergence time.
 */
public final class Checker {

    public record Verdict(String scenario, long acknowledged, long unknown, long lost, long duplicated, long divergent,
            Duration converged, List<String> findings) {

        public boolean clean() {
            return this.lost == 0 && this.duplicated == 0 && this.divergent == 0;
        }

        String row() {
            return "| %s | %d | %d | %d | %d | %d | %.1f s |".formatted(this.scenario, this.acknowledged, this.unknown,
                    this.lost, this.duplicated, this.divergent, this.converged.toMillis() / 1000.0);
        }

    }

    private static final List<Verdict> verdicts = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final FaultStack.Handle handle;

    private Checker(FaultStack.Handle handle) {
        this.handle = handle;
    }

    /** Waits up to {@code within} for the system to agree with the history and with itself, then judges it. */
    public static Verdict settle(String scenario, FaultStack.Handle handle, History history, Duration within) {
        Checker checker = new Checker(handle);
        long started = System.nanoTime();
        long deadline = started + within.toNanos();
        Findings findings;
        while (true) {
            findings = checker.findings(history);
            if ((findings.lost.isEmpty() && findings.divergent.isEmpty()) || System.nanoTime() > deadline) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        Duration converged = Duration.ofNanos(System.nanoTime() - started);
        List<String> all = new ArrayList<>();
        findings.lost.forEach((finding) -> all.add("lost: " + finding));
        findings.duplicated.forEach((finding) -> all.add("duplicated: " + finding));
        findings.divergent.forEach((finding) -> all.add("divergent: " + finding));
        Verdict verdict = new Verdict(scenario, history.count(Outcome.OK), history.count(Outcome.UNKNOWN),
                findings.lost.size(), findings.duplicated.size(), findings.divergentRows(), converged, all);
        verdicts.add(verdict);
        System.out.println(table(List.of(verdict)));
        all.stream().limit(30).forEach((finding) -> System.out.println("  " + finding));
        return verdict;
    }

    /** Every verdict of this JVM, as a Markdown table. */
    public static String report() {
        return table(verdicts);
    }

    private static String table(List<Verdict> rows) {
        StringBuilder table = new StringBuilder(
                "| scenario | acknowledged | unknown | lost | duplicated | divergent | converged in |\n|---|---|---|---|---|---|---|\n");
        rows.forEach((verdict) -> table.append(verdict.row()).append('\n'));
        return table.toString();
    }

    private record Findings(List<String> lost, List<String> duplicated, List<String> divergent, long divergentRows) {
    }

    private Findings findings(History history) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> divergent = new ArrayList<>();
        long[] divergentRows = {0};
        try (Connection auth = connect("kitty_auth"); Connection users = connect("kitty_user");
                Connection budgets = connect("kitty_budget"); Connection transactions = connect("kitty_transaction");
                Connection notifications = connect("kitty_notification")) {
            judge(history, Kind.TRANSACTION, counts(transactions,
                    "SELECT description, count(*) FROM ledger_transaction WHERE description = ANY (?) GROUP BY description",
                    keys(history, Kind.TRANSACTION)), lost, duplicated);
            judge(history, Kind.BUDGET, counts(budgets,
                    "SELECT name, count(*) FROM budget WHERE name = ANY (?) GROUP BY name", keys(history, Kind.BUDGET)),
                    lost, duplicated);
            judge(history, Kind.REGISTRATION, counts(auth,
                    "SELECT lower(email), count(*) FROM account WHERE lower(email) = ANY (?) GROUP BY lower(email)",
                    keys(history, Kind.REGISTRATION)), lost, duplicated);
            judge(history, Kind.CONTRIBUTION, contributions(transactions, history), lost, duplicated);

            Set<String> accounts = strings(auth, "SELECT id::text FROM account");
            compare("profiles (user-service) vs accounts", accounts, strings(users, "SELECT id::text FROM profile"), divergent);
            compare("known users (budget-service) vs accounts", accounts,
                    strings(budgets, "SELECT user_id::text FROM known_user"), divergent);
            compare("recipients (notification-service) vs accounts", accounts,
                    strings(notifications, "SELECT user_id::text FROM recipient"), divergent);

            Set<String> budgetIds = strings(budgets, "SELECT id::text FROM budget");
            compare("budgets (transaction-service) vs budget-service", budgetIds,
                    strings(transactions, "SELECT budget_id::text FROM budget_ref"), divergent);
            compare("budgets (notification-service) vs budget-service", budgetIds,
                    strings(notifications, "SELECT budget_id::text FROM budget"), divergent);

            Set<String> memberships = strings(budgets, "SELECT budget_id || ' ' || user_id || ' ' || role FROM membership");
            compare("members (transaction-service) vs budget-service", memberships,
                    strings(transactions,
                            "SELECT budget_id || ' ' || user_id || ' ' || role FROM budget_member WHERE removed_at IS NULL"),
                    divergent);
            compare("members (notification-service) vs budget-service", memberships, strings(notifications,
                    "SELECT budget_id || ' ' || user_id || ' ' || role FROM budget_member WHERE removed_at IS NULL"), divergent);

            compare("rollups vs transactions", strings(transactions, """
                    SELECT budget_id || ' ' || type || ' ' || trim_scale(sum(amount)) || ' ' || count(*)
                    FROM ledger_transaction GROUP BY budget_id, type"""), strings(transactions, """
                    SELECT budget_id || ' ' || type || ' ' || trim_scale(sum(total)) || ' ' || sum(tx_count)
                    FROM monthly_rollup GROUP BY budget_id, type HAVING sum(tx_count) > 0"""), divergent);

            strings(notifications, """
                    SELECT template || ' for ' || coalesce(user_id::text, recipient) || ' from event ' || event_id || ': '
                           || count(*) || ' mails'
                    FROM mail_outbox GROUP BY template, coalesce(user_id::text, recipient), event_id HAVING count(*) > 1""")
                .forEach(duplicated::add);
        }
        catch (SQLException ex) {
            divergent.add("could not read the databases: " + ex);
            divergentRows[0]++;
        }
        return new Findings(lost, duplicated, divergent, divergentRows[0] + divergent.stream()
            .mapToLong(Checker::rowsIn).sum());
    }

    /** OK must be there once, UNKNOWN at most once, FAILED not at all. */
    private static void judge(History history, Kind kind, Map<String, Long> counts, List<String> lost,
            List<String> duplicated) {
        for (Op op : history.ops()) {
            if (op.kind() != kind) {
                continue;
            }
            long count = counts.getOrDefault(normalise(kind, op.key()), 0L);
            if (op.outcome() == Outcome.OK && count == 0) {
                lost.add(kind + " " + op.key());
            }
            if (count > 1) {
                duplicated.add(kind + " " + op.key() + " is there " + count + " times");
            }
            if (op.outcome() == Outcome.FAILED && count > 0) {
                duplicated.add(kind + " " + op.key() + " was refused (" + op.detail() + ") but is there");
            }
        }
    }

    private static Map<String, Long> contributions(Connection transactions, History history) throws SQLException {
        Set<String> goals = new HashSet<>();
        history.ops().stream().filter((op) -> op.kind() == Kind.CONTRIBUTION).forEach((op) -> goals.add(op.scope()));
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = transactions.prepareStatement(
                "SELECT amount FROM goal_entry WHERE kind = 'CONTRIBUTION' AND goal_id::text = ANY (?)")) {
            statement.setArray(1, transactions.createArrayOf("text", goals.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.merge(rows.getBigDecimal(1).stripTrailingZeros().toPlainString(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static String normalise(Kind kind, String key) {
        return (kind == Kind.CONTRIBUTION) ? new BigDecimal(key).stripTrailingZeros().toPlainString() : key;
    }

    private static String[] keys(History history, Kind kind) {
        return history.ops().stream().filter((op) -> op.kind() == kind).map(Op::key).toArray(String[]::new);
    }

    private static Map<String, Long> counts(Connection connection, String sql, String[] keys) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", keys));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    static Set<String> strings(Connection connection, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** "…: 3 missing, e.g. […]" → 3. */
    private static long rowsIn(String finding) {
        var matcher = java.util.regex.Pattern.compile(": (\\d+) (missing|too many)").matcher(finding);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static void compare(String what, Set<String> source, Set<String> replica, List<String> divergent) {
        Function<Set<String>, String> head = (set) -> set.stream().sorted().limit(3).toList().toString();
        Set<String> missing = new HashSet<>(source);
        missing.removeAll(replica);
        Set<String> extra = new HashSet<>(replica);
        extra.removeAll(source);
        if (!missing.isEmpty()) {
            divergent.add(what + ": " + missing.size() + " missing, e.g. " + head.apply(missing));
        }
        if (!extra.isEmpty()) {
            divergent.add(what + ": " + extra.size() + " too many, e.g. " + head.apply(extra));
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(this.handle.jdbcUrl(database), database, database);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
