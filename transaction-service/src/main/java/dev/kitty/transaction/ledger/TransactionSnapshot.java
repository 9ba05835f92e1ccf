package dev.kitty.transaction.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A transaction as stored, with its budget's currency. {@code createdBy}/{@code updatedBy} are null for a former member;
 * {@code recurringRuleId} is the recurring rule that posted it (null for any other, and once the rule is deleted).
 */
public record TransactionSnapshot(UUID id, UUID budgetId, TransactionType type, BigDecimal amount, String currency, LocalDate occurredOn,
        @Nullable UUID categoryId, @Nullable String description, @Nullable UUID createdBy, Instant createdAt,
        @Nullable UUID updatedBy, Instant updatedAt, long version, @Nullable UUID recurringRuleId) {

    /** A transaction no rule posted. */
    public TransactionSnapshot(UUID id, UUID budgetId, TransactionType type, BigDecimal amount, String currency, LocalDate occurredOn,
            @Nullable UUID categoryId, @Nullable String description, @Nullable UUID createdBy, Instant createdAt,
            @Nullable UUID updatedBy, Instant updatedAt, long version) {
        this(id, budgetId, type, amount, currency, occurredOn, categoryId, description, createdBy, createdAt, updatedBy, updatedAt, version,
                null);
    }

    TransactionWritten.Entry entry() {
        return new TransactionWritten.Entry(id, type, amount, occurredOn, categoryId, createdBy);
    }
}
