package dev.kitty.transaction.goal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A new goal; without a priority it comes after the budget's last. The rules on the fields are {@link Goals}'. */
record GoalRequest(@NotNull @Size(max = 200) String name, @NotNull BigDecimal targetAmount, @Nullable LocalDate targetDate,
        @Nullable Integer priority) {
}
