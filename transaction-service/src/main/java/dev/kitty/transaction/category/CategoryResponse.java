package dev.kitty.transaction.category;

import dev.kitty.transaction.money.Money;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record CategoryResponse(UUID id, String name, CategoryType type, @Nullable String monthlyLimit, Instant createdAt, Instant updatedAt) {

    static CategoryResponse from(CategoryView category, String currency) {
        return new CategoryResponse(category.id(), category.name(), category.type(),
                category.monthlyLimit() == null ? null : Money.format(category.monthlyLimit(), currency),
                category.createdAt(), category.updatedAt());
    }
}
