package dev.kitty.notification.settings;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * User-service's notification settings as this service knows them. Its events come on one
 * topic keyed by user id, so they arrive in order and the latest simply replaces the row.
 */
@Component
public class NotificationSettingsReplica {

    private final JdbcClient jdbc;

    NotificationSettingsReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for a user whose settings have not arrived (yet): the caller decides the default. */
    public Optional<NotificationSettings> find(UUID userId) {
        return jdbc.sql("""
                SELECT user_id, locale, time_zone, invitations, budget_alerts, goal_reached, monthly_summary
                FROM notification_settings WHERE user_id = :userId
                """)
                .param("userId", userId)
                .query(NotificationSettings.class)
                .optional();
    }

    void save(NotificationSettings settings) {
        jdbc.sql("""
                INSERT INTO notification_settings
                    (user_id, locale, time_zone, invitations, budget_alerts, goal_reached, monthly_summary, updated_at)
                VALUES (:userId, :locale, :timeZone, :invitations, :budgetAlerts, :goalReached, :monthlySummary, now())
                ON CONFLICT (user_id) DO UPDATE SET
                    locale = excluded.locale, time_zone = excluded.time_zone, invitations = excluded.invitations,
                    budget_alerts = excluded.budget_alerts, goal_reached = excluded.goal_reached,
                    monthly_summary = excluded.monthly_summary, updated_at = excluded.updated_at
                """)
                .paramSource(settings)
                .update();
    }

    void forget(UUID userId) {
        jdbc.sql("DELETE FROM notification_settings WHERE user_id = :userId").param("userId", userId).update();
    }
}
