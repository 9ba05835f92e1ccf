package dev.kitty.transaction.category;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A change of a category: absent fields stay as they are; {@code "monthlyLimit": null} removes the limit. The type
 * may be sent, but only unchanged. A bean rather than a record, so that an explicit null is told from an absent field.
 */
final class CategoryChangeRequest {

    @Size(max = 200)
    private @Nullable String name;
    private @Nullable CategoryType type;
    private @Nullable BigDecimal monthlyLimit;
    private boolean monthlyLimitSent;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable CategoryType getType() {
        return type;
    }

    public void setType(@Nullable CategoryType type) {
        this.type = type;
    }

    public void setMonthlyLimit(@Nullable BigDecimal monthlyLimit) {
        this.monthlyLimit = monthlyLimit;
        this.monthlyLimitSent = true;
    }

    /** Null when absent (keep), empty when sent as null (remove). */
    @SuppressWarnings("OptionalAssignedToNull")
    @Nullable Optional<BigDecimal> monthlyLimit() {
        return monthlyLimitSent ? Optional.ofNullable(monthlyLimit) : null;
    }
}
