package dev.kitty.budget.budget;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code Budget} aggregate records when it changes: domain events, published when the
 * budget is saved, inside the transaction that changed it. messaging's translator turns them
 * into {@code budget.events}. {@code version} is the budget's membership version after the
 * change (ADR 9, ADR 10).
 */
public sealed interface BudgetChange {

    UUID budgetId();

    record Created(UUID budgetId, UUID ownerId, String name, String currency, String timeZone, Instant createdAt)
            implements BudgetChange {}

    record Deleted(UUID budgetId, String name, @Nullable UUID deletedBy, List<UUID> formerMemberIds, Instant deletedAt)
            implements BudgetChange {}

    record MemberJoined(UUID budgetId, String budgetName, UUID userId, BudgetRole role, @Nullable UUID invitedBy, Instant joinedAt,
            long version) implements BudgetChange {}

    record MemberRoleChanged(UUID budgetId, String budgetName, UUID userId, BudgetRole role, @Nullable UUID changedBy, long version)
            implements BudgetChange {}

    record MemberRemoved(UUID budgetId, String budgetName, UUID userId, RemovalReason reason, @Nullable UUID removedBy, long version)
            implements BudgetChange {}

    record OwnershipPassed(UUID budgetId, String budgetName, UUID previousOwnerId, UUID newOwnerId, boolean previousOwnerDeleted,
            Instant transferredAt) implements BudgetChange {}

    enum RemovalReason { REMOVED, LEFT, ACCOUNT_DELETED }
}
