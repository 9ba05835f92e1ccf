package dev.kitty.transaction.recurring;

import dev.kitty.transaction.ledger.TransactionType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A new rule: the transaction it posts, and when. The rules on each field are {@link RecurringRules}'. */
record RecurringRuleRequest(
        @NotNull TransactionType type,
        @NotNull BigDecimal amount,
        @Nullable UUID categoryId,
        @Size(max = 500) @Nullable String description,
        @NotNull Frequency frequency,
        @NotNull Integer interval,
        @NotNull LocalDate startOn,
        @Nullable LocalDate endOn) {
}
