package dev.kitty.notification.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code notification} table: every query is scoped to the user it belongs to. */
@Component
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Nothing for a deleted user: a late event must not bring them back (their id stays in {@code deleted_user}). */
    void add(UUID id, UUID userId, String type, String title, String body, @Nullable UUID budgetId, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO notification (id, user_id, type, title, body, budget_id, created_at)
                SELECT :id, :userId, :type, :title, :body, :budgetId, :createdAt
                WHERE NOT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = :userId)
                """)
                .param("id", id).param("userId", userId).param("type", type).param("title", title).param("body", body)
                .param("budgetId", budgetId).param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    Page<Notification> page(UUID userId, Pageable pageable) {
        var total = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :userId").param("userId", userId).query(Long.class).single();
        var content = jdbc.sql("""
                SELECT id, type, title, body, budget_id, read, created_at FROM notification
                WHERE user_id = :userId
                ORDER BY created_at DESC, id DESC
                LIMIT :limit OFFSET :offset
                """)
                .param("userId", userId).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(Notification.class)
                .list();
        return new PageImpl<>(content, pageable, total);
    }

    boolean markRead(UUID userId, UUID id) {
        return jdbc.sql("UPDATE notification SET read = TRUE WHERE user_id = :userId AND id = :id")
                .param("userId", userId).param("id", id).update() == 1;
    }

    void markAllRead(UUID userId) {
        jdbc.sql("UPDATE notification SET read = TRUE WHERE user_id = :userId AND NOT read").param("userId", userId).update();
    }

    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("DELETE FROM notification WHERE user_id = :userId AND id = :id").param("userId", userId).param("id", id).update() == 1;
    }

    void forgetUser(UUID userId) {
        jdbc.sql("DELETE FROM notification WHERE user_id = :userId").param("userId", userId).update();
    }

    void forgetBudget(UUID budgetId) {
        jdbc.sql("DELETE FROM notification WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }
}
