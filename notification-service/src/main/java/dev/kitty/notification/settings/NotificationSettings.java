package dev.kitty.notification.settings;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which mails a user wants, as user-service last told this service. */
public record NotificationSettings(
        UUID userId,
        @Nullable String locale,
        @Nullable String timeZone,
        boolean invitations,
        boolean budgetAlerts,
        boolean goalReached,
        boolean monthlySummary) {
}
