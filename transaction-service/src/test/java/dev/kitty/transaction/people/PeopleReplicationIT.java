package dev.kitty.transaction.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Every order of a user's naming history, replays included, gives the newest name, or none once the account is deleted (ADR 9). */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the other ITs
@EmbeddedInfrastructure
class PeopleReplicationIT {

    record Event(String name, BiConsumer<People, UUID> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Event REGISTERED = new Event("registered(Ann)", (people, user) -> people.registered(user, "Ann"));
    static final Event PROFILE_1 = new Event("profile v1(Annie)", (people, user) -> people.profileUpdated(user, "Annie", 1));
    static final Event PROFILE_2 = new Event("profile v2(Ann B.)", (people, user) -> people.profileUpdated(user, "Ann B.", 2));
    static final Event DELETED = new Event("deleted", People::deleted);

    @Autowired
    People people;

    static Stream<Arguments> histories() {
        var cases = new ArrayList<Arguments>();
        for (var order : permutations(List.of(REGISTERED, PROFILE_1, PROFILE_2))) {
            cases.add(Arguments.of(order, "Ann B."));
            var replayed = new ArrayList<>(order);
            replayed.add(order.get(0)); // a redelivery of the first, after the others
            cases.add(Arguments.of(replayed, "Ann B."));
        }
        for (var order : permutations(List.of(REGISTERED, PROFILE_2, DELETED))) {
            cases.add(Arguments.of(order, null));
        }
        cases.add(Arguments.of(List.of(REGISTERED), "Ann"));
        cases.add(Arguments.of(List.of(PROFILE_1, REGISTERED), "Annie"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("histories")
    void endsWithTheNewestNameOrNoneAfterTheDeletion(List<Event> history, String expected) {
        var user = UUID.randomUUID();

        history.forEach(event -> event.apply().accept(people, user));

        var names = people.displayNames(List.of(user));
        if (expected == null) {
            assertThat(names).isEmpty();
        } else {
            assertThat(names).containsExactlyEntriesOf(java.util.Map.of(user, expected));
        }
    }

    private static List<List<Event>> permutations(List<Event> events) {
        if (events.isEmpty()) {
            return List.of(List.of());
        }
        var result = new ArrayList<List<Event>>();
        for (var first : events) {
            var rest = new ArrayList<>(events);
            rest.remove(first);
            for (var tail : permutations(rest)) {
                var order = new ArrayList<Event>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
