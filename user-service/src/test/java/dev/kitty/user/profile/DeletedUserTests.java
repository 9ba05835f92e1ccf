package dev.kitty.user.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeletedUserTests {

    @Test
    void aTombstoneAnnouncesTheDeletionOnce() {
        var userId = UUID.randomUUID();
        var now = Instant.parse("2026-12-01T12:00:00Z");

        var tombstone = DeletedUser.record(userId, now);

        assertThat(tombstone.recordedEvents()).containsExactly(new UserRemoved(userId, now));
        assertThat(tombstone.isNew()).as("always inserted: a second tombstone for the user fails").isTrue();
    }
}
