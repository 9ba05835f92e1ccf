package dev.kitty.budget.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Somebody was invited to a budget by email; the invitee may not have an account yet. */
public record InviteCreated(
        UUID invitationId,
        UUID budgetId,
        String budgetName,
        String email,
        String role,
        UUID invitedBy,
        String invitedByName,
        Instant expiresAt) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public InviteCreated {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(budgetName, "budgetName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(invitedByName, "invitedByName");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
