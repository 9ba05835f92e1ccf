package dev.kitty.notification.mail;

import dev.kitty.identity.events.EmailVerificationRequested;
import dev.kitty.identity.events.PasswordResetRequested;
import dev.kitty.notification.settings.NotificationSettings;
import dev.kitty.notification.settings.NotificationSettingsReplica;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import java.util.HashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mails auth-service asks for, written to the outbox in the recipient's language (English
 * when the settings have not arrived). A redelivered event writes no second mail (the platform
 * skips event ids a listener applied, and the outbox's unique key); the ids are those dedupe
 * keys: never change them.
 */
@Component
class AccountMails {

    private final Mails mails;
    private final Texts texts;
    private final NotificationProperties properties;
    private final StaleTokens staleTokens;
    private final NotificationSettingsReplica settings;

    AccountMails(Mails mails, Texts texts, NotificationProperties properties, StaleTokens staleTokens, NotificationSettingsReplica settings) {
        this.mails = mails;
        this.texts = texts;
        this.properties = properties;
        this.staleTokens = staleTokens;
        this.settings = settings;
    }

    @IntegrationEventListener(id = "notification.mail.email-verification-requested")
    void on(EmailVerificationRequested event, EventMetadata metadata) {
        if (staleTokens.expired(event.expiresAt(), metadata)) {
            return;
        }
        var known = settings.find(event.userId());
        var locale = Texts.localeOf(known.map(NotificationSettings::locale).orElse(null));
        var variables = new HashMap<String, Object>();
        variables.put("displayName", event.displayName() == null || event.displayName().isBlank() ? "" : event.displayName().strip());
        variables.put("token", event.token());
        variables.put("link", tokenLink("/verify-email", event.token()));
        variables.put("expires", Texts.dateTime(event.expiresAt(), locale, Texts.zoneOf(known.map(NotificationSettings::timeZone).orElse(null))));
        mails.queue(MailTemplate.VERIFY_EMAIL, event.userId(), event.email(), metadata.id(), locale,
                texts.get("mail.verify-email.subject", locale), variables);
    }

    @IntegrationEventListener(id = "notification.mail.password-reset-requested")
    void on(PasswordResetRequested event, EventMetadata metadata) {
        if (staleTokens.expired(event.expiresAt(), metadata)) {
            return;
        }
        var known = settings.find(event.userId());
        var locale = Texts.localeOf(known.map(NotificationSettings::locale).orElse(null));
        var variables = new HashMap<String, Object>();
        variables.put("token", event.token());
        variables.put("link", tokenLink("/reset-password", event.token()));
        variables.put("expires", Texts.dateTime(event.expiresAt(), locale, Texts.zoneOf(known.map(NotificationSettings::timeZone).orElse(null))));
        mails.queue(MailTemplate.RESET_PASSWORD, event.userId(), event.email(), metadata.id(), locale,
                texts.get("mail.reset-password.subject", locale), variables);
    }

    private String tokenLink(String path, String token) {
        return UriComponentsBuilder.fromUri(properties.publicUrl())
                .path(path)
                .queryParam("token", "{token}")
                .encode()
                .buildAndExpand(token)
                .toUriString();
    }
}
