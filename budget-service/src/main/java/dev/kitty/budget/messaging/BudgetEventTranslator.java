package dev.kitty.budget.messaging;

import dev.kitty.budget.budget.BudgetChange;
import dev.kitty.budget.events.BudgetCreated;
import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.InviteCreated;
import dev.kitty.budget.events.MemberAdded;
import dev.kitty.budget.events.MemberRemoved;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.budget.events.OwnershipTransferred;
import dev.kitty.budget.invitation.InvitationSent;
import dev.kitty.platform.messaging.IntegrationEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one place where this service's domain events become its public integration events
 * ({@code budget.events}). Synchronous listeners on purpose: they run in the transaction that
 * made the change, so an event enters the outbox if and only if the change commits.
 */
@Component
class BudgetEventTranslator {

    private final IntegrationEvents integrationEvents;

    BudgetEventTranslator(IntegrationEvents integrationEvents) {
        this.integrationEvents = integrationEvents;
    }

    @EventListener
    void on(BudgetChange change) {
        switch (change) {
            case BudgetChange.Created created -> integrationEvents.publish(BudgetEvents.BUDGET_CREATED, new BudgetCreated(
                    created.budgetId(), created.ownerId(), created.name(), created.currency(), created.timeZone(), created.createdAt()));
            case BudgetChange.Deleted deleted -> integrationEvents.publish(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(
                    deleted.budgetId(), deleted.name(), deleted.deletedBy(), deleted.formerMemberIds(), deleted.deletedAt()));
            case BudgetChange.MemberJoined joined -> integrationEvents.publish(BudgetEvents.MEMBER_ADDED, new MemberAdded(
                    joined.budgetId(), joined.budgetName(), joined.userId(), joined.role().name(), joined.invitedBy(), joined.joinedAt(),
                    joined.version()));
            case BudgetChange.MemberRoleChanged changed -> integrationEvents.publish(BudgetEvents.MEMBER_ROLE_CHANGED,
                    new MemberRoleChanged(changed.budgetId(), changed.budgetName(), changed.userId(), changed.role().name(),
                            changed.changedBy(), changed.version()));
            case BudgetChange.MemberRemoved removed -> integrationEvents.publish(BudgetEvents.MEMBER_REMOVED, new MemberRemoved(
                    removed.budgetId(), removed.budgetName(), removed.userId(), switch (removed.reason()) {
                        case REMOVED -> MemberRemoved.REASON_REMOVED;
                        case LEFT -> MemberRemoved.REASON_LEFT;
                        case ACCOUNT_DELETED -> MemberRemoved.REASON_ACCOUNT_DELETED;
                    }, removed.removedBy(), removed.version()));
            case BudgetChange.OwnershipPassed passed -> integrationEvents.publish(BudgetEvents.OWNERSHIP_TRANSFERRED,
                    new OwnershipTransferred(passed.budgetId(), passed.budgetName(), passed.previousOwnerId(), passed.newOwnerId(),
                            passed.previousOwnerDeleted()
                                    ? OwnershipTransferred.REASON_PREVIOUS_OWNER_DELETED
                                    : OwnershipTransferred.REASON_TRANSFERRED,
                            passed.transferredAt()));
        }
    }

    @EventListener
    void on(InvitationSent sent) {
        integrationEvents.publish(BudgetEvents.INVITE_CREATED, new InviteCreated(sent.invitationId(), sent.budgetId(), sent.budgetName(),
                sent.email(), sent.role().name(), sent.invitedBy(), sent.invitedByName(), sent.expiresAt()));
    }
}
