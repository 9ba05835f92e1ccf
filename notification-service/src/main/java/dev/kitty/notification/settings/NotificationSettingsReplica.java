package dev.kitty.notification.settings;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * User-service's notification settings as this service knows them. Their events come on one
 * topic keyed by user id, yet a resubmitted or replayed event can arrive after newer ones: a
 * row changes only for an event with a newer version, and a deleted user's id stays in
 * {@code deleted_user} so that no late event brings their settings back (ADR 9).
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

    void save(NotificationSettings settings, long version) {
        jdbc.sql("""
                INSERT INTO notification_settings
                    (user_id, locale, time_zone, invitations, budget_alerts, goal_reached, monthly_summary, updated_at, version)
                SELECT :userId, :locale, :timeZone, :invitations, :budgetAlerts, :goalReached, :monthlySummary, now(), :version
                WHERE NOT EXISTS (SELECT 1 FROM deleted_user WHERE user_id = :userId)
                ON CONFLICT (user_id) DO UPDATE SET
                    locale = excluded.locale, time_zone = excluded.time_zone, invitations = excluded.invitations,
                    budget_alerts = excluded.budget_alerts, goal_reached = excluded.goal_reached,
                    monthly_summary = excluded.monthly_summary, updated_at = excluded.updated_at, version = excluded.version
                WHERE notification_settings.version < excluded.version
                """)
                .param("userId", settings.userId()).param("locale", settings.locale()).param("timeZone", settings.timeZone())
                .param("invitations", settings.invitations()).param("budgetAlerts", settings.budgetAlerts())
                .param("goalReached", settings.goalReached()).param("monthlySummary", settings.monthlySummary())
                .param("version", version)
                .update();
    }

    void forget(UUID userId) {
        jdbc.sql("INSERT INTO deleted_user (user_id, deleted_at) VALUES (:userId, now()) ON CONFLICT (user_id) DO NOTHING")
                .param("userId", userId)
                .update();
        jdbc.sql("DELETE FROM notification_settings WHERE user_id = :userId").param("userId", userId).update();
    }
}
