package dev.kitty.transaction.closing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The close's SQL: cursors ({@code month_close_cursor}), closed months ({@code closed_month}) and the month totals
 * read from {@code monthly_rollup} (sums in SQL, never transactions in Java). Reads {@code budget_ref} (the
 * membership replica's budgets) for the currency and time zone.
 */
@Repository
class MonthCloseRepository {

    /** Never a budget id: keeps {@code NOT IN (…)} valid when nothing is excluded. */
    static final UUID NO_ID = new UUID(0, 0);

    private static final String INCOME = "coalesce(sum(total) FILTER (WHERE type = 'INCOME'), 0)";
    private static final String EXPENSE = "coalesce(sum(total) FILTER (WHERE type = 'EXPENSE'), 0)";

    private final JdbcClient jdbc;

    MonthCloseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A budget the replica knows that has no cursor yet, with what decides its first month. */
    record NewBudget(UUID budgetId, Instant createdAt, @Nullable String timeZone, @Nullable LocalDate firstRollupMonth) {}

    /** A cursor row, locked by the transaction that read it, with the budget's currency and zone. */
    record Cursor(UUID budgetId, YearMonth nextMonth, boolean started, String currency, BudgetCalendar calendar) {}

    /** A not-started cursor whose budget now has transactions in a month before its next month (backdated history). */
    record Backdated(UUID budgetId, YearMonth nextMonth, YearMonth firstRollupMonth, BudgetCalendar calendar) {}

    record Totals(BigDecimal income, BigDecimal expense) {
        BigDecimal net() {
            return income.subtract(expense);
        }

        BigDecimal surplus() {
            return net().max(BigDecimal.ZERO);
        }
    }

    /** An earlier month whose surplus now differs from what the goals were settled against; {@code accounted} null: no row (never closed). */
    record Unsettled(YearMonth month, Totals now, @Nullable BigDecimal accounted, BigDecimal swept) {}

    record ClosedRow(YearMonth month, BigDecimal income, BigDecimal expense, BigDecimal net, BigDecimal allocatedToGoals) {}

    /** {@code only} null: every budget. */
    List<NewBudget> budgetsWithoutCursor(@Nullable Collection<UUID> only) {
        return jdbc.sql("""
                SELECT b.budget_id, b.created_at, b.time_zone,
                       (SELECT min(r.month) FROM monthly_rollup r WHERE r.budget_id = b.budget_id) AS first_rollup
                FROM budget_ref b
                WHERE NOT EXISTS (SELECT 1 FROM month_close_cursor c WHERE c.budget_id = b.budget_id)
                  AND (:all OR b.budget_id IN (:only))
                ORDER BY b.budget_id
                """)
                .param("all", only == null).param("only", ids(only))
                .query((rs, n) -> new NewBudget(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    void insertCursor(UUID budgetId, YearMonth first, Instant dueAt) {
        jdbc.sql("""
                INSERT INTO month_close_cursor (budget_id, next_month, due_at, started) VALUES (:budgetId, :month, :dueAt, FALSE)
                ON CONFLICT (budget_id) DO NOTHING
                """)
                .param("budgetId", budgetId).param("month", first.atDay(1)).param("dueAt", utc(dueAt))
                .update();
    }

    List<Backdated> backdated(@Nullable Collection<UUID> only) {
        return jdbc.sql("""
                SELECT c.budget_id, c.next_month, f.first, b.time_zone
                FROM month_close_cursor c
                JOIN budget_ref b ON b.budget_id = c.budget_id
                CROSS JOIN LATERAL (SELECT min(r.month) AS first FROM monthly_rollup r WHERE r.budget_id = c.budget_id) f
                WHERE NOT c.started AND f.first < c.next_month AND (:all OR c.budget_id IN (:only))
                """)
                .param("all", only == null).param("only", ids(only))
                .query((rs, n) -> new Backdated(rs.getObject(1, UUID.class), BudgetCalendar.month(rs.getObject(2, LocalDate.class)),
                        BudgetCalendar.month(rs.getObject(3, LocalDate.class)), BudgetCalendar.of(rs.getString(4))))
                .list();
    }

    /** Moves a cursor that has not closed anything yet back to an earlier first month; a started one stays where it is. */
    void moveBack(UUID budgetId, YearMonth first, Instant dueAt) {
        jdbc.sql("""
                UPDATE month_close_cursor SET next_month = :month, due_at = :dueAt
                WHERE budget_id = :budgetId AND NOT started AND next_month > :month
                """)
                .param("budgetId", budgetId).param("month", first.atDay(1)).param("dueAt", utc(dueAt))
                .update();
    }

    /**
     * Claims the budget whose next month fell due first and that no other transaction holds: the row stays locked
     * until this transaction ends, and other instances skip it.
     */
    Optional<Cursor> claimDue(Instant now, @Nullable Collection<UUID> only, Collection<UUID> excluded) {
        return jdbc.sql("""
                SELECT c.budget_id, c.next_month, c.started, b.currency, b.time_zone
                FROM month_close_cursor c JOIN budget_ref b ON b.budget_id = c.budget_id
                WHERE c.due_at <= :now AND c.budget_id NOT IN (:excluded) AND (:all OR c.budget_id IN (:only))
                ORDER BY c.due_at
                LIMIT 1
                FOR UPDATE OF c SKIP LOCKED
                """)
                .param("now", utc(now)).param("excluded", excluded).param("all", only == null).param("only", ids(only))
                .query(MonthCloseRepository::cursor)
                .optional();
    }

    /** The budget's cursor, waiting for whoever holds it (the on-demand close). */
    Optional<Cursor> lock(UUID budgetId) {
        return jdbc.sql("""
                SELECT c.budget_id, c.next_month, c.started, b.currency, b.time_zone
                FROM month_close_cursor c JOIN budget_ref b ON b.budget_id = c.budget_id
                WHERE c.budget_id = :budgetId
                FOR UPDATE OF c
                """)
                .param("budgetId", budgetId)
                .query(MonthCloseRepository::cursor)
                .optional();
    }

    private static Cursor cursor(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Cursor(rs.getObject(1, UUID.class), BudgetCalendar.month(rs.getObject(2, LocalDate.class)), rs.getBoolean(3),
                rs.getString(4), BudgetCalendar.of(rs.getString(5)));
    }

    void advance(UUID budgetId, YearMonth next, Instant dueAt) {
        jdbc.sql("UPDATE month_close_cursor SET next_month = :month, due_at = :dueAt, started = TRUE WHERE budget_id = :budgetId")
                .param("budgetId", budgetId).param("month", next.atDay(1)).param("dueAt", utc(dueAt))
                .update();
    }

    Optional<YearMonth> firstRollupMonth(UUID budgetId) {
        return jdbc.sql("SELECT min(month) FROM monthly_rollup WHERE budget_id = :budgetId")
                .param("budgetId", budgetId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional()
                .map(BudgetCalendar::month);
    }

    Optional<BudgetCalendar> calendarOf(UUID budgetId) {
        return jdbc.sql("SELECT time_zone FROM budget_ref WHERE budget_id = :budgetId")
                .param("budgetId", budgetId)
                .query((rs, n) -> BudgetCalendar.of(rs.getString(1)))
                .optional();
    }

    Optional<String> currencyOf(UUID budgetId) {
        return jdbc.sql("SELECT currency FROM budget_ref WHERE budget_id = :budgetId")
                .param("budgetId", budgetId)
                .query(String.class)
                .optional();
    }

    boolean isClosed(UUID budgetId, YearMonth month) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM closed_month WHERE budget_id = :budgetId AND month = :month)")
                .param("budgetId", budgetId).param("month", month.atDay(1))
                .query(Boolean.class).single();
    }

    Totals totals(UUID budgetId, YearMonth month) {
        return jdbc.sql("SELECT " + INCOME + ", " + EXPENSE + " FROM monthly_rollup WHERE budget_id = :budgetId AND month = :month")
                .param("budgetId", budgetId).param("month", month.atDay(1))
                .query((rs, n) -> new Totals(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .single();
    }

    void insertClosed(UUID budgetId, YearMonth month, Totals totals, BigDecimal accounted, BigDecimal swept, Instant closedAt,
            @Nullable UUID closedBy) {
        jdbc.sql("""
                INSERT INTO closed_month (budget_id, month, income, expense, net, accounted_surplus, swept, allocated_to_goals, closed_at, closed_by)
                VALUES (:budgetId, :month, :income, :expense, :net, :accounted, :swept, 0, :closedAt, :closedBy)
                """)
                .param("budgetId", budgetId).param("month", month.atDay(1))
                .param("income", totals.income()).param("expense", totals.expense()).param("net", totals.net())
                .param("accounted", accounted).param("swept", swept).param("closedAt", utc(closedAt)).param("closedBy", closedBy)
                .update();
    }

    /**
     * The months before {@code month} whose surplus as it stands now ({@code max(net, 0)} from the rollups) differs
     * from the surplus their goals were settled against, oldest first. A month without a row (history entered after
     * the cursor passed it) counts as closed with nothing accounted.
     */
    List<Unsettled> unsettledBefore(UUID budgetId, YearMonth month) {
        return jdbc.sql("""
                WITH now_ AS (
                    SELECT month, %s AS income, %s AS expense FROM monthly_rollup
                    WHERE budget_id = :budgetId AND month < :month GROUP BY month),
                closed AS (
                    SELECT month, accounted_surplus, swept FROM closed_month WHERE budget_id = :budgetId AND month < :month)
                SELECT coalesce(n.month, c.month), coalesce(n.income, 0), coalesce(n.expense, 0), c.accounted_surplus, coalesce(c.swept, 0)
                FROM now_ n FULL JOIN closed c ON c.month = n.month
                WHERE greatest(coalesce(n.income, 0) - coalesce(n.expense, 0), 0) <> coalesce(c.accounted_surplus, 0)
                ORDER BY 1
                """.formatted(INCOME, EXPENSE))
                .param("budgetId", budgetId).param("month", month.atDay(1))
                .query((rs, n) -> new Unsettled(BudgetCalendar.month(rs.getObject(1, LocalDate.class)),
                        new Totals(rs.getBigDecimal(2), rs.getBigDecimal(3)), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    void settled(UUID budgetId, YearMonth month, BigDecimal accounted, BigDecimal sweptDelta) {
        jdbc.sql("UPDATE closed_month SET accounted_surplus = :accounted, swept = swept + :delta WHERE budget_id = :budgetId AND month = :month")
                .param("budgetId", budgetId).param("month", month.atDay(1)).param("accounted", accounted).param("delta", sweptDelta)
                .update();
    }

    void allocatedToGoals(UUID budgetId, YearMonth month, BigDecimal allocated, BigDecimal sweptDelta) {
        jdbc.sql("UPDATE closed_month SET allocated_to_goals = :allocated, swept = swept + :delta WHERE budget_id = :budgetId AND month = :month")
                .param("budgetId", budgetId).param("month", month.atDay(1)).param("allocated", allocated).param("delta", sweptDelta)
                .update();
    }

    /** The month's five largest expense categories (null: uncategorised), largest first. */
    List<CategorySum> topExpenses(UUID budgetId, YearMonth month, int limit) {
        return jdbc.sql("""
                SELECT category_id, sum(total) AS amount FROM monthly_rollup
                WHERE budget_id = :budgetId AND month = :month AND type = 'EXPENSE'
                GROUP BY category_id HAVING sum(total) <> 0
                ORDER BY amount DESC, category_id NULLS LAST
                LIMIT :limit
                """)
                .param("budgetId", budgetId).param("month", month.atDay(1)).param("limit", limit)
                .query((rs, n) -> new CategorySum(rs.getObject(1, UUID.class), rs.getBigDecimal(2)))
                .list();
    }

    record CategorySum(@Nullable UUID categoryId, BigDecimal amount) {}

    /** Closed months from {@code from} to {@code to}, oldest first, with their frozen totals. */
    List<ClosedRow> closedBetween(UUID budgetId, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                SELECT month, income, expense, net, allocated_to_goals FROM closed_month
                WHERE budget_id = :budgetId AND month BETWEEN :from AND :to ORDER BY month
                """)
                .param("budgetId", budgetId).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query((rs, n) -> new ClosedRow(BudgetCalendar.month(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    /** The earliest month with transactions or a close; empty when the budget has neither. */
    Optional<YearMonth> firstMonth(UUID budgetId) {
        return jdbc.sql("""
                SELECT least((SELECT min(month) FROM monthly_rollup WHERE budget_id = :budgetId),
                              (SELECT min(month) FROM closed_month WHERE budget_id = :budgetId))
                """)
                .param("budgetId", budgetId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional()
                .map(BudgetCalendar::month);
    }

    /** One row per month from {@code to} down to {@code from}: the closed month's frozen figures, or the open month's current ones. */
    List<MonthRow> months(UUID budgetId, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                SELECT s.m::date, c.month IS NOT NULL, coalesce(c.income, r.income, 0), coalesce(c.expense, r.expense, 0),
                       coalesce(c.allocated_to_goals, 0)
                FROM generate_series(CAST(:to AS date), CAST(:from AS date), interval '-1 month') AS s(m)
                LEFT JOIN closed_month c ON c.budget_id = :budgetId AND c.month = s.m::date
                LEFT JOIN (SELECT month, %s AS income, %s AS expense FROM monthly_rollup
                           WHERE budget_id = :budgetId AND month BETWEEN :from AND :to GROUP BY month) r ON r.month = s.m::date
                ORDER BY s.m DESC
                """.formatted(INCOME, EXPENSE))
                .param("budgetId", budgetId).param("from", from.atDay(1)).param("to", to.atDay(1))
                .query((rs, n) -> new MonthRow(BudgetCalendar.month(rs.getObject(1, LocalDate.class)), rs.getBoolean(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    record MonthRow(YearMonth month, boolean closed, BigDecimal income, BigDecimal expense, BigDecimal allocatedToGoals) {}

    /** The current net of the budget's latest closed months, newest first. */
    List<BigDecimal> recentNets(UUID budgetId, int months) {
        return jdbc.sql("""
                SELECT coalesce(sum(CASE r.type WHEN 'INCOME' THEN r.total ELSE -r.total END), 0)
                FROM (SELECT month FROM closed_month WHERE budget_id = :budgetId ORDER BY month DESC LIMIT :limit) c
                LEFT JOIN monthly_rollup r ON r.budget_id = :budgetId AND r.month = c.month
                GROUP BY c.month ORDER BY c.month DESC
                """)
                .param("budgetId", budgetId).param("limit", months)
                .query(BigDecimal.class)
                .list();
    }

    void deleteBudget(UUID budgetId) {
        jdbc.sql("DELETE FROM closed_month WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
        jdbc.sql("DELETE FROM month_close_cursor WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    /** Never empty (an empty {@code IN ()} is no SQL). */
    private static Collection<UUID> ids(@Nullable Collection<UUID> only) {
        return only == null || only.isEmpty() ? List.of(NO_ID) : only;
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
