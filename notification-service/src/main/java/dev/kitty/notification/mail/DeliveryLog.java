package dev.kitty.notification.mail;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every attempt to send a mail, in the sender's transaction together with the outbox row's new state. Never the content. */
@Component
class DeliveryLog {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void sent(OutboxMail mail) {
        insert(mail, "SENT", null);
    }

    void failed(OutboxMail mail, Exception cause) {
        var error = String.valueOf(cause.getMessage());
        insert(mail, "FAILED", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
    }

    void forget(UUID userId) {
        jdbc.sql("DELETE FROM delivery_log WHERE user_id = :userId").param("userId", userId).update();
    }

    private void insert(OutboxMail mail, String status, @Nullable String error) {
        jdbc.sql("""
                INSERT INTO delivery_log (user_id, recipient, template, event_id, status, error, sent_at)
                VALUES (:userId, :recipient, :template, :eventId, :status, :error, now())
                """)
                .param("userId", mail.userId())
                .param("recipient", mail.recipient())
                .param("template", mail.template())
                .param("eventId", mail.eventId())
                .param("status", status)
                .param("error", error)
                .update();
    }
}
