package dev.kitty.transaction.category;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A change of a category: absent fields stay as they are; {@code "monthlyLimit": null} removes the limit. The type
 * may be sent, but only unchanged.
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType")
record CategoryChangeRequest(@Size(max = 200) @Nullable String name, @Nullable CategoryType type,
        @Nullable Optional<BigDecimal> monthlyLimit) {
}
