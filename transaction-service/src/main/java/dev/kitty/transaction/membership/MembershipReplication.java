package dev.kitty.transaction.membership;

import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.UserDeleted;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@link MembershipReplica} from budget-service's events; the replica compares their
 * versions, so any order gives the same result. The ids are the listeners' dedupe keys in
 * {@code processed_event}: never change them.
 */
@Component
class MembershipReplication {

    private final MembershipReplica replica;

    MembershipReplication(MembershipReplica replica) {
        this.replica = replica;
    }

    @IntegrationEventListener(id = "transaction.membership.budget-created")
    void on(BudgetCreated event) {
        replica.budgetCreated(event.budgetId(), event.ownerId(), event.currency(), event.timeZone(), event.createdAt());
    }

    @IntegrationEventListener(id = "transaction.membership.member-added")
    void on(MemberAdded event) {
        replica.memberAdded(event.budgetId(), event.userId(), event.role(), event.joinedAt(), event.version());
    }

    @IntegrationEventListener(id = "transaction.membership.member-role-changed")
    void on(MemberRoleChanged event, EventMetadata metadata) {
        replica.roleChanged(event.budgetId(), event.userId(), event.role(), metadata.time(), event.version());
    }

    @IntegrationEventListener(id = "transaction.membership.member-removed")
    void on(MemberRemoved event) {
        replica.memberRemoved(event.budgetId(), event.userId(), event.version());
    }

    @IntegrationEventListener(id = "transaction.membership.budget-deleted")
    void on(BudgetDeleted event) {
        replica.budgetDeleted(event.budgetId());
    }

    /** Drops only the user's memberships: what they recorded belongs to shared budgets and stays with them. */
    @IntegrationEventListener(id = "transaction.membership.user-deleted")
    void on(UserDeleted event) {
        replica.userDeleted(event.userId());
    }
}
