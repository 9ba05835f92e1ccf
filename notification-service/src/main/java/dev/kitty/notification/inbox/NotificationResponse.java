package dev.kitty.notification.inbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record NotificationResponse(UUID id, String type, String title, String body, @Nullable UUID budgetId, boolean read, Instant createdAt) {

    static NotificationResponse from(Notification notification) {
        return new NotificationResponse(notification.id(), notification.type(), notification.title(), notification.body(),
                notification.budgetId(), notification.read(), notification.createdAt());
    }
}
