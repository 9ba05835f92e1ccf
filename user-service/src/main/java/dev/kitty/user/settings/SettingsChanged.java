package dev.kitty.user.settings;

import java.util.UUID;

/**
 * Domain event: a user's settings were created or changed; the values are the canonical text forms.
 *
 * @param revision the settings' revision after the change, from 1: other services compare it
 */
public record SettingsChanged(
        UUID userId,
        String currency,
        String locale,
        String timeZone,
        boolean invitations,
        boolean budgetAlerts,
        boolean goalReached,
        boolean monthlySummary,
        long revision) {
}
