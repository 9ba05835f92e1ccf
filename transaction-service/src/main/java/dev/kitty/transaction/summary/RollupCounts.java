package dev.kitty.transaction.summary;

import dev.kitty.transaction.ledger.MonthlyCounts;
import dev.kitty.transaction.ledger.TransactionType;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger listing's totals from the rollups' counts: exact, since every write keeps them in its own transaction (ADR 15). */
@Component
class RollupCounts implements MonthlyCounts {

    private final JdbcClient jdbc;

    RollupCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(UUID budgetId, @Nullable YearMonth from, @Nullable YearMonth to, @Nullable TransactionType type,
            @Nullable UUID categoryId, @Nullable UUID createdBy) {
        var conditions = new ArrayList<String>();
        conditions.add("budget_id = :budgetId");
        if (from != null) {
            conditions.add("month >= :from");
        }
        if (to != null) {
            conditions.add("month <= :to");
        }
        if (type != null) {
            conditions.add("type = :type");
        }
        if (categoryId != null) {
            conditions.add("category_id = :categoryId");
        }
        if (createdBy != null) {
            conditions.add("member_id = :createdBy");
        }
        var statement = jdbc.sql("SELECT coalesce(sum(tx_count), 0) FROM monthly_rollup WHERE " + String.join(" AND ", conditions))
                .param("budgetId", budgetId);
        if (from != null) {
            statement = statement.param("from", from.atDay(1));
        }
        if (to != null) {
            statement = statement.param("to", to.atDay(1));
        }
        if (type != null) {
            statement = statement.param("type", type.name());
        }
        if (categoryId != null) {
            statement = statement.param("categoryId", categoryId);
        }
        if (createdBy != null) {
            statement = statement.param("createdBy", createdBy);
        }
        return statement.query(Long.class).single();
    }
}
