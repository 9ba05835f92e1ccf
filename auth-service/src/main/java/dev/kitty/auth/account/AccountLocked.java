package dev.kitty.auth.account;

import java.util.UUID;

/**
 * In-process domain event: an administrator locked the account. Published synchronously inside
 * the locking transaction so every feature revokes what it issued (refresh tokens, personal
 * access tokens) atomically with the lock; unlocking later brings none of them back.
 */
public record AccountLocked(UUID accountId) {}
