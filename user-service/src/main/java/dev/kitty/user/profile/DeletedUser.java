package dev.kitty.user.profile;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * The tombstone of a deleted user: their profile and settings are gone, and nothing may bring them back (a late or
 * replayed UserRegistered or EmailVerified is ignored). Recording it records {@link UserRemoved}, which becomes the
 * public {@code UserDeleted} when the tombstone is saved, in the deleting transaction.
 */
@Entity
@Table(name = "deleted_user")
class DeletedUser extends AbstractAggregateRoot<DeletedUser> implements Persistable<UUID> {

    @Id
    private UUID userId;
    private Instant deletedAt;

    protected DeletedUser() {
        // for JPA
    }

    private DeletedUser(UUID userId, Instant deletedAt) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.deletedAt = Objects.requireNonNull(deletedAt, "deletedAt");
        registerEvent(new UserRemoved(userId, deletedAt));
    }

    static DeletedUser record(UUID userId, Instant now) {
        return new DeletedUser(userId, now);
    }

    /** The domain events recorded since the last save, for tests of the rules that record them. */
    java.util.Collection<Object> recordedEvents() {
        return domainEvents();
    }

    @Override
    public UUID getId() {
        return userId;
    }

    /** Always inserted, never merged: a second tombstone for the same user fails on the primary key. */
    @Override
    public boolean isNew() {
        return true;
    }
}
