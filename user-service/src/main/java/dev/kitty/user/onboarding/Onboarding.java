package dev.kitty.user.onboarding;

import dev.kitty.events.EventType;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventHandler;
import dev.kitty.platform.messaging.InvalidEventException;
import dev.kitty.user.profile.ProfileManagement;
import dev.kitty.user.settings.SettingsManagement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every newly registered user a profile and default settings, together or not at all.
 * Both steps are idempotent by themselves: the platform skips a redelivered event id, but
 * auth-service may also publish the same registration again under a new id.
 */
@Component
class Onboarding implements IntegrationEventHandler<UserRegistered> {

    private final ProfileManagement profiles;
    private final SettingsManagement settings;

    Onboarding(ProfileManagement profiles, SettingsManagement settings) {
        this.profiles = profiles;
        this.settings = settings;
    }

    @Override
    public EventType<UserRegistered> eventType() {
        return IdentityEvents.USER_REGISTERED;
    }

    @Override
    @Transactional
    @SuppressWarnings("ConstantValue") // decoded from JSON: fields the contract declares non-null may be missing
    public void handle(UserRegistered event, EventMetadata metadata) {
        if (event.userId() == null || event.email() == null || event.registeredAt() == null) {
            throw new InvalidEventException("UserRegistered event " + metadata.id() + " lacks userId, email or registeredAt");
        }
        try {
            profiles.register(event.userId(), event.email(), event.displayName(), event.registeredAt());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("UserRegistered event " + metadata.id() + " breaks the profile's rules", e);
        }
        settings.createDefaultsFor(event.userId());
    }
}
