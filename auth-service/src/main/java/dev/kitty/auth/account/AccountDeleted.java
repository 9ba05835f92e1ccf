package dev.kitty.auth.account;

import java.util.UUID;

/**
 * In-process domain event: the account is being removed. Published synchronously inside the
 * deleting transaction so every feature drops what it holds for the account atomically with it.
 */
public record AccountDeleted(UUID accountId) {}
