package dev.kitty.transaction.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A transaction as stored, with its budget's currency. {@code createdBy}/{@code updatedBy} are null for a former member. */
public record TransactionSnapshot(UUID id, UUID budgetId, TransactionType type, BigDecimal amount, String currency, LocalDate occurredOn,
        @Nullable UUID categoryId, @Nullable String description, @Nullable UUID createdBy, Instant createdAt,
        @Nullable UUID updatedBy, Instant updatedAt, long version) {

    TransactionWritten.Entry entry() {
        return new TransactionWritten.Entry(id, type, amount, occurredOn, categoryId, createdBy);
    }
}
