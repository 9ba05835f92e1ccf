package dev.kitty.transaction.category;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A new category. */
record CategoryRequest(@NotNull @Size(max = 200) String name, @NotNull CategoryType type, @Nullable BigDecimal monthlyLimit) {
}
