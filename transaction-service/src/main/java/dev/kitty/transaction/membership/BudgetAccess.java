package dev.kitty.transaction.membership;

import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one authorization check of a budget in this service, with one 404-vs-403 policy: whoever
 * is not a member of the budget (never was, was removed, holds a role this version does not know,
 * or the budget is gone) learns nothing about it and gets {@link DomainException.NotFound}; a
 * member below the role an action needs gets {@link DomainException.Forbidden}. Only the budget
 * role counts: system roles (ADMIN, SUPER_USER) administer accounts, they never open a budget's
 * money.
 *
 * <p>Read-your-writes (ADR 14): when the replica has heard nothing of the caller in the budget (no
 * membership, no tombstone) and nothing of the budget's deletion, the events may simply not be here yet (a
 * budget created or joined a moment ago). Then budget-service is asked, with the caller's own token, and its
 * answer ({@code myRole}, {@code currency}) decides this one request; the replica is left to the events.
 * budget-service unreachable → {@link BudgetServiceUnavailableException} (503).
 */
@Component
public class BudgetAccess {

    private final MembershipReplica memberships;
    private final BudgetServiceClient budgetService;

    BudgetAccess(MembershipReplica memberships, BudgetServiceClient budgetService) {
        this.memberships = memberships;
        this.budgetService = budgetService;
    }

    /** What a granted request may rely on: the caller's role and the budget's currency (ISO 4217). */
    public record Granted(BudgetRole role, String currency) {}

    /**
     * @return the caller's role in the budget, at least {@code minimum}, for rules that depend on it
     *         (an author MEMBER may change their own transaction, an ADMIN anyone's)
     * @throws DomainException.NotFound when the caller is no member of the budget
     * @throws DomainException.Forbidden when the caller is a member with a role below {@code minimum}
     */
    public BudgetRole require(UUID budgetId, CurrentUser caller, BudgetRole minimum) {
        return grant(budgetId, caller, minimum).role();
    }

    /** {@link #require}, with the budget's currency. */
    public Granted grant(UUID budgetId, CurrentUser caller, BudgetRole minimum) {
        Granted granted;
        if (memberships.knows(budgetId, caller.id())) {
            var role = memberships.roleOf(budgetId, caller.id()).orElseThrow(BudgetAccess::notFound);
            var currency = memberships.currencyOf(budgetId);
            // a MemberAdded ahead of its budget's BudgetCreated: the role is known here, the currency is not yet
            granted = currency.isPresent() ? new Granted(role, currency.get()) : new Granted(role, askBudgetService(budgetId).currency());
        } else {
            granted = askBudgetService(budgetId);
        }
        if (!granted.role().includes(minimum)) {
            throw new DomainException.Forbidden("Your role in this budget does not allow this.");
        }
        return granted;
    }

    private Granted askBudgetService(UUID budgetId) {
        return switch (budgetService.budget(budgetId)) {
            case BudgetServiceClient.Answer.Member member -> BudgetRole.parse(member.myRole())
                    .map(role -> new Granted(role, member.currency()))
                    .orElseThrow(BudgetAccess::notFound);
            case BudgetServiceClient.Answer.NoSuchBudget none -> throw notFound();
            case BudgetServiceClient.Answer.Unavailable unavailable -> throw new BudgetServiceUnavailableException(unavailable.reason());
        };
    }

    private static DomainException.NotFound notFound() {
        return new DomainException.NotFound("No such budget.");
    }
}
