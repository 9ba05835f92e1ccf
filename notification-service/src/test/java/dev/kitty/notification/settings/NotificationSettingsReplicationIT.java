package dev.kitty.notification.settings;

import dev.kitty.platform.test.EventsOnKafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs: one consumer in the group, one start-up
@EmbeddedInfrastructure
class NotificationSettingsReplicationIT {

    @Autowired
    NotificationSettingsReplica replica;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    @Test
    void keepsTheLatestSettingsOfEachUser() {
        var events = new EventsOnKafka(kafka, json);
        var user = UUID.randomUUID();

        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(user, "en", "UTC", true, true, true, false, 1));
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED,
                new NotificationSettingsChanged(user, "de-CH", "Europe/Zurich", false, true, false, true, 2));

        var latest = new NotificationSettings(user, "de-CH", "Europe/Zurich", false, true, false, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(replica.find(user)).contains(latest));
    }

    @Test
    void anOlderStateArrivingLateChangesNothing() {
        var events = new EventsOnKafka(kafka, json);
        var user = UUID.randomUUID();
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(user, "fr", "Europe/Paris", false, false, false, false, 3));

        // a resubmitted or replayed older state, then a marker behind it on the same partition
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(user, "en", "UTC", true, true, true, true, 2));
        var marker = UUID.randomUUID();
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(marker, "en", "UTC", true, true, true, true, 1),
                UUID.randomUUID().toString(), user.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(marker).isPresent());
        assertThat(replica.find(user)).contains(new NotificationSettings(user, "fr", "Europe/Paris", false, false, false, false));
    }

    @Test
    void aDeletedUsersSettingsDoNotComeBack() {
        var events = new EventsOnKafka(kafka, json);
        var user = UUID.randomUUID();
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(user, "en", "UTC", true, true, true, true, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(user).isPresent());
        events.send(UserEvents.USER_DELETED, new UserDeleted(user, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(user).isEmpty());

        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(user, "en", "UTC", true, true, true, true, 2));
        var marker = UUID.randomUUID();
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED, new NotificationSettingsChanged(marker, "en", "UTC", true, true, true, true, 1),
                UUID.randomUUID().toString(), user.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(marker).isPresent());
        assertThat(replica.find(user)).isEmpty();
    }
}
