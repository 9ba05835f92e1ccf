package dev.kitty.transaction.ledger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The transactions recurring rules post: a row of {@code ledger_transaction} linked to its rule and occurrence (V50).
 * Apart from {@link TransactionRepository} so that the ledger's other writers stay as they are.
 */
@Repository
class OccurrenceRepository {

    private final JdbcClient jdbc;

    OccurrenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the row unless the rule's occurrence is posted already (the unique index
     * {@code ledger_transaction_occurrence_once}, the last line of defence behind the scheduler's row locks).
     *
     * @return whether the row was inserted
     */
    boolean insertUnlessPosted(TransactionRepository.Row row, UUID ruleId, LocalDate occurrenceOn) {
        return jdbc.sql("""
                INSERT INTO ledger_transaction (id, budget_id, type, amount, occurred_on, category_id, description,
                                                created_by, created_at, updated_by, updated_at, version, recurring_rule_id, occurrence_on)
                VALUES (:id, :budgetId, :type, :amount, :occurredOn, :categoryId, :description,
                        :createdBy, :createdAt, :updatedBy, :updatedAt, :version, :ruleId, :occurrenceOn)
                ON CONFLICT (recurring_rule_id, occurrence_on) WHERE recurring_rule_id IS NOT NULL DO NOTHING
                """)
                .param("id", row.id()).param("budgetId", row.budgetId()).param("type", row.type().name()).param("amount", row.amount())
                .param("occurredOn", row.occurredOn()).param("categoryId", row.categoryId()).param("description", row.description())
                .param("createdBy", row.createdBy()).param("createdAt", row.createdAt().atOffset(ZoneOffset.UTC))
                .param("updatedBy", row.updatedBy()).param("updatedAt", row.updatedAt().atOffset(ZoneOffset.UTC))
                .param("version", row.version()).param("ruleId", ruleId).param("occurrenceOn", occurrenceOn)
                .update() == 1;
    }
}
