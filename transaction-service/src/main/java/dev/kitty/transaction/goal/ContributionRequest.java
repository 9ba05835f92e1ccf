package dev.kitty.transaction.goal;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Money a member puts into a goal (positive) or takes out of it (negative), a decimal string or a JSON number. */
record ContributionRequest(@NotNull BigDecimal amount) {
}
