package dev.kitty.transaction.category;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A category as stored. */
public record CategoryView(UUID id, UUID budgetId, String name, CategoryType type, @Nullable BigDecimal monthlyLimit,
        Instant createdAt, Instant updatedAt) {
}
