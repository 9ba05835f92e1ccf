package dev.kitty.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCatalogTests {

    record Opened(UUID accountId) {}

    record Closed(UUID accountId) {}

    static final EventType<Opened> OPENED = EventType.of("kitty.account.opened.v1", "account.events", Opened.class, e -> e.accountId().toString());
    static final EventType<Closed> CLOSED = EventType.of("kitty.account.closed.v1", "account.events", Closed.class, e -> e.accountId().toString());

    @Test
    void findsTypesByNameAndByPayload() {
        var catalog = EventCatalog.of("accounts", OPENED, CLOSED);

        assertThat(catalog.byName("kitty.account.closed.v1")).contains(CLOSED);
        assertThat(catalog.byName("kitty.account.reopened.v1")).isEmpty();
        assertThat(catalog.byPayload(Opened.class)).contains(OPENED);
        assertThat(catalog.topics()).containsExactly("account.events");
    }

    @Test
    void keysAnEventByItsAggregate() {
        var id = UUID.randomUUID();
        assertThat(OPENED.keyFor(new Opened(id))).isEqualTo(id.toString());
    }

    @Test
    void rejectsTypeNamesThatAreNotVersioned() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventType.of("AccountOpened", "account.events", Opened.class, e -> ""));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventType.of("kitty.account.opened", "account.events", Opened.class, e -> ""));
    }

    @Test
    void rejectsCatalogsWithTheSameNameTwice() {
        var again = EventType.of("kitty.account.opened.v1", "account.events", Closed.class, e -> "");
        assertThatIllegalArgumentException().isThrownBy(() -> EventCatalog.of("accounts", OPENED, again));
    }
}
