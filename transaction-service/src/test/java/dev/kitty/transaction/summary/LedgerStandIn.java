package dev.kitty.transaction.summary;

import dev.kitty.transaction.category.CategoryDeleted;
import dev.kitty.transaction.ledger.TransactionType;
import dev.kitty.transaction.ledger.TransactionWritten;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the ledger's tables and publishes its in-transaction events exactly as the ledger promises
 * ({@link TransactionWritten}, {@link CategoryDeleted}): one database transaction per write. The summaries'
 * tests use it in place of the ledger's API, so they test the contract, not one implementation of it ({@code RollupPropertiesIT}
 * drives the real write paths instead).
 */
record LedgerStandIn(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {

    /** A budget in the membership replica with a currency and its members with their roles. */
    UUID budget(String currency, Object... membersAndRoles) {
        var budget = UUID.randomUUID();
        jdbc.sql("INSERT INTO budget_ref (budget_id, currency, created_at) VALUES (:b, :c, now())")
                .param("b", budget).param("c", currency).update();
        for (int i = 0; i < membersAndRoles.length; i += 2) {
            jdbc.sql("INSERT INTO budget_member (budget_id, user_id, role, joined_at, updated_at, version) VALUES (:b, :u, :r, now(), now(), 1)")
                    .param("b", budget).param("u", membersAndRoles[i]).param("r", membersAndRoles[i + 1].toString()).update();
        }
        return budget;
    }

    UUID category(UUID budget, String name, TransactionType type, @Nullable BigDecimal monthlyLimit) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO category (id, budget_id, name, type, monthly_limit, created_at, updated_at)
                VALUES (:id, :b, :name, :type, :limit, now(), now())
                """)
                .param("id", id).param("b", budget).param("name", name).param("type", type.name()).param("limit", monthlyLimit)
                .update();
        return id;
    }

    UUID record(UUID budget, TransactionType type, String amount, LocalDate on, @Nullable UUID category, @Nullable UUID author) {
        var id = UUID.randomUUID();
        var entry = new TransactionWritten.Entry(id, type, new BigDecimal(amount), on, category, author);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO ledger_transaction (id, budget_id, type, amount, occurred_on, category_id, created_by, created_at, updated_by, updated_at)
                    VALUES (:id, :b, :type, :amount, :on, :category, :author, :now, :author, :now)
                    """)
                    .param("id", id).param("b", budget).param("type", type.name()).param("amount", entry.amount()).param("on", on)
                    .param("category", category).param("author", author).param("now", now())
                    .update();
            events.publishEvent(new TransactionWritten(budget, null, entry));
        });
        return id;
    }

    void edit(UUID transaction, TransactionType type, String amount, LocalDate on, @Nullable UUID category) {
        transactions.executeWithoutResult(status -> {
            var before = entry(transaction);
            var after = new TransactionWritten.Entry(transaction, type, new BigDecimal(amount), on, category, before.memberId());
            jdbc.sql("UPDATE ledger_transaction SET type = :type, amount = :amount, occurred_on = :on, category_id = :category, updated_at = now() WHERE id = :id")
                    .param("id", transaction).param("type", type.name()).param("amount", after.amount()).param("on", on).param("category", category)
                    .update();
            events.publishEvent(new TransactionWritten(budget(transaction), before, after));
        });
    }

    void delete(UUID transaction) {
        transactions.executeWithoutResult(status -> {
            var before = entry(transaction);
            var budget = budget(transaction);
            jdbc.sql("DELETE FROM ledger_transaction WHERE id = :id").param("id", transaction).update();
            events.publishEvent(new TransactionWritten(budget, before, null));
        });
    }

    /** As the category feature does it: the event before the row goes; the foreign key uncategorises the transactions. */
    void deleteCategory(UUID budget, UUID category) {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new CategoryDeleted(budget, category));
            jdbc.sql("DELETE FROM category WHERE id = :id").param("id", category).update();
        });
    }

    /** As the ledger does on UserDeleted: every transaction the user recorded loses its author, one event each. */
    void dropAuthor(UUID user) {
        transactions.executeWithoutResult(status -> {
            var ids = jdbc.sql("SELECT id FROM ledger_transaction WHERE created_by = :u ORDER BY id FOR UPDATE").param("u", user).query(UUID.class).list();
            for (var id : ids) {
                var before = entry(id);
                jdbc.sql("UPDATE ledger_transaction SET created_by = NULL, updated_by = NULL WHERE id = :id").param("id", id).update();
                events.publishEvent(new TransactionWritten(budget(id), before,
                        new TransactionWritten.Entry(id, before.type(), before.amount(), before.occurredOn(), before.categoryId(), null)));
            }
        });
    }

    private TransactionWritten.Entry entry(UUID transaction) {
        return jdbc.sql("SELECT id, type, amount, occurred_on, category_id, created_by FROM ledger_transaction WHERE id = :id FOR UPDATE")
                .param("id", transaction)
                .query((rs, row) -> new TransactionWritten.Entry(rs.getObject("id", UUID.class), TransactionType.valueOf(rs.getString("type")),
                        rs.getBigDecimal("amount"), rs.getObject("occurred_on", LocalDate.class), rs.getObject("category_id", UUID.class),
                        rs.getObject("created_by", UUID.class)))
                .single();
    }

    private UUID budget(UUID transaction) {
        return jdbc.sql("SELECT budget_id FROM ledger_transaction WHERE id = :id").param("id", transaction).query(UUID.class).single();
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }
}
