package dev.kitty.budget.knownuser;

import dev.kitty.budget.RunningBudgetService;
import dev.kitty.platform.test.EventsOnKafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.identity.events.EmailVerified;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.identity.events.UserRegistered;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The account replica, fed through the real topics and applied by the real consumer. */
class KnownUserReplicationIT extends RunningBudgetService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    KnownUsers knownUsers;


    /** One step of an account's history, as the events that tell it. */
    enum Step {
        REGISTERED((events, user) -> events.send(IdentityEvents.USER_REGISTERED,
                new UserRegistered(user, "ann@example.com", "Ann", Instant.now()))),
        VERIFIED((events, user) -> events.send(IdentityEvents.EMAIL_VERIFIED, new EmailVerified(user, "ann@example.com", Instant.now()))),
        RENAMED((events, user) -> events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(user, "ann@example.com", "Ann B.", 2))),
        MOVED((events, user) -> events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(user, "ann@new.example", "Ann B.", 3))),
        NEW_ADDRESS_VERIFIED((events, user) -> events.send(IdentityEvents.EMAIL_VERIFIED,
                new EmailVerified(user, "ann@new.example", Instant.now())));

        final BiConsumer<EventsOnKafka, UUID> publish;

        Step(BiConsumer<EventsOnKafka, UUID> publish) {
            this.publish = publish;
        }
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of(List.of(Step.REGISTERED), "ann@example.com", "Ann", false),
                Arguments.of(List.of(Step.REGISTERED, Step.VERIFIED), "ann@example.com", "Ann", true),
                Arguments.of(List.of(Step.REGISTERED, Step.VERIFIED, Step.RENAMED), "ann@example.com", "Ann B.", true),
                // the two topics are not ordered relative to each other: user events may come first
                Arguments.of(List.of(Step.RENAMED, Step.REGISTERED), "ann@example.com", "Ann B.", false),
                Arguments.of(List.of(Step.VERIFIED, Step.RENAMED, Step.REGISTERED), "ann@example.com", "Ann B.", true),
                Arguments.of(List.of(Step.VERIFIED, Step.REGISTERED), "ann@example.com", "Ann", true),
                // a new address is unverified until its own verification arrives, before or after the move
                Arguments.of(List.of(Step.REGISTERED, Step.VERIFIED, Step.MOVED), "ann@new.example", "Ann B.", false),
                Arguments.of(List.of(Step.REGISTERED, Step.VERIFIED, Step.MOVED, Step.NEW_ADDRESS_VERIFIED), "ann@new.example", "Ann B.", true),
                Arguments.of(List.of(Step.REGISTERED, Step.NEW_ADDRESS_VERIFIED, Step.MOVED), "ann@new.example", "Ann B.", true),
                // an older profile update arriving late (a resubmission, a replay) changes nothing
                Arguments.of(List.of(Step.REGISTERED, Step.MOVED, Step.RENAMED), "ann@new.example", "Ann B.", false),
                Arguments.of(List.of(Step.MOVED, Step.NEW_ADDRESS_VERIFIED, Step.RENAMED, Step.REGISTERED), "ann@new.example", "Ann B.", true));
    }

    @ParameterizedTest(name = "{0} -> {1}, {2}, verified: {3}")
    @MethodSource("histories")
    void knowsTheAccountAsItsEventsTellItInAnyOrder(List<Step> history, String email, String displayName, boolean verified) {
        var user = UUID.randomUUID();

        history.forEach(step -> step.publish.accept(events, user));

        var expected = new KnownUser(user, email, displayName, verified);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(knownUsers.find(user)).contains(expected));
    }

    @Test
    void findsAnAccountByItsAddressIgnoringCase() {
        var user = UUID.randomUUID();
        var email = "Case." + user + "@Example.com";
        events.send(IdentityEvents.USER_REGISTERED, new UserRegistered(user, email, "Cas", Instant.now()));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(knownUsers.findByEmail(email.toLowerCase())).extracting(KnownUser::userId).containsExactly(user));
    }

    @Test
    void forgetsADeletedUserAndIgnoresEventsAboutThemThatArriveLate() {
        var user = UUID.randomUUID();
        events.send(IdentityEvents.USER_REGISTERED, new UserRegistered(user, "gone@example.com", "Gone", Instant.now()));
        await().atMost(PATIENCE).until(() -> knownUsers.find(user).isPresent());

        events.send(UserEvents.USER_DELETED, new UserDeleted(user, Instant.now()));
        await().atMost(PATIENCE).until(() -> knownUsers.find(user).isEmpty());

        // a verification that was still on its way, then a marker behind it on the same partition
        events.send(IdentityEvents.EMAIL_VERIFIED, new EmailVerified(user, "gone@example.com", Instant.now()), UUID.randomUUID().toString(),
                user.toString());
        var marker = UUID.randomUUID();
        events.send(IdentityEvents.USER_REGISTERED, new UserRegistered(marker, "marker@example.com", "Marker", Instant.now()),
                UUID.randomUUID().toString(), user.toString());
        await().atMost(PATIENCE).until(() -> knownUsers.find(marker).isPresent());
        assertThat(knownUsers.find(user)).isEqualTo(Optional.empty());
    }
}
