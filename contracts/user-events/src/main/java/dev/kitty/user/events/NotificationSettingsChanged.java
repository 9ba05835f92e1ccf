package dev.kitty.user.events;

import java.util.Objects;
import java.util.UUID;

/**
 * Which mails a user wants, and how to write them (also published once when the profile is
 * created). {@code locale} is a BCP 47 tag, {@code timeZone} a zone id. The four flags are
 * required too: they are primitives, which Jackson 3 (by default) refuses to read from nothing.
 *
 * <p>{@code version} is the settings' version after this change: user-service counts every
 * published state of a user's settings, starting at 1. A replica applies the event only when it
 * is newer than what it holds, so a replayed or reordered event never brings old settings back
 * (ADR 9).
 */
public record NotificationSettingsChanged(
        UUID userId,
        String locale,
        String timeZone,
        boolean invitations,
        boolean budgetAlerts,
        boolean goalReached,
        boolean monthlySummary,
        long version) {

    /** Every field is required, and versions start at 1: an event breaking either fails to decode and is dead-lettered. */
    public NotificationSettingsChanged {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(timeZone, "timeZone");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
    }
}
