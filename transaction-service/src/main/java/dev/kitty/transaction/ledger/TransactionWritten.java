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
 *
 * <p>Also published, one per row, when a deleted account's author link is dropped ({@code UserDeleted}): then
 * {@code before} and {@code after} differ only in {@code memberId} (the user, then null). Not published for the
 * transactions of a deleted budget (derived data handles {@code BudgetDeleted} itself), nor when deleting a category
 * uncategorises transactions ({@code CategoryDeleted} says it for all of them).
 */
public record TransactionWritten(UUID budgetId, @Nullable Entry before, @Nullable Entry after) {

    /** What of a transaction the derived data depends on. {@code memberId} is its author, null once their account is gone. */
    public record Entry(UUID transactionId, TransactionType type, BigDecimal amount, LocalDate occurredOn,
            @Nullable UUID categoryId, @Nullable UUID memberId) {
    }
}
