package dev.kitty.notification.inbox;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The in-app notifications. Serving them is still to come; removing them with their user or budget works now. */
@Component
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void forgetUser(UUID userId) {
        jdbc.sql("DELETE FROM notification WHERE user_id = :userId").param("userId", userId).update();
    }

    void forgetBudget(UUID budgetId) {
        jdbc.sql("DELETE FROM notification WHERE budget_id = :budgetId").param("budgetId", budgetId).update();
    }
}
