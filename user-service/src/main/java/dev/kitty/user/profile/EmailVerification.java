package dev.kitty.user.profile;

import dev.kitty.identity.events.EmailVerified;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.platform.messaging.InvalidEventException;
import org.springframework.stereotype.Component;

/** Keeps {@code emailVerified} on the profile, so admins see which accounts proved their address. */
@Component
class EmailVerification {

    private final ProfileManagement profiles;

    EmailVerification(ProfileManagement profiles) {
        this.profiles = profiles;
    }

    /** The id is this listener's dedupe key in {@code processed_event}: never change it. */
    @IntegrationEventListener(id = "user.profile.email-verified")
    void on(EmailVerified event, EventMetadata metadata) {
        try {
            profiles.confirmEmail(event.userId(), event.email());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("EmailVerified event " + metadata.id() + " breaks the profile's rules", e);
        }
    }
}
