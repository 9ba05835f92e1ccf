package dev.kitty.user.onboarding;

import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.platform.messaging.InvalidEventException;
import dev.kitty.user.profile.ProfileManagement;
import dev.kitty.user.settings.SettingsManagement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every newly registered user a profile and default settings, together or not at all.
 * Both steps are idempotent by themselves: the platform skips a redelivered event id, but
 * auth-service may also publish the same registration again under a new id. A deleted user's
 * registration, late or replayed, creates nothing: deletion is final (ADR 12). The listener id is
 * the dedupe key in {@code processed_event}: never change it.
 */
@Component
class Onboarding {

    private final ProfileManagement profiles;
    private final SettingsManagement settings;

    Onboarding(ProfileManagement profiles, SettingsManagement settings) {
        this.profiles = profiles;
        this.settings = settings;
    }

    @IntegrationEventListener(id = "user.onboarding.user-registered")
    @Transactional
    public void on(UserRegistered event, EventMetadata metadata) {
        if (profiles.isDeleted(event.userId())) {
            return;
        }
        try {
            profiles.register(event.userId(), event.email(), event.displayName(), event.registeredAt());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("UserRegistered event " + metadata.id() + " breaks the profile's rules", e);
        }
        settings.createDefaultsFor(event.userId());
    }
}
