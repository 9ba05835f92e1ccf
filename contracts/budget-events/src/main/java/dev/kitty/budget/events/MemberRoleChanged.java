package dev.kitty.budget.events;

import java.util.Objects;
import java.util.UUID;

/** {@code role} is the member's new role (OWNER, ADMIN, MEMBER or VIEWER). */
public record MemberRoleChanged(UUID budgetId, UUID userId, String role) {

    /** Every field is required: an event missing one fails to decode and is dead-lettered. */
    public MemberRoleChanged {
        Objects.requireNonNull(budgetId, "budgetId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
