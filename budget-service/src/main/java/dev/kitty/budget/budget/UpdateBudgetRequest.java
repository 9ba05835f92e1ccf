package dev.kitty.budget.budget;

import dev.kitty.platform.web.VisibleText;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Absent (or null) fields stay as they are; an empty description clears it. */
record UpdateBudgetRequest(@VisibleText @Size(max = 200) @Nullable String name, @Size(max = 1000) @Nullable String description) {
}
