package dev.kitty.transaction.people;

import dev.kitty.identity.events.UserRegistered;
import dev.kitty.platform.messaging.IntegrationEventListener;
import dev.kitty.user.events.ProfileUpdated;
import dev.kitty.user.events.UserDeleted;
import org.springframework.stereotype.Component;

/** Feeds {@link People} from identity and user events. The ids are the listeners' dedupe keys in {@code processed_event}: never change them. */
@Component
class PeopleReplication {

    private final People people;

    PeopleReplication(People people) {
        this.people = people;
    }

    @IntegrationEventListener(id = "transaction.people.user-registered")
    void on(UserRegistered event) {
        people.registered(event.userId(), event.displayName());
    }

    @IntegrationEventListener(id = "transaction.people.profile-updated")
    void on(ProfileUpdated event) {
        people.profileUpdated(event.userId(), event.displayName(), event.version());
    }

    @IntegrationEventListener(id = "transaction.people.user-deleted")
    void on(UserDeleted event) {
        people.deleted(event.userId());
    }
}
