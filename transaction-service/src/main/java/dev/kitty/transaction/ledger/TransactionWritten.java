package dev.kitty.transaction.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A transaction's money changed: recorded ({@code before} null), edited (both), or deleted ({@code after} null).
 * Published synchronously inside the writing database transaction, so that whatever derives from transactions
 * (the monthly rollups behind the summaries) changes in the same commit or not at all. Listen with a plain
 * {@code @EventListener}: an asynchronous or after-commit listener would break that promise.
 */
public record TransactionWritten(UUID budgetId, @Nullable Entry before, @Nullable Entry after) {

    /** What of a transaction the derived data depends on. {@code memberId} is its author, null once their account is gone. */
    public record Entry(UUID transactionId, TransactionType type, BigDecimal amount, LocalDate occurredOn,
            @Nullable UUID categoryId, @Nullable UUID memberId) {
    }
}
