package dev.kitty.budget.budget;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** @param displayName from the account replica; null while the account's name is not known here */
record MemberView(UUID userId, @Nullable String displayName, BudgetRole role, Instant joinedAt) {
}
