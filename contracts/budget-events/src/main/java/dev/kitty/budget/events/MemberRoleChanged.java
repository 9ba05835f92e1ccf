package dev.kitty.budget.events;

import java.util.UUID;

/** {@code role} is the member's new role (OWNER, ADMIN, MEMBER or VIEWER). */
public record MemberRoleChanged(UUID budgetId, UUID userId, String role) {}
