package dev.kitty.auth.account;

import java.util.Set;
import java.util.UUID;

/**
 * In-process domain event: a super user changed the account's system roles. Tokens issued before
 * carry the old roles in their {@code roles} claim, so they stop being honoured with it.
 */
public record RolesChanged(UUID accountId, Set<SystemRole> before, Set<SystemRole> after) {}
