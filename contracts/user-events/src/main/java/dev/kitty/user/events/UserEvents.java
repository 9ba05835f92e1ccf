package dev.kitty.user.events;

import dev.kitty.events.EventCatalog;
import dev.kitty.events.EventType;

/** What user-service publishes, on the {@value #TOPIC} topic, keyed by user id. */
public final class UserEvents {

    public static final String TOPIC = "user.events";

    public static final EventType<UserDeleted> USER_DELETED =
            EventType.of("kitty.user.deleted.v1", TOPIC, UserDeleted.class, e -> e.userId().toString());
    public static final EventType<ProfileUpdated> PROFILE_UPDATED =
            EventType.of("kitty.user.profile-updated.v1", TOPIC, ProfileUpdated.class, e -> e.userId().toString());
    public static final EventType<NotificationSettingsChanged> NOTIFICATION_SETTINGS_CHANGED =
            EventType.of("kitty.user.notification-settings-changed.v1", TOPIC, NotificationSettingsChanged.class, e -> e.userId().toString());

    public static final EventCatalog CATALOG = EventCatalog.of("user-service",
            USER_DELETED, PROFILE_UPDATED, NOTIFICATION_SETTINGS_CHANGED);

    private UserEvents() {
    }
}
