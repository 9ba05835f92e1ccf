package dev.kitty.user.events;

import java.util.Objects;
import java.util.UUID;

/**
 * Which mails a user wants, and how to write them (also published once when the profile is
 * created). {@code locale} is a BCP 47 tag, {@code timeZone} a zone id. The four flags are
 * required too: they are primitives, which Jackson 3 (by default) refuses to read from nothing.
 */
public record NotificationSettingsChanged(
        UUID userId,
        String locale,
        String timeZone,
        boolean invitations,
        boolean budgetAlerts,
        boolean goalReached,
        boolean monthlySummary) {

    /** {@code userId}, {@code locale} and {@code timeZone} are checked here: an event missing one fails to decode and is dead-lettered. */
    public NotificationSettingsChanged {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
