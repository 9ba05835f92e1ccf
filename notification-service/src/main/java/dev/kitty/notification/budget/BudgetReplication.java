package dev.kitty.notification.budget;

import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.budget.events.OwnershipTransferred;
import dev.kitty.platform.messaging.IntegrationEventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link BudgetReplica} from budget-service's events; the replica compares their versions, so any order
 * gives the same result. The ids are the listeners' dedupe keys in {@code processed_event}: never change them.
 */
@Component
class BudgetReplication {

    private final BudgetReplica replica;

    BudgetReplication(BudgetReplica replica) {
        this.replica = replica;
    }

    @IntegrationEventListener(id = "notification.budget.budget-created")
    void on(BudgetCreated event) {
        replica.budgetCreated(event.budgetId(), event.name(), event.ownerId());
    }

    @IntegrationEventListener(id = "notification.budget.member-added")
    void on(MemberAdded event) {
        replica.member(event.budgetId(), event.budgetName(), event.userId(), event.role(), event.version());
    }

    @IntegrationEventListener(id = "notification.budget.member-role-changed")
    void on(MemberRoleChanged event) {
        replica.member(event.budgetId(), event.budgetName(), event.userId(), event.role(), event.version());
    }

    @IntegrationEventListener(id = "notification.budget.member-removed")
    void on(MemberRemoved event) {
        replica.memberRemoved(event.budgetId(), event.budgetName(), event.userId(), event.version());
    }

    /** The two roles come with the MemberRoleChanged events published with it; this one only names a budget not known yet. */
    @IntegrationEventListener(id = "notification.budget.ownership-transferred")
    void on(OwnershipTransferred event) {
        replica.fillName(event.budgetId(), event.budgetName());
    }

    @IntegrationEventListener(id = "notification.budget.budget-deleted")
    void on(BudgetDeleted event) {
        replica.budgetDeleted(event.budgetId());
    }
}
