package dev.kitty.user.profile;

import dev.kitty.events.EventType;
import dev.kitty.identity.events.EmailVerified;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.platform.messaging.InvalidEventException;
import org.springframework.stereotype.Component;

/** Keeps {@code emailVerified} on the profile, so admins see which accounts proved their address. */
@Component
class EmailVerification implements IntegrationEventHandler<EmailVerified> {

    private final ProfileManagement profiles;

    EmailVerification(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    @Override
    public EventType<EmailVerified> eventType() {
        return IdentityEvents.EMAIL_VERIFIED;
    }

    @Override
    @SuppressWarnings("ConstantValue") // the payload is decoded from JSON: the contract's non-null fields may be missing
    public void handle(EmailVerified event, EventMetadata metadata) {
        if (event.userId() == null || event.email() == null || event.email().isBlank()) {
            throw new InvalidEventException("EmailVerified event " + metadata.id() + " lacks userId or email");
        }
        try {
            profiles.confirmEmail(event.userId(), event.email());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("EmailVerified event " + metadata.id() + " breaks the profile's rules", e);
        }
    }
}
