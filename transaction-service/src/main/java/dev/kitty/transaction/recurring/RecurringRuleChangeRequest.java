package dev.kitty.transaction.recurring;

import dev.kitty.transaction.ledger.TransactionType;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change of a rule (PATCH): absent fields stay as they are; {@code categoryId}, {@code description} and {@code endOn}
 * sent as null are removed. A bean rather than a record, so that an explicit null is told from an absent field.
 */
@SuppressWarnings("OptionalAssignedToNull")
final class RecurringRuleChangeRequest {

    private @Nullable TransactionType type;
    private @Nullable BigDecimal amount;
    private @Nullable UUID categoryId;
    private boolean categoryIdSent;
    @Size(max = 500)
    private @Nullable String description;
    private boolean descriptionSent;
    private @Nullable Frequency frequency;
    private @Nullable Integer interval;
    private @Nullable LocalDate startOn;
    private @Nullable LocalDate endOn;
    private boolean endOnSent;

    public @Nullable TransactionType getType() {
        return type;
    }

    public void setType(@Nullable TransactionType type) {
        this.type = type;
    }

    public @Nullable BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(@Nullable BigDecimal amount) {
        this.amount = amount;
    }

    public void setCategoryId(@Nullable UUID categoryId) {
        this.categoryId = categoryId;
        this.categoryIdSent = true;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
        this.descriptionSent = true;
    }

    public @Nullable Frequency getFrequency() {
        return frequency;
    }

    public void setFrequency(@Nullable Frequency frequency) {
        this.frequency = frequency;
    }

    public @Nullable Integer getInterval() {
        return interval;
    }

    public void setInterval(@Nullable Integer interval) {
        this.interval = interval;
    }

    public @Nullable LocalDate getStartOn() {
        return startOn;
    }

    public void setStartOn(@Nullable LocalDate startOn) {
        this.startOn = startOn;
    }

    public void setEndOn(@Nullable LocalDate endOn) {
        this.endOn = endOn;
        this.endOnSent = true;
    }

    /** Null when absent (keep), empty when sent as null (remove). */
    @Nullable Optional<UUID> categoryId() {
        return categoryIdSent ? Optional.ofNullable(categoryId) : null;
    }

    /** Null when absent (keep), empty when sent as null (remove). */
    @Nullable Optional<String> description() {
        return descriptionSent ? Optional.ofNullable(description) : null;
    }

    /** Null when absent (keep), empty when sent as null (remove). */
    @Nullable Optional<LocalDate> endOn() {
        return endOnSent ? Optional.ofNullable(endOn) : null;
    }
}
