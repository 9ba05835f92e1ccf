package dev.kitty.notification.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code mail_outbox} table (ADR 11). */
@Component
class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's (the listener's) transaction; a second write of the same mail changes nothing. */
    void add(UUID id, @Nullable UUID userId, @Nullable String recipient, MailTemplate template, String eventId, ComposedMail mail,
            @Nullable InlineImage image, Instant now) {
        jdbc.sql("""
                INSERT INTO mail_outbox (id, user_id, recipient, template, event_id, subject, text_body, html_body, inline_image,
                                         inline_image_id, status, next_attempt_at, created_at)
                VALUES (:id, :userId, :recipient, :template, :eventId, :subject, :text, :html, :image, :imageId, 'PENDING', :now, :now)
                ON CONFLICT ON CONSTRAINT mail_outbox_once DO NOTHING
                """)
                .param("id", id).param("userId", userId).param("recipient", recipient).param("template", template.name())
                .param("eventId", eventId).param("subject", mail.subject()).param("text", mail.text()).param("html", mail.html())
                .param("image", image == null ? null : image.png()).param("imageId", image == null ? null : image.contentId())
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** Locks the oldest due mail that no other sender holds; the lock lasts until the caller's transaction ends. */
    Optional<OutboxMail> claimNext(Instant now) {
        return jdbc.sql("""
                SELECT id, user_id, recipient, template, event_id, subject, text_body, html_body, inline_image_id, inline_image, attempts
                FROM mail_outbox
                WHERE status = 'PENDING' AND recipient IS NOT NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
                .param("now", java.sql.Timestamp.from(now))
                .query(OutboxMail.class)
                .optional();
    }

    /** Sent: the bodies go, the row stays as the record that this mail went out. */
    void sent(UUID id, Instant now) {
        jdbc.sql("""
                UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, finished_at = :now,
                    subject = NULL, text_body = NULL, html_body = NULL, inline_image = NULL, inline_image_id = NULL
                WHERE id = :id
                """).param("id", id).param("now", java.sql.Timestamp.from(now)).update();
    }

    void retryAt(UUID id, Instant next) {
        jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :next WHERE id = :id")
                .param("id", id).param("next", java.sql.Timestamp.from(next)).update();
    }

    /** Given up: the bodies go too. */
    void failed(UUID id, Instant now) {
        jdbc.sql("""
                UPDATE mail_outbox SET status = 'FAILED', attempts = attempts + 1, finished_at = :now,
                    subject = NULL, text_body = NULL, html_body = NULL, inline_image = NULL, inline_image_id = NULL
                WHERE id = :id
                """).param("id", id).param("now", java.sql.Timestamp.from(now)).update();
    }

    /** Removes sent and given-up rows finished before {@code before}; they hold no content any more, only the record. */
    int prune(Instant before) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE status IN ('SENT', 'FAILED') AND finished_at < :before")
                .param("before", java.sql.Timestamp.from(before)).update();
    }

    /** Mails that waited for the user's address can go now. */
    int addressKnown(UUID userId, String email) {
        return jdbc.sql("UPDATE mail_outbox SET recipient = :email WHERE user_id = :userId AND recipient IS NULL AND status = 'PENDING'")
                .param("userId", userId).param("email", email).update();
    }

    /** The account was deleted (settings keep the tombstones in {@code deleted_user}). */
    boolean isDeleted(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = :userId)").param("userId", userId).query(Boolean.class)
                .single();
    }

    void forget(UUID userId) {
        jdbc.sql("DELETE FROM mail_outbox WHERE user_id = :userId").param("userId", userId).update();
    }
}
