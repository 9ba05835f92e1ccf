package dev.kitty.notification.mail;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A claimed outbox row, due to be sent; {@code inlineImageId} and {@code inlineImage} both or neither. */
record OutboxMail(UUID id, @Nullable UUID userId, String recipient, String template, String eventId, String subject, String textBody,
        String htmlBody, @Nullable String inlineImageId, byte @Nullable [] inlineImage, int attempts) {
}
