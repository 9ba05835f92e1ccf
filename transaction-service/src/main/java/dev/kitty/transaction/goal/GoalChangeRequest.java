package dev.kitty.transaction.goal;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A change of a goal: absent fields stay as they are; {@code "targetDate": null} removes the date. A bean rather
 * than a record, so that an explicit null is told from an absent field.
 */
final class GoalChangeRequest {

    @Size(max = 200)
    private @Nullable String name;
    private @Nullable BigDecimal targetAmount;
    private @Nullable LocalDate targetDate;
    private boolean targetDateSent;
    private @Nullable Integer priority;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable BigDecimal getTargetAmount() {
        return targetAmount;
    }

    public void setTargetAmount(@Nullable BigDecimal targetAmount) {
        this.targetAmount = targetAmount;
    }

    public void setTargetDate(@Nullable LocalDate targetDate) {
        this.targetDate = targetDate;
        this.targetDateSent = true;
    }

    public @Nullable Integer getPriority() {
        return priority;
    }

    public void setPriority(@Nullable Integer priority) {
        this.priority = priority;
    }

    /** Null when absent (keep), empty when sent as null (remove). */
    @SuppressWarnings("OptionalAssignedToNull")
    @Nullable Optional<LocalDate> targetDate() {
        return targetDateSent ? Optional.ofNullable(targetDate) : null;
    }
}
