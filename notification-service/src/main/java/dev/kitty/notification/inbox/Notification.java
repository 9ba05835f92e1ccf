package dev.kitty.notification.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code notification} as its owner sees it. */
record Notification(UUID id, String type, String title, String body, @Nullable UUID budgetId, boolean read, Instant createdAt) {
}
