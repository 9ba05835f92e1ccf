package dev.kitty.transaction.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A goal as stored, with its savings ({@code saved}: the sum of its entries) and the part of them that sweeps put in
 * ({@code swept}: the sum of its SURPLUS and ADJUSTMENT entries, what a take-back may return).
 */
record GoalRow(UUID id, UUID budgetId, String name, String currency, BigDecimal targetAmount, @Nullable LocalDate targetDate,
        int priority, @Nullable Instant reachedAt, long version, @Nullable UUID createdBy, Instant createdAt, Instant updatedAt,
        BigDecimal saved, BigDecimal swept) {

    /** What the goal still needs to meet its target; zero once it has. */
    BigDecimal needed() {
        var needed = targetAmount.subtract(saved);
        return needed.signum() > 0 ? needed : BigDecimal.ZERO;
    }
}
