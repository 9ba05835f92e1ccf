package dev.kitty.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCatalogTests {

    record Opened(UUID accountId) {}

    record Closed(UUID accountId) {}

    static final EventType<Opened> OPENED = EventType.of("kitty.account.opened.v1", "account.events", Opened.class, e -> e.accountId().toString());
    static final EventType<Closed> CLOSED = EventType.of("kitty.account.closed.v1", "account.events", Closed.class, e -> e.accountId().toString());

    /** What a contracts module's events class looks like. */
    public static final class AccountEvents {
        public static final EventCatalog CATALOG = EventCatalog.of("accounts", OPENED, CLOSED);
    }

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

    @Test
    void findsTheCatalogsListedOnTheClassPath(@TempDir Path root) throws IOException {
        var listing = root.resolve(EventCatalog.LISTING);
        Files.createDirectories(listing.getParent());
        Files.writeString(listing, "# the account contracts\n\n  " + AccountEvents.class.getName() + "  \n");

        try (var classLoader = new URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(EventCatalog.onClassPath(classLoader)).containsExactly(AccountEvents.CATALOG);
        }
    }

    @Test
    void refusesAListedClassWithoutACatalog(@TempDir Path root) throws IOException {
        var listing = root.resolve(EventCatalog.LISTING);
        Files.createDirectories(listing.getParent());
        Files.writeString(listing, "dev.kitty.events.NoSuchEvents\n");

        try (var classLoader = new URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, getClass().getClassLoader())) {
            assertThatIllegalStateException().isThrownBy(() -> EventCatalog.onClassPath(classLoader))
                    .withMessageContaining("dev.kitty.events.NoSuchEvents");
        }
    }
}
