package dev.kitty.budget.invitation;

import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a deleted account leaves among invitations, for the deletion feature. */
@Service
public class Invitations {

    private final InvitationRepository invitations;

    Invitations(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    /** Deletes the pending invitations to the account's addresses and removes it as inviter from every invitation. Idempotent. */
    @Transactional
    public void forgetAccount(UUID userId, Collection<String> addresses) {
        if (!addresses.isEmpty()) {
            invitations.deletePendingTo(addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
        }
        invitations.forgetInviter(userId);
    }
}
