package dev.kitty.notification.mail;

import dev.kitty.identity.events.EmailVerificationRequested;
import dev.kitty.identity.events.PasswordResetRequested;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import org.springframework.stereotype.Component;

/**
 * The mails auth-service asks for. A redelivered event sends no second mail (the platform
 * skips event ids a listener applied); the ids are those dedupe keys: never change them.
 */
@Component
class AccountMails {

    private final MailComposer composer;
    private final MailDelivery delivery;
    private final StaleTokens staleTokens;

    AccountMails(MailComposer composer, MailDelivery delivery, StaleTokens staleTokens) {
        this.composer = composer;
        this.delivery = delivery;
        this.staleTokens = staleTokens;
    }

    @IntegrationEventListener(id = "notification.mail.email-verification-requested")
    void on(EmailVerificationRequested event, EventMetadata metadata) {
        if (!staleTokens.expired(event.expiresAt(), metadata)) {
            delivery.deliver(composer.verification(event.email(), event.displayName(), event.token(), event.expiresAt()), event.userId(),
                    metadata.id());
        }
    }

    @IntegrationEventListener(id = "notification.mail.password-reset-requested")
    void on(PasswordResetRequested event, EventMetadata metadata) {
        if (!staleTokens.expired(event.expiresAt(), metadata)) {
            delivery.deliver(composer.passwordReset(event.email(), event.token(), event.expiresAt()), event.userId(), metadata.id());
        }
    }
}
