package dev.kitty.budget.knownuser;

import static dev.kitty.budget.knownuser.RequiredFields.require;

import dev.kitty.events.EventType;
import dev.kitty.identity.events.EmailVerified;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import org.springframework.stereotype.Component;

@Component
class EmailVerifiedHandler implements IntegrationEventHandler<EmailVerified> {

    private final KnownUsers knownUsers;

    EmailVerifiedHandler(KnownUsers knownUsers) {
        this.knownUsers = knownUsers;
    }

    @Override
    public EventType<EmailVerified> eventType() {
        return IdentityEvents.EMAIL_VERIFIED;
    }

    @Override
    public void handle(EmailVerified event, EventMetadata metadata) {
        knownUsers.emailVerified(require(event.userId(), "userId", metadata), require(event.email(), "email", metadata));
    }
}
