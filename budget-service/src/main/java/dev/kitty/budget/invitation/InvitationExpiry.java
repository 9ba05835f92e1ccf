package dev.kitty.budget.invitation;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks pending invitations past their expiry EXPIRED, every {@code kitty.budget.invitations.expiry-interval}.
 * Until it runs they are already treated as expired (they cannot be answered, nor block a new invitation).
 * One UPDATE: safe on several instances at once.
 */
@Component
class InvitationExpiry {

    private final InvitationRepository invitations;
    private final Clock clock;

    InvitationExpiry(InvitationRepository invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kitty.budget.invitations.expiry-interval:1m}")
    @Transactional
    public int expireOverdue() {
        return invitations.expireOverdue(clock.instant());
    }
}
