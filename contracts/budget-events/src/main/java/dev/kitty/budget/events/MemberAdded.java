package dev.kitty.budget.events;

import java.time.Instant;
import java.util.UUID;

/** {@code role} is one of OWNER, ADMIN, MEMBER, VIEWER; readers must tolerate roles they do not know. */
public record MemberAdded(UUID budgetId, UUID userId, String role, Instant joinedAt) {}
