package dev.kitty.transaction.ledger;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A transaction to record, or the whole new state of one (PUT). {@code amount} is a decimal string or a JSON number;
 * the rules on it and on the date and category are the {@link Ledger}'s.
 */
record TransactionRequest(
        @NotNull TransactionType type,
        @NotNull BigDecimal amount,
        @NotNull LocalDate occurredOn,
        @Nullable UUID categoryId,
        @Size(max = 500) @Nullable String description) {
}
