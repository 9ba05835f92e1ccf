package dev.kitty.budget.budget;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one authorization check of a budget in this service, with one 404-vs-403 policy (as
 * transaction-service's): whoever is not a member of the budget (never was, was removed, or the
 * budget is gone) learns nothing about it and gets {@link DomainException.NotFound}; a member
 * below the role an action needs gets {@link DomainException.Forbidden}. Only the budget role
 * counts: system roles (ADMIN, SUPER_USER) administer accounts, they never open a budget.
 */
@Component
public class BudgetAccess {

    private final BudgetRepository budgets;

    BudgetAccess(BudgetRepository budgets) {
        this.budgets = budgets;
    }

    /**
     * @return the caller's role in the budget, at least {@code minimum}
     * @throws DomainException.NotFound when the caller is no member of the budget
     * @throws DomainException.Forbidden when the caller is a member with a role below {@code minimum}
     */
    public BudgetRole require(UUID budgetId, CurrentUser caller, BudgetRole minimum) {
        var role = budgets.roleOf(budgetId, caller.id()).orElseThrow(() -> new DomainException.NotFound("No such budget."));
        if (!role.includes(minimum)) {
            throw new DomainException.Forbidden("Your role in this budget does not allow this.");
        }
        return role;
    }
}
