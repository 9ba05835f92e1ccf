package dev.kitty.budget.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything that belongs to the budget must disappear in every service. Deletion is final: it
 * beats every membership event of the budget, whatever its version.
 *
 * @param budgetName      the name it had, for telling its former members
 * @param deletedBy       who deleted it; absent when it was deleted because its last member's account was
 * @param formerMemberIds everyone who was a member when it was deleted, the deleter included
 */
public record BudgetDeleted(UUID budgetId, String budgetName, UUID deletedBy, List<UUID> formerMemberIds, Instant deletedAt) {

    /** Required fields are checked here: an event missing one fails to decode and is dead-lettered. */
    public BudgetDeleted {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(budgetName, "budgetName");
        formerMemberIds = List.copyOf(Objects.requireNonNull(formerMemberIds, "formerMemberIds"));
        Objects.requireNonNull(deletedAt, "deletedAt");
    }
}
