package dev.kitty.budget.budget;

import dev.kitty.platform.web.VisibleText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The name is stored trimmed; {@code timeZone} defaults to the creator's setting, else UTC. */
record CreateBudgetRequest(
        @NotNull @VisibleText @Size(max = 200) @Nullable String name,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code in capitals, e.g. EUR") @Nullable String currency,
        @Size(max = 1000) @Nullable String description,
        @Size(max = 64) @Nullable String timeZone) {
}
