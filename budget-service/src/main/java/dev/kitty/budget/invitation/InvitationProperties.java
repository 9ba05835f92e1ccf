package dev.kitty.budget.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations.
 *
 * @param lifetime       how long an invitation may be accepted
 * @param maxPerInviter  most invitations one user may send within {@code throttleWindow}, across every budget
 * @param throttleWindow the rolling window {@code maxPerInviter} counts in (in the database, so it holds across instances and restarts)
 * @param expiryInterval how often pending invitations past their expiry are marked EXPIRED
 */
@ConfigurationProperties("kitty.budget.invitations")
public record InvitationProperties(
        @DefaultValue("7d") Duration lifetime,
        @DefaultValue("50") int maxPerInviter,
        @DefaultValue("24h") Duration throttleWindow,
        @DefaultValue("1m") Duration expiryInterval) {

    public InvitationProperties {
        if (!lifetime.isPositive()) {
            throw new IllegalArgumentException("kitty.budget.invitations.lifetime must be positive");
        }
        if (maxPerInviter < 1) {
            throw new IllegalArgumentException("kitty.budget.invitations.max-per-inviter must be at least 1");
        }
        if (!throttleWindow.isPositive()) {
            throw new IllegalArgumentException("kitty.budget.invitations.throttle-window must be positive");
        }
        if (!expiryInterval.isPositive()) {
            throw new IllegalArgumentException("kitty.budget.invitations.expiry-interval must be positive");
        }
    }
}
