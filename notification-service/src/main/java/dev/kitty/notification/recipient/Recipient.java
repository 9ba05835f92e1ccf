package dev.kitty.notification.recipient;

import java.util.UUID;

/** A user as this service knows them: where to mail them and how to name them to others. */
public record Recipient(UUID userId, String email, String displayName) {
}
