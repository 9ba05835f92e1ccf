package dev.kitty.transaction.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ledger_transaction} table (V4), in plain SQL that the V4 indexes serve. */
@Repository
class TransactionRepository {

    private static final String COLUMNS =
            "id, budget_id, type, amount, occurred_on, category_id, description, created_by, created_at, updated_by, updated_at, version, recurring_rule_id";

    /** The listing's filters; null means "any". */
    record Filter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable TransactionType type, @Nullable UUID categoryId,
            @Nullable UUID createdBy, @Nullable String text) {}

    /** A stored row, without the budget's currency; {@code recurringRuleId} is the rule that posted it, if one did. */
    record Row(UUID id, UUID budgetId, TransactionType type, BigDecimal amount, LocalDate occurredOn, @Nullable UUID categoryId,
            @Nullable String description, @Nullable UUID createdBy, Instant createdAt, @Nullable UUID updatedBy, Instant updatedAt,
            long version, @Nullable UUID recurringRuleId) {

        /** A row no rule posted. */
        Row(UUID id, UUID budgetId, TransactionType type, BigDecimal amount, LocalDate occurredOn, @Nullable UUID categoryId,
                @Nullable String description, @Nullable UUID createdBy, Instant createdAt, @Nullable UUID updatedBy, Instant updatedAt,
                long version) {
            this(id, budgetId, type, amount, occurredOn, categoryId, description, createdBy, createdAt, updatedBy, updatedAt, version, null);
        }

        TransactionSnapshot in(String currency) {
            return new TransactionSnapshot(id, budgetId, type, amount, currency, occurredOn, categoryId, description, createdBy, createdAt,
                    updatedBy, updatedAt, version, recurringRuleId);
        }
    }

    /** Where a text search stops counting: the total it reports is then this many. */
    static final int TEXT_COUNT_LIMIT = 1_000;

    private final JdbcClient jdbc;
    private final @Nullable MonthlyCounts monthlyCounts;

    TransactionRepository(JdbcClient jdbc, ObjectProvider<MonthlyCounts> monthlyCounts) {
        this.jdbc = jdbc;
        this.monthlyCounts = monthlyCounts.getIfAvailable();
    }

    void insert(Row row) {
        jdbc.sql("""
                INSERT INTO ledger_transaction (id, budget_id, type, amount, occurred_on, category_id, description,
                                                created_by, created_at, updated_by, updated_at, version)
                VALUES (:id, :budgetId, :type, :amount, :occurredOn, :categoryId, :description,
                        :createdBy, :createdAt, :updatedBy, :updatedAt, :version)
                """)
                .param("id", row.id()).param("budgetId", row.budgetId()).param("type", row.type().name()).param("amount", row.amount())
                .param("occurredOn", row.occurredOn()).param("categoryId", row.categoryId()).param("description", row.description())
                .param("createdBy", row.createdBy()).param("createdAt", row.createdAt().atOffset(ZoneOffset.UTC))
                .param("updatedBy", row.updatedBy()).param("updatedAt", row.updatedAt().atOffset(ZoneOffset.UTC))
                .param("version", row.version())
                .update();
    }

    Optional<Row> find(UUID budgetId, UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_transaction WHERE budget_id = :budgetId AND id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("budgetId", budgetId).param("id", id)
                .query(TransactionRepository::map)
                .optional();
    }

    /** The row's version is taken from {@code row}: the caller has locked the row and counted it on. */
    void update(Row row) {
        jdbc.sql("""
                UPDATE ledger_transaction SET type = :type, amount = :amount, occurred_on = :occurredOn, category_id = :categoryId,
                    description = :description, updated_by = :updatedBy, updated_at = :updatedAt, version = :version
                WHERE id = :id
                """)
                .param("id", row.id()).param("type", row.type().name()).param("amount", row.amount())
                .param("occurredOn", row.occurredOn()).param("categoryId", row.categoryId()).param("description", row.description())
                .param("updatedBy", row.updatedBy()).param("updatedAt", row.updatedAt().atOffset(ZoneOffset.UTC))
                .param("version", row.version())
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM ledger_transaction WHERE id = :id").param("id", id).update();
    }

    /**
     * One page, newest first (occurred_on, created_at, id descending: the order of {@code ledger_transaction_by_date_idx}),
     * read with LIMIT/OFFSET on that order; the text filter is a case-insensitive substring match (ILIKE).
     */
    List<Row> page(UUID budgetId, Filter filter, int offset, int limit) {
        var where = new StringBuilder();
        var statement = jdbc.sql("SELECT " + COLUMNS + " FROM ledger_transaction WHERE " + conditions(filter, where)
                + " ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset");
        return bind(statement, budgetId, filter).param("limit", limit).param("offset", offset)
                .query(TransactionRepository::map)
                .list();
    }

    /**
     * How many rows the filter matches, for the page's {@code totalElements}. Counting a large budget's rows takes
     * tens of milliseconds per page (a million rows: ~50 ms), so without a text filter the whole months of the
     * period come from {@link MonthlyCounts} (the rollups, a few hundred rows at most) and only the partial months
     * at its edges are counted here. A text filter can only be counted row by row: that count stops at
     * {@link #TEXT_COUNT_LIMIT}, which the listing then reports as its total.
     */
    long count(UUID budgetId, Filter filter) {
        if (monthlyCounts == null) {
            return exactCount(budgetId, filter);
        }
        if (filter.text() != null) {
            var statement = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM ledger_transaction WHERE " + conditions(filter, new StringBuilder())
                    + " LIMIT " + TEXT_COUNT_LIMIT + ") AS matches");
            return bind(statement, budgetId, filter).query(Long.class).single();
        }
        var from = filter.from();
        var to = filter.to();
        if (from != null && to != null && YearMonth.from(from).equals(YearMonth.from(to))) {
            return wholeMonth(from, to) ? wholeMonths(budgetId, filter, YearMonth.from(from), YearMonth.from(to)) : exactCount(budgetId, filter);
        }
        long count = 0;
        YearMonth firstWhole = null;
        if (from != null) {
            firstWhole = YearMonth.from(from);
            if (from.getDayOfMonth() != 1) {
                count += exactCount(budgetId, withPeriod(filter, from, firstWhole.atEndOfMonth()));
                firstWhole = firstWhole.plusMonths(1);
            }
        }
        YearMonth lastWhole = null;
        if (to != null) {
            lastWhole = YearMonth.from(to);
            if (!to.equals(lastWhole.atEndOfMonth())) {
                count += exactCount(budgetId, withPeriod(filter, lastWhole.atDay(1), to));
                lastWhole = lastWhole.minusMonths(1);
            }
        }
        if (firstWhole == null || lastWhole == null || !firstWhole.isAfter(lastWhole)) {
            count += wholeMonths(budgetId, filter, firstWhole, lastWhole);
        }
        return count;
    }

    private long wholeMonths(UUID budgetId, Filter filter, @Nullable YearMonth from, @Nullable YearMonth to) {
        return Objects.requireNonNull(monthlyCounts).count(budgetId, from, to, filter.type(), filter.categoryId(), filter.createdBy());
    }

    private long exactCount(UUID budgetId, Filter filter) {
        var statement = jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE " + conditions(filter, new StringBuilder()));
        return bind(statement, budgetId, filter).query(Long.class).single();
    }

    private static boolean wholeMonth(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
    }

    private static Filter withPeriod(Filter filter, LocalDate from, LocalDate to) {
        return new Filter(from, to, filter.type(), filter.categoryId(), filter.createdBy(), filter.text());
    }

    /** Drops the author link of a deleted account; returns the rows whose {@code created_by} it was, as they are now. */
    List<Row> forgetCreator(UUID userId) {
        return jdbc.sql("UPDATE ledger_transaction SET created_by = NULL, version = version + 1 WHERE created_by = :userId RETURNING " + COLUMNS)
                .param("userId", userId)
                .query(TransactionRepository::map)
                .list();
    }

    int forgetUpdater(UUID userId) {
        return jdbc.sql("UPDATE ledger_transaction SET updated_by = NULL, version = version + 1 WHERE updated_by = :userId")
                .param("userId", userId)
                .update();
    }

    int deleteAllOf(UUID budgetId) {
        return jdbc.sql("DELETE FROM ledger_transaction WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }

    private static String conditions(Filter filter, StringBuilder where) {
        var conditions = new ArrayList<String>();
        conditions.add("budget_id = :budgetId");
        if (filter.from() != null) {
            conditions.add("occurred_on >= :from");
        }
        if (filter.to() != null) {
            conditions.add("occurred_on <= :to");
        }
        if (filter.type() != null) {
            conditions.add("type = :type");
        }
        if (filter.categoryId() != null) {
            conditions.add("category_id = :categoryId");
        }
        if (filter.createdBy() != null) {
            conditions.add("created_by = :createdBy");
        }
        if (filter.text() != null) {
            conditions.add("description ILIKE :text ESCAPE '\\'");
        }
        where.append(String.join(" AND ", conditions));
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID budgetId, Filter filter) {
        statement = statement.param("budgetId", budgetId);
        if (filter.from() != null) {
            statement = statement.param("from", filter.from());
        }
        if (filter.to() != null) {
            statement = statement.param("to", filter.to());
        }
        if (filter.type() != null) {
            statement = statement.param("type", filter.type().name());
        }
        if (filter.categoryId() != null) {
            statement = statement.param("categoryId", filter.categoryId());
        }
        if (filter.createdBy() != null) {
            statement = statement.param("createdBy", filter.createdBy());
        }
        if (filter.text() != null) {
            statement = statement.param("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return statement;
    }

    private static Row map(ResultSet row, int index) throws SQLException {
        return new Row(row.getObject("id", UUID.class), row.getObject("budget_id", UUID.class), TransactionType.valueOf(row.getString("type")),
                row.getBigDecimal("amount"), row.getObject("occurred_on", LocalDate.class), row.getObject("category_id", UUID.class),
                row.getString("description"), row.getObject("created_by", UUID.class), row.getTimestamp("created_at").toInstant(),
                row.getObject("updated_by", UUID.class), row.getTimestamp("updated_at").toInstant(), row.getLong("version"),
                row.getObject("recurring_rule_id", UUID.class));
    }
}
