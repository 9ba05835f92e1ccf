package dev.kitty.user.deletion;

import dev.kitty.platform.web.DomainException;
import dev.kitty.user.profile.ProfileManagement;
import dev.kitty.user.settings.SettingsManagement;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes an approved user's data: settings, profile, and a tombstone that announces {@code UserDeleted}, all in
 * one transaction, so the event leaves (through the outbox) if and only if the data is gone.
 */
@Service
class UserDeletion {

    private final ProfileManagement profiles;
    private final SettingsManagement settings;
    private final Clock clock;

    UserDeletion(ProfileManagement profiles, SettingsManagement settings, Clock clock) {
        this.profiles = profiles;
        this.settings = settings;
        this.clock = clock;
    }

    /** One's own account goes through {@code DELETE /api/users/me}, which asks for the password again. */
    void requireSomeoneElse(UUID callerId, UUID userId) {
        if (callerId.equals(userId)) {
            throw new DomainException.Conflict("own-account", "Delete your own account with DELETE /api/users/me and your password.");
        }
    }

    /** Asked before auth-service is: a user deleted already is gone (404), whoever asks. */
    void requireNotDeleted(UUID userId) {
        if (profiles.isDeleted(userId)) {
            throw new DomainException.NotFound("No such user.");
        }
    }

    /** @throws DomainException.NotFound when the user was deleted in the meantime */
    @Transactional
    void delete(UUID userId) {
        settings.deleteFor(userId);
        profiles.delete(userId, clock.instant());
    }
}
