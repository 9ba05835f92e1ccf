package dev.kitty.budget.deletion;

import dev.kitty.budget.budget.AccountRemoval;
import dev.kitty.budget.invitation.Invitations;
import dev.kitty.budget.knownuser.KnownUser;
import dev.kitty.budget.knownuser.KnownUsers;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.UserDeleted;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A deleted account, in one transaction: out of every budget (an owned budget passes on or is
 * deleted), its pending invitations gone, its name off the invitations it sent, and the replica
 * forgets it, keeping a tombstone. The address is read from the replica before it is forgotten,
 * which is why this is one listener and not one per feature.
 *
 * <p>The id is the one {@code knownuser}'s listener had: events it applied before the cascade
 * existed are not applied again (they found no memberships to remove).
 */
@Component
class AccountDeletion {

    private final KnownUsers knownUsers;
    private final AccountRemoval budgets;
    private final Invitations invitations;

    AccountDeletion(KnownUsers knownUsers, AccountRemoval budgets, Invitations invitations) {
        this.knownUsers = knownUsers;
        this.budgets = budgets;
        this.invitations = invitations;
    }

    @IntegrationEventListener(id = "budget.knownuser.user-deleted")
    void on(UserDeleted event) {
        var addresses = knownUsers.find(event.userId()).map(KnownUser::email).map(List::of).orElse(List.of());
        budgets.removeEverywhere(event.userId());
        invitations.forgetAccount(event.userId(), addresses);
        knownUsers.deleted(event.userId());
    }
}
