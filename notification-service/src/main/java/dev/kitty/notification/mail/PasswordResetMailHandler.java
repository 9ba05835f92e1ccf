package dev.kitty.notification.mail;

import dev.kitty.events.EventType;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.PasswordResetRequested;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class PasswordResetMailHandler implements IntegrationEventHandler<PasswordResetRequested> {

    private final MailComposer composer;
    private final MailDelivery delivery;
    private final StaleTokens staleTokens;

    PasswordResetMailHandler(MailComposer composer, MailDelivery delivery, StaleTokens staleTokens) {
        this.composer = composer;
        this.delivery = delivery;
        this.staleTokens = staleTokens;
    }

    @Override
    public EventType<PasswordResetRequested> eventType() {
        return IdentityEvents.PASSWORD_RESET_REQUESTED;
    }

    @Override
    public void handle(PasswordResetRequested event, EventMetadata metadata) {
        var email = RequiredFields.require(event.email(), "email", metadata);
        var token = RequiredFields.require(event.token(), "token", metadata);
        if (staleTokens.expired(event.expiresAt(), metadata)) {
            return;
        }
        delivery.deliver(composer.passwordReset(email, token, event.expiresAt()), event.userId(), metadata.id());
    }
}
