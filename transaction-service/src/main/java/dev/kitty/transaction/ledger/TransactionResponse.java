package dev.kitty.transaction.ledger;

import dev.kitty.transaction.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A transaction; {@code createdBy}/{@code updatedBy} are null for a former member (their account is deleted);
 * {@code recurringRuleId} names the recurring rule that posted it (null for any other transaction).
 */
record TransactionResponse(UUID id, TransactionType type, String amount, String currency, LocalDate occurredOn,
        @Nullable UUID categoryId, @Nullable String description, @Nullable UUID createdBy, Instant createdAt,
        @Nullable UUID updatedBy, Instant updatedAt, long version, @Nullable UUID recurringRuleId) {

    static TransactionResponse from(TransactionSnapshot transaction) {
        return new TransactionResponse(transaction.id(), transaction.type(), Money.format(transaction.amount(), transaction.currency()),
                transaction.currency(), transaction.occurredOn(), transaction.categoryId(), transaction.description(),
                transaction.createdBy(), transaction.createdAt(), transaction.updatedBy(), transaction.updatedAt(), transaction.version(),
                transaction.recurringRuleId());
    }
}
