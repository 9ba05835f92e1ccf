package dev.kitty.user.events;

import java.util.UUID;

/** Which mails a user wants, and how to write them (also published once when the profile is created). */
public record NotificationSettingsChanged(
        UUID userId,
        String locale,
        String timeZone,
        boolean invitations,
        boolean budgetAlerts,
        boolean goalReached,
        boolean monthlySummary) {}
