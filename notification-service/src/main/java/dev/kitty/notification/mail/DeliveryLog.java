package dev.kitty.notification.mail;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** What was sent to whom, and what failed. */
@Component
class DeliveryLog {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    DeliveryLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Recorded in the caller's transaction, together with the event being marked processed. */
    void sent(ComposedMail mail, @Nullable UUID userId, String eventId) {
        insert(mail, userId, eventId, "SENT", null);
    }

    /**
     * Recorded in a transaction of its own: the caller's is about to roll back (so that the
     * event is retried), and the failed attempt must stay on record all the same.
     */
    void failed(ComposedMail mail, @Nullable UUID userId, String eventId, Exception cause) {
        var error = String.valueOf(cause.getMessage());
        var truncated = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        ownTransaction.executeWithoutResult(status -> insert(mail, userId, eventId, "FAILED", truncated));
    }

    void forget(UUID userId) {
        jdbc.sql("DELETE FROM delivery_log WHERE user_id = :userId").param("userId", userId).update();
    }

    private void insert(ComposedMail mail, @Nullable UUID userId, String eventId, String status, @Nullable String error) {
        jdbc.sql("""
                INSERT INTO delivery_log (user_id, recipient, template, event_id, status, error, sent_at)
                VALUES (:userId, :recipient, :template, :eventId, :status, :error, now())
                """)
                .param("userId", userId)
                .param("recipient", mail.recipient())
                .param("template", mail.template().name())
                .param("eventId", eventId)
                .param("status", status)
                .param("error", error)
                .update();
    }
}
