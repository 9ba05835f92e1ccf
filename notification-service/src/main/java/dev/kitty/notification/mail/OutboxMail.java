package dev.kitty.notification.mail;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A claimed outbox row, due to be sent. */
record OutboxMail(UUID id, @Nullable UUID userId, String recipient, String template, String eventId, String subject, String textBody,
        String htmlBody, int attempts) {
}
