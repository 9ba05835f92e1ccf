package dev.kitty.transaction.recurring;

import dev.kitty.transaction.ledger.TransactionType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code recurring_rule} table (V50), in plain SQL. */
@Repository
class RecurringRuleRepository {

    private static final String COLUMNS = """
            r.id, r.budget_id, r.type, r.amount, r.category_id, r.description, r.frequency, r.every, r.start_on, r.end_on,
            r.next_occurrence, r.posted_through, r.created_by, r.created_at, r.updated_by, r.updated_at, r.version""";

    /**
     * "Today" of a rule's budget, as of {@code :now}: the one place that knows which time zone decides when an
     * occurrence falls due. The budget's zone from {@code BudgetCreated} (a region of the time-zone database, which
     * PostgreSQL knows too), UTC when it is unknown.
     */
    private static final String BUDGET_TODAY = "(CAST(:now AS TIMESTAMPTZ) AT TIME ZONE COALESCE(b.time_zone, 'UTC'))::date";

    /** A stored rule. */
    record Rule(UUID id, UUID budgetId, TransactionType type, BigDecimal amount, @Nullable UUID categoryId, @Nullable String description,
            Frequency frequency, int interval, LocalDate startOn, @Nullable LocalDate endOn, @Nullable LocalDate nextOccurrence,
            @Nullable LocalDate postedThrough, @Nullable UUID createdBy, Instant createdAt, @Nullable UUID updatedBy, Instant updatedAt,
            long version) {

        Schedule schedule() {
            return new Schedule(frequency, interval, startOn, endOn);
        }
    }

    /** A claimed rule with its budget's currency and today's date in its budget. */
    record Due(Rule rule, String currency, LocalDate today) {}

    private final JdbcClient jdbc;

    RecurringRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Rule rule) {
        jdbc.sql("""
                INSERT INTO recurring_rule (id, budget_id, type, amount, category_id, description, frequency, every, start_on, end_on,
                                            next_occurrence, posted_through, created_by, created_at, updated_by, updated_at, version)
                VALUES (:id, :budgetId, :type, :amount, :categoryId, :description, :frequency, :every, :startOn, :endOn,
                        :nextOccurrence, :postedThrough, :createdBy, :createdAt, :updatedBy, :updatedAt, :version)
                """)
                .paramSource(params(rule))
                .update();
    }

    /** Every column but the id, the budget and the creation. */
    void update(Rule rule) {
        jdbc.sql("""
                UPDATE recurring_rule SET type = :type, amount = :amount, category_id = :categoryId, description = :description,
                    frequency = :frequency, every = :every, start_on = :startOn, end_on = :endOn, next_occurrence = :nextOccurrence,
                    posted_through = :postedThrough, updated_by = :updatedBy, updated_at = :updatedAt, version = :version
                WHERE id = :id
                """)
                .paramSource(params(rule))
                .update();
    }

    Optional<Rule> find(UUID budgetId, UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recurring_rule r WHERE r.budget_id = :budgetId AND r.id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("budgetId", budgetId).param("id", id)
                .query(RecurringRuleRepository::map)
                .optional();
    }

    /** A page of the budget's rules, oldest first. */
    List<Rule> page(UUID budgetId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recurring_rule r WHERE r.budget_id = :budgetId ORDER BY r.created_at, r.id LIMIT :limit OFFSET :offset")
                .param("budgetId", budgetId).param("limit", limit).param("offset", offset)
                .query(RecurringRuleRepository::map)
                .list();
    }

    long count(UUID budgetId) {
        return jdbc.sql("SELECT count(*) FROM recurring_rule WHERE budget_id = :budgetId").param("budgetId", budgetId).query(Long.class).single();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM recurring_rule WHERE id = :id").param("id", id).update();
    }

    /**
     * Locks up to {@code limit} rules that are due (their next occurrence is today or earlier in their budget), oldest
     * due first, skipping rules another transaction holds: another instance's claim, or a member's change. Rules of a
     * budget whose currency is not known here yet, or that is deleted, are left alone; so are the rules in {@code except}.
     */
    List<Due> claimDue(Instant now, int limit, Set<UUID> except) {
        return claim(now, except.isEmpty() ? "" : "AND r.id NOT IN (:except)", limit, except.isEmpty() ? null : except);
    }

    /** {@link #claimDue(Instant, int, Set)} of the one rule, if it is due and no one else holds it. */
    List<Due> claimDue(Instant now, UUID ruleId) {
        return claim(now, "AND r.id = :ruleId", 1, ruleId);
    }

    private List<Due> claim(Instant now, String condition, int limit, @Nullable Object filter) {
        var statement = jdbc.sql("""
                SELECT %s, b.currency, %s AS today
                  FROM recurring_rule r JOIN budget_ref b ON b.budget_id = r.budget_id
                 WHERE r.next_occurrence <= %s
                   AND NOT EXISTS (SELECT 1 FROM deleted_budget d WHERE d.budget_id = r.budget_id)
                   %s
                 ORDER BY r.next_occurrence
                 LIMIT :limit
                   FOR UPDATE OF r SKIP LOCKED
                """.formatted(COLUMNS, BUDGET_TODAY, BUDGET_TODAY, condition))
                .param("now", now.atOffset(ZoneOffset.UTC)).param("limit", limit);
        if (filter instanceof UUID ruleId) {
            statement = statement.param("ruleId", ruleId);
        } else if (filter != null) {
            statement = statement.param("except", filter);
        }
        return statement
                .query((row, index) -> new Due(map(row, index), row.getString("currency"), row.getObject("today", LocalDate.class)))
                .list();
    }

    /** The scheduler's step: not a change of the rule, so its version (the ETag) stays. */
    void advance(UUID id, @Nullable LocalDate nextOccurrence, @Nullable LocalDate postedThrough) {
        jdbc.sql("UPDATE recurring_rule SET next_occurrence = :next, posted_through = :posted WHERE id = :id")
                .param("id", id).param("next", nextOccurrence).param("posted", postedThrough)
                .update();
    }

    int deleteAllOf(UUID budgetId) {
        return jdbc.sql("DELETE FROM recurring_rule WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    int forgetCreator(UUID userId) {
        return jdbc.sql("UPDATE recurring_rule SET created_by = NULL, version = version + 1 WHERE created_by = :userId")
                .param("userId", userId).update();
    }

    int forgetUpdater(UUID userId) {
        return jdbc.sql("UPDATE recurring_rule SET updated_by = NULL, version = version + 1 WHERE updated_by = :userId")
                .param("userId", userId).update();
    }

    private static MapSqlParameterSource params(Rule rule) {
        return new MapSqlParameterSource()
                .addValue("id", rule.id()).addValue("budgetId", rule.budgetId()).addValue("type", rule.type().name())
                .addValue("amount", rule.amount()).addValue("categoryId", rule.categoryId()).addValue("description", rule.description())
                .addValue("frequency", rule.frequency().name()).addValue("every", rule.interval()).addValue("startOn", rule.startOn())
                .addValue("endOn", rule.endOn()).addValue("nextOccurrence", rule.nextOccurrence()).addValue("postedThrough", rule.postedThrough())
                .addValue("createdBy", rule.createdBy()).addValue("createdAt", rule.createdAt().atOffset(ZoneOffset.UTC))
                .addValue("updatedBy", rule.updatedBy()).addValue("updatedAt", rule.updatedAt().atOffset(ZoneOffset.UTC))
                .addValue("version", rule.version());
    }

    private static Rule map(ResultSet row, int index) throws SQLException {
        return new Rule(row.getObject("id", UUID.class), row.getObject("budget_id", UUID.class), TransactionType.valueOf(row.getString("type")),
                row.getBigDecimal("amount"), row.getObject("category_id", UUID.class), row.getString("description"),
                Frequency.valueOf(row.getString("frequency")), row.getInt("every"), row.getObject("start_on", LocalDate.class),
                row.getObject("end_on", LocalDate.class), row.getObject("next_occurrence", LocalDate.class),
                row.getObject("posted_through", LocalDate.class), row.getObject("created_by", UUID.class),
                row.getTimestamp("created_at").toInstant(), row.getObject("updated_by", UUID.class), row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }
}
