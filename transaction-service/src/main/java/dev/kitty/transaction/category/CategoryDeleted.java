package dev.kitty.transaction.category;

import java.util.UUID;

/**
 * A category is about to be deleted; its transactions stay, uncategorised (the foreign key sets theirs to null).
 * Published synchronously inside the deleting database transaction, before the row goes, so that derived data
 * (the rollups kept per category) moves its totals to "uncategorised" in the same commit. Listen with a plain
 * {@code @EventListener}.
 */
public record CategoryDeleted(UUID budgetId, UUID categoryId) {
}
