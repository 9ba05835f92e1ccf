package dev.kitty.notification.news;

import dev.kitty.notification.inbox.Notifications;
import dev.kitty.notification.mail.InlineImage;
import dev.kitty.notification.mail.Mails;
import dev.kitty.notification.mail.Texts;
import dev.kitty.notification.recipient.Recipient;
import dev.kitty.notification.recipient.Recipients;
import dev.kitty.notification.settings.NotificationSettings;
import dev.kitty.notification.settings.NotificationSettingsReplica;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link Notice} into an in-app notification (always) and a mail (when its topic's setting
 * says so), both in the user's language, in the listener's transaction. A deleted user is told
 * nothing. A user whose address is not known yet still gets the mail: it waits in the outbox until
 * UserRegistered or ProfileUpdated brings the address.
 */
@Component
class Announcer {

    private final Recipients recipients;
    private final NotificationSettingsReplica settings;
    private final Notifications notifications;
    private final Mails mails;
    private final Texts texts;

    Announcer(Recipients recipients, NotificationSettingsReplica settings, Notifications notifications, Mails mails, Texts texts) {
        this.recipients = recipients;
        this.settings = settings;
        this.notifications = notifications;
        this.mails = mails;
        this.texts = texts;
    }

    /** How a user's texts are written. */
    record Audience(Locale locale, ZoneId zone) {
    }

    Audience audienceOf(UUID userId) {
        var known = settings.find(userId);
        return new Audience(Texts.localeOf(known.map(NotificationSettings::locale).orElse(null)),
                Texts.zoneOf(known.map(NotificationSettings::timeZone).orElse(null)));
    }

    /** The name others know the user by, or "Someone" in the reader's language. */
    String nameOf(UUID userId, Locale locale) {
        return recipients.find(userId).map(Recipient::displayName).orElseGet(() -> texts.get("someone", locale));
    }

    String roleName(String role, Locale locale) {
        return texts.getOrDefault("role." + role, role, locale);
    }

    /** The in-app notification alone. */
    void inApp(Notice notice) {
        if (recipients.isDeleted(notice.userId())) {
            return;
        }
        var locale = audienceOf(notice.userId()).locale();
        var args = notice.args().apply(locale);
        notifications.add(notice.userId(), notice.type(), texts.get(notice.titleKey(), locale, args), texts.get(notice.bodyKey(), locale, args),
                notice.budgetId());
    }

    void tell(Notice notice, String eventId, Map<String, Object> mailVariables) {
        tell(notice, eventId, mailVariables, locale -> Map.of(), null);
    }

    /**
     * {@link #tell(Notice, String, Map)} with mail variables made for the user's locale, and an image for the mail's
     * HTML to show inline (made only when the mail is wanted).
     */
    void tell(Notice notice, String eventId, Map<String, Object> mailVariables, Function<Locale, Map<String, Object>> localVariables,
            @Nullable Function<Locale, InlineImage> image) {
        if (recipients.isDeleted(notice.userId())) {
            return;
        }
        var known = settings.find(notice.userId());
        var locale = Texts.localeOf(known.map(NotificationSettings::locale).orElse(null));
        var args = notice.args().apply(locale);
        var title = texts.get(notice.titleKey(), locale, args);
        var body = texts.get(notice.bodyKey(), locale, args);
        notifications.add(notice.userId(), notice.type(), title, body, notice.budgetId());
        if (notice.topic().mailWanted(known)) {
            var address = notice.address() != null ? notice.address()
                    : recipients.find(notice.userId()).map(Recipient::email).orElse(null);
            var variables = new HashMap<>(mailVariables);
            variables.putAll(localVariables.apply(locale));
            variables.put("title", title);
            variables.put("body", body);
            mails.queue(notice.template(), notice.userId(), address, eventId, locale, title, variables,
                    image == null ? null : image.apply(locale));
        }
    }

    void tell(Notice notice, String eventId) {
        tell(notice, eventId, Map.of());
    }
}
