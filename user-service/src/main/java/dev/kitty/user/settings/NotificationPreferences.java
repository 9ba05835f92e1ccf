package dev.kitty.user.settings;

import jakarta.persistence.Embeddable;

/** Which kinds of mail and in-app notification a user wants. */
@Embeddable
record NotificationPreferences(boolean invitations, boolean budgetAlerts, boolean goalReached, boolean monthlySummary) {

    static final NotificationPreferences ALL = new NotificationPreferences(true, true, true, true);
}
