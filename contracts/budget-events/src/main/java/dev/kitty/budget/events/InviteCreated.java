package dev.kitty.budget.events;

import java.time.Instant;
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
        Instant expiresAt) {}
