package dev.kitty.budget.invitation;

import dev.kitty.budget.budget.BudgetRole;
import java.time.Instant;
import java.util.UUID;

/** Domain event: an invitation was created; messaging's translator publishes it as InviteCreated. */
public record InvitationSent(UUID invitationId, UUID budgetId, String budgetName, String email, BudgetRole role, UUID invitedBy,
        String invitedByName, Instant expiresAt) {
}
