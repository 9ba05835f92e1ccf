package dev.kitty.notification;

import dev.kitty.platform.test.EventsOnKafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.events.BudgetDeleted;
import dev.kitty.budget.events.BudgetEvents;
import dev.kitty.budget.events.MemberRoleChanged;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What this service holds about a user or a budget disappears with them, and late events bring none of it back. */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs: one consumer in the group, one start-up
@EmbeddedInfrastructure
class ErasureIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    EventsOnKafka events;

    final UUID user = UUID.randomUUID();
    final UUID otherUser = UUID.randomUUID();
    final UUID budget = UUID.randomUUID();

    @BeforeEach
    void events() {
        events = new EventsOnKafka(kafka, json);
    }

    @Test
    void aDeletedUsersSettingsDeliveriesAndNotificationsAreGoneAndOthersStay() {
        for (var someone : new UUID[] {user, otherUser}) {
            events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(someone, "en", "UTC", true, true, true, true, 1));
            logDelivery(someone);
            notify(someone, null);
        }
        await().atMost(PATIENCE).until(() -> rows("notification_settings", user) == 1 && rows("notification_settings", otherUser) == 1);

        events.send(UserEvents.USER_DELETED, new UserDeleted(user, Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(new long[] {
                rows("notification_settings", user), rows("delivery_log", user), rows("notification", user)}).containsOnly(0));
        assertThat(new long[] {rows("notification_settings", otherUser), rows("delivery_log", otherUser), rows("notification", otherUser)})
                .containsOnly(1);
    }

    @Test
    void aDeletedUsersWaitingMailsAndRecipientDataAreGoneAndLateEventsBringNothingBack() {
        var budgetId = UUID.randomUUID();
        events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(user, "erased." + user + "@example.com", "Erased", 1));
        await().atMost(PATIENCE).until(() -> rows("recipient", user) == 1);
        jdbc.sql("""
                INSERT INTO mail_outbox (id, user_id, recipient, template, event_id, subject, text_body, html_body, status, next_attempt_at,
                                         created_at)
                VALUES (?, ?, NULL, 'ROLE_CHANGED', ?, 's', 't', 'h', 'PENDING', now(), now())
                """).params(UUID.randomUUID(), user, UUID.randomUUID().toString()).update();

        events.send(UserEvents.USER_DELETED, new UserDeleted(user, Instant.now()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(new long[] {rows("recipient", user), rows("mail_outbox", user)}).containsOnly(0));

        // late: a membership event about them and an older profile, then a marker behind them on the budget's and the user's partitions
        events.send(BudgetEvents.MEMBER_ROLE_CHANGED, new MemberRoleChanged(budgetId, "Household", user, "ADMIN", otherUser, 2));
        events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(user, "erased." + user + "@example.com", "Erased", 2));
        events.send(BudgetEvents.MEMBER_ROLE_CHANGED, new MemberRoleChanged(budgetId, "Household", otherUser, "ADMIN", user, 3));
        events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(otherUser, "other." + otherUser + "@example.com", "Other", 1),
                UUID.randomUUID().toString(), user.toString());
        await().atMost(PATIENCE).until(() -> rows("notification", otherUser) == 1 && rows("recipient", otherUser) == 1);

        assertThat(new long[] {rows("recipient", user), rows("mail_outbox", user), rows("notification", user)}).containsOnly(0);
    }

    @Test
    void aDeletedBudgetsNotificationsAreGone() {
        notify(user, budget);
        notify(user, null);

        events.send(BudgetEvents.BUDGET_DELETED, new BudgetDeleted(budget, "Household", null, java.util.List.of(), Instant.now()));

        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM notification WHERE budget_id = ?").param(budget)
                .query(Long.class).single() == 0);
        assertThat(rows("notification", user)).isEqualTo(1);
    }

    private void logDelivery(UUID someone) {
        jdbc.sql("""
                INSERT INTO delivery_log (user_id, recipient, template, event_id, status, sent_at)
                VALUES (?, 'someone@example.com', 'VERIFY_EMAIL', ?, 'SENT', now())
                """).params(someone, UUID.randomUUID().toString()).update();
    }

    private void notify(UUID someone, @Nullable UUID budgetId) {
        jdbc.sql("""
                INSERT INTO notification (id, user_id, type, title, body, budget_id, created_at)
                VALUES (?, ?, 'GOAL_REACHED', 'Goal reached', 'The piggy bank is full', ?, now())
                """).params(UUID.randomUUID(), someone, budgetId).update();
    }

    private long rows(String table, UUID someone) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE user_id = ?").param(someone).query(Long.class).single();
    }
}
