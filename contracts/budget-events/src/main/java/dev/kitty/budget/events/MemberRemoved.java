package dev.kitty.budget.events;

import java.util.UUID;

/** The user no longer has any role in the budget. */
public record MemberRemoved(UUID budgetId, UUID userId) {}
