package dev.kitty.budget.budget;

import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask of budgets: their names, who belongs to them, and joining one (an accepted invitation). */
@Service
public class Budgets {

    /** A membership that has just begun. */
    public record Joined(UUID budgetId, String budgetName, UUID userId, BudgetRole role, Instant joinedAt) {}

    private final BudgetRepository budgets;
    private final Clock clock;

    Budgets(BudgetRepository budgets, Clock clock) {
        this.budgets = budgets;
        this.clock = clock;
    }

    /** Names of those budgets that exist. */
    @Transactional(readOnly = true)
    public Map<UUID, String> namesOf(Collection<UUID> budgetIds) {
        if (budgetIds.isEmpty()) {
            return Map.of();
        }
        return budgets.namesOf(budgetIds).stream()
                .collect(Collectors.toMap(BudgetRepository.BudgetName::getId, BudgetRepository.BudgetName::getName));
    }

    @Transactional(readOnly = true)
    public boolean anyMember(UUID budgetId, Collection<UUID> userIds) {
        return !userIds.isEmpty() && !budgets.membersAmong(budgetId, userIds).isEmpty();
    }

    /**
     * @throws DomainException.NotFound when the budget is gone
     * @throws DomainException.Conflict {@code already-member}
     */
    @Transactional
    public Joined join(UUID budgetId, UUID userId, BudgetRole role, @Nullable UUID invitedBy) {
        var budget = budgets.findById(budgetId).orElseThrow(() -> new DomainException.NotFound("No such budget."));
        var now = clock.instant();
        budget.join(userId, role, invitedBy, now);
        budgets.saveAndFlush(budget);
        return new Joined(budgetId, budget.name(), userId, role, now);
    }
}
