package dev.kitty.notification.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.EventsOnKafka;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserDeleted;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The recipient replica ends in the same state whatever order its events arrive in, and a deleted user stays deleted (ADR 9). */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs: one consumer in the group, one start-up
@EmbeddedInfrastructure
class RecipientReplicationIT {

    @Autowired
    RecipientReplication replication;

    @Autowired
    Recipients recipients;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    JsonMapper json;

    private record Step(String name, BiConsumer<RecipientReplication, UUID> event) {

        void apply(RecipientReplication replication, UUID user) {
            event.accept(replication, user);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Step REGISTERED = new Step("registered",
            (replication, user) -> replication.on(new UserRegistered(user, "first@example.com", "First", Instant.now())));
    private static final Step PROFILE_1 = new Step("profile v1",
            (replication, user) -> replication.on(new ProfileUpdated(user, "one@example.com", "One", 1)));
    private static final Step PROFILE_2 = new Step("profile v2",
            (replication, user) -> replication.on(new ProfileUpdated(user, "two@example.com", "Two", 2)));
    private static final Step DELETED = new Step("deleted", (replication, user) -> replication.on(new UserDeleted(user, Instant.now())));

    static Stream<Arguments> historiesWithoutDeletion() {
        return permutations(List.of(REGISTERED, PROFILE_1, PROFILE_2)).stream().map(Arguments::of);
    }

    static Stream<Arguments> historiesWithDeletion() {
        return permutations(List.of(REGISTERED, PROFILE_1, PROFILE_2, DELETED)).stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("historiesWithoutDeletion")
    void theNewestProfileWinsInEveryOrder(List<Step> history) {
        var user = UUID.randomUUID();

        history.forEach(step -> step.apply(replication, user));

        assertThat(recipients.find(user)).contains(new Recipient(user, "two@example.com", "Two"));
    }

    @ParameterizedTest
    @MethodSource("historiesWithDeletion")
    void aDeletedUserIsGoneInEveryOrder(List<Step> history) {
        var user = UUID.randomUUID();

        history.forEach(step -> step.apply(replication, user));

        assertThat(recipients.find(user)).isEmpty();
        assertThat(recipients.isDeleted(user)).isTrue();
    }

    @Test
    void registrationAloneFillsTheRowAndOverwritesNothing() {
        var user = UUID.randomUUID();
        REGISTERED.apply(replication, user);
        assertThat(recipients.find(user)).contains(new Recipient(user, "first@example.com", "First"));

        replication.on(new UserRegistered(user, "again@example.com", "Again", Instant.now()));

        assertThat(recipients.find(user)).contains(new Recipient(user, "first@example.com", "First"));
    }

    @Test
    void findsAnAccountByItsAddressWhateverTheCase() {
        var user = UUID.randomUUID();
        replication.on(new ProfileUpdated(user, "Mixed." + user + "@Example.com", "Mixed", 1));

        assertThat(recipients.findByEmail(" mixed." + user + "@EXAMPLE.com")).map(Recipient::userId).contains(user);
        assertThat(recipients.findByEmail("nobody." + user + "@example.com")).isEmpty();
    }

    @Test
    void anOlderProfileArrivingLateOverKafkaChangesNothing() {
        var events = new EventsOnKafka(kafka, json);
        var user = UUID.randomUUID();
        events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(user, "new@example.com", "New", 3));
        events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(user, "old@example.com", "Old", 2));
        var marker = UUID.randomUUID();
        events.send(UserEvents.PROFILE_UPDATED, new ProfileUpdated(marker, "marker@example.com", "Marker", 1), UUID.randomUUID().toString(),
                user.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> recipients.find(marker).isPresent());
        assertThat(recipients.find(user)).contains(new Recipient(user, "new@example.com", "New"));
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        var result = new ArrayList<List<T>>();
        for (int i = 0; i < items.size(); i++) {
            var rest = new ArrayList<>(items);
            var first = rest.remove(i);
            for (var tail : permutations(rest)) {
                var permutation = new ArrayList<T>();
                permutation.add(first);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }
}
