package dev.kitty.budget.budget;

import dev.kitty.budget.knownuser.KnownUsers;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who belongs to a budget: listing, role changes, removal and leaving, ownership transfer. The rules are {@link Budget}'s. */
@Service
class MemberManagement {

    private final BudgetRepository budgets;
    private final BudgetAccess access;
    private final KnownUsers knownUsers;
    private final Clock clock;

    MemberManagement(BudgetRepository budgets, BudgetAccess access, KnownUsers knownUsers, Clock clock) {
        this.budgets = budgets;
        this.access = access;
        this.knownUsers = knownUsers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<MemberView> list(CurrentUser caller, UUID budgetId) {
        access.require(budgetId, caller, BudgetRole.VIEWER);
        return views(load(budgetId));
    }

    @Transactional
    MemberView changeRole(CurrentUser caller, UUID budgetId, UUID userId, BudgetRole role) {
        access.require(budgetId, caller, BudgetRole.ADMIN);
        var budget = load(budgetId);
        budget.changeRole(caller.id(), userId, role, clock.instant());
        budgets.save(budget);
        return views(budget).stream().filter(m -> m.userId().equals(userId)).findFirst().orElseThrow();
    }

    @Transactional
    void remove(CurrentUser caller, UUID budgetId, UUID userId) {
        access.require(budgetId, caller, BudgetRole.VIEWER);
        var budget = load(budgetId);
        budget.remove(caller.id(), userId, clock.instant());
        budgets.save(budget);
    }

    /** The demotion is flushed before the promotion: the one-owner index is checked row by row. */
    @Transactional
    List<MemberView> transferOwnership(CurrentUser caller, UUID budgetId, UUID newOwnerId) {
        access.require(budgetId, caller, BudgetRole.OWNER);
        var budget = load(budgetId);
        var now = clock.instant();
        budget.beginTransfer(caller.id(), newOwnerId, now);
        budgets.saveAndFlush(budget);
        budget.completeTransfer(caller.id(), newOwnerId, now);
        budgets.saveAndFlush(budget);
        return views(budget);
    }

    private Budget load(UUID budgetId) {
        return budgets.findById(budgetId).orElseThrow(() -> new DomainException.NotFound("No such budget."));
    }

    private List<MemberView> views(Budget budget) {
        var members = budget.members();
        var names = knownUsers.displayNames(members.stream().map(Membership::userId).toList());
        return members.stream().map(m -> new MemberView(m.userId(), names.get(m.userId()), m.role(), m.joinedAt())).toList();
    }
}
