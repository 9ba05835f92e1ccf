package dev.kitty.user.onboarding;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.messaging.EventMetadata;
import dev.kitty.platform.messaging.InvalidEventException;
import dev.kitty.user.profile.ProfileManagement;
import dev.kitty.user.settings.SettingsManagement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OnboardingTests {

    private static final UUID USER = UUID.randomUUID();
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-23T09:15:30Z");
    private static final EventMetadata METADATA =
            new EventMetadata("event-1", "kitty.user.registered.v1", "/kitty/auth-service", USER.toString(), REGISTERED_AT);

    private final ProfileManagement profiles = mock();
    private final SettingsManagement settings = mock();
    private final Onboarding onboarding = new Onboarding(profiles, settings);

    @Test
    void createsTheProfileAndTheDefaultSettings() {
        onboarding.on(new UserRegistered(USER, "ada@example.com", "Ada", REGISTERED_AT), METADATA);

        then(profiles).should().register(USER, "ada@example.com", "Ada", REGISTERED_AT);
        then(settings).should().createDefaultsFor(USER);
    }

    @Test
    void anEventThatBreaksTheProfileRulesCanNeverSucceedEither() {
        given(profiles.register(any(), anyString(), any(), any())).willThrow(new IllegalArgumentException("Not an email address"));

        assertThatExceptionOfType(InvalidEventException.class)
                .isThrownBy(() -> onboarding.on(new UserRegistered(USER, "no-address", "Ada", REGISTERED_AT), METADATA));

        then(settings).shouldHaveNoInteractions();
    }

    /** ADR 12: deletion is final; a late or replayed registration of a deleted user creates nothing. */
    @Test
    void aDeletedUsersRegistrationCreatesNothing() {
        given(profiles.isDeleted(USER)).willReturn(true);

        onboarding.on(new UserRegistered(USER, "ada@example.com", "Ada", REGISTERED_AT), METADATA);

        then(profiles).should(org.mockito.Mockito.never()).register(any(), anyString(), any(), any());
        then(settings).shouldHaveNoInteractions();
    }
}
