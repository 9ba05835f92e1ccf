package dev.kitty.notification.mail;

import dev.kitty.events.EventType;
import dev.kitty.identity.events.EmailVerificationRequested;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class VerificationMailHandler implements IntegrationEventHandler<EmailVerificationRequested> {

    private final MailComposer composer;
    private final MailDelivery delivery;
    private final StaleTokens staleTokens;

    VerificationMailHandler(MailComposer composer, MailDelivery delivery, StaleTokens staleTokens) {
        this.composer = composer;
        this.delivery = delivery;
        this.staleTokens = staleTokens;
    }

    @Override
    public EventType<EmailVerificationRequested> eventType() {
        return IdentityEvents.EMAIL_VERIFICATION_REQUESTED;
    }

    @Override
    public void handle(EmailVerificationRequested event, EventMetadata metadata) {
        var email = RequiredFields.require(event.email(), "email", metadata);
        var token = RequiredFields.require(event.token(), "token", metadata);
        if (staleTokens.expired(event.expiresAt(), metadata)) {
            return;
        }
        delivery.deliver(composer.verification(email, event.displayName(), token, event.expiresAt()), event.userId(), metadata.id());
    }
}
