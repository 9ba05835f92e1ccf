package dev.kitty.budget.budget;

import dev.kitty.budget.budget.BudgetChange.RemovalReason;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A budget and its members: the aggregate that guards the role rules of the API (one owner;
 * who may change or remove whom) and records a {@link BudgetChange} for everything other
 * services must hear of. Every membership event takes the next {@code membershipVersion}, also
 * when one change records several (ADR 10).
 *
 * <p>The one-owner rule is also a partial unique index, checked row by row: whoever moves
 * ownership demotes (or removes) the old owner and flushes before promoting the new one, which is
 * why the transfers come in two steps.
 */
@Entity
@Table(name = "budget")
class Budget extends AbstractAggregateRoot<Budget> {

    @Id
    private UUID id;

    private String name;

    private String currency;

    private @Nullable String description;

    private String timeZone;

    private Instant createdAt;

    private Instant updatedAt;

    private long membershipVersion;

    @Version
    private @Nullable Long version;

    @OneToMany(mappedBy = "budget", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Membership> memberships = new ArrayList<>();

    protected Budget() {
        // for JPA
    }

    private Budget(UUID id, String name, String currency, @Nullable String description, String timeZone, Instant now) {
        this.id = id;
        this.name = name;
        this.currency = currency;
        this.description = description;
        this.timeZone = timeZone;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new budget owned by its creator. The owner's membership is implied by BudgetCreated (membership version 0). */
    static Budget create(UUID ownerId, String name, String currency, @Nullable String description, String timeZone, Instant now) {
        var budget = new Budget(UUID.randomUUID(), name, currency, description, timeZone, now);
        budget.memberships.add(new Membership(budget, ownerId, BudgetRole.OWNER, now));
        budget.registerEvent(new BudgetChange.Created(budget.id, ownerId, name, currency, timeZone, now));
        return budget;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String currency() {
        return currency;
    }

    @Nullable String description() {
        return description;
    }

    String timeZone() {
        return timeZone;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The row version: the budget's ETag. */
    long version() {
        return version == null ? 0 : version;
    }

    List<Membership> members() {
        return memberships.stream().sorted(Comparator.comparing(Membership::joinedAt).thenComparing(Membership::userId)).toList();
    }

    Optional<BudgetRole> roleOf(UUID userId) {
        return find(userId).map(Membership::role);
    }

    /** Null leaves a field as it is; an empty description clears it. */
    void update(@Nullable String newName, @Nullable String newDescription, Instant now) {
        if (newName != null) {
            name = newName;
        }
        if (newDescription != null) {
            description = newDescription.isEmpty() ? null : newDescription;
        }
        updatedAt = now;
    }

    /** Joins a user who is not a member yet with a role other than OWNER (an accepted invitation). */
    void join(UUID userId, BudgetRole role, @Nullable UUID invitedBy, Instant now) {
        if (role == BudgetRole.OWNER) {
            throw new IllegalArgumentException("nobody joins as owner");
        }
        if (find(userId).isPresent()) {
            throw new DomainException.Conflict("already-member", "You are already a member of this budget.");
        }
        memberships.add(new Membership(this, userId, role, now));
        updatedAt = now;
        registerEvent(new BudgetChange.MemberJoined(id, name, userId, role, invitedBy, now, ++membershipVersion));
    }

    /**
     * OWNER: any other member to ADMIN, MEMBER or VIEWER; ADMIN: a MEMBER or VIEWER to MEMBER or
     * VIEWER. Nobody changes the owner's role (ownership moves by transfer), nor an admin their own.
     */
    void changeRole(UUID actorId, UUID targetId, BudgetRole newRole, Instant now) {
        if (newRole == BudgetRole.OWNER) {
            throw new DomainException.Invalid("validation", "Ownership moves only by transferring it.",
                    List.of(new FieldError("role", "must be ADMIN, MEMBER or VIEWER; ownership moves only by transfer")));
        }
        var actor = member(actorId);
        var target = find(targetId).orElseThrow(() -> new DomainException.NotFound("No such member."));
        if (target.role() == BudgetRole.OWNER) {
            if (actor.role() == BudgetRole.OWNER) {
                throw new DomainException.Conflict("owner-role-fixed", "The owner's role changes only by transferring ownership.");
            }
            throw new DomainException.Forbidden("Only ownership transfer changes the owner's role.");
        }
        var allowed = switch (actor.role()) {
            case OWNER -> true;
            case ADMIN -> !targetId.equals(actorId) && isMemberOrViewer(target.role()) && isMemberOrViewer(newRole);
            case MEMBER, VIEWER -> false;
        };
        if (!allowed) {
            throw new DomainException.Forbidden("Your role in this budget does not allow this change.");
        }
        if (target.role() == newRole) {
            return;
        }
        target.changeRole(newRole);
        updatedAt = now;
        registerEvent(new BudgetChange.MemberRoleChanged(id, name, targetId, newRole, actorId, ++membershipVersion));
    }

    /** Anyone may leave, except the owner; OWNER removes anyone else, ADMIN members and viewers. */
    void remove(UUID actorId, UUID targetId, Instant now) {
        var actor = member(actorId);
        if (actorId.equals(targetId)) {
            if (actor.role() == BudgetRole.OWNER) {
                throw new DomainException.Conflict("owner-cannot-leave", "The owner cannot leave: transfer ownership first, or delete the budget.");
            }
            drop(actor, RemovalReason.LEFT, null, now);
            return;
        }
        if (!actor.role().includes(BudgetRole.ADMIN)) {
            throw new DomainException.Forbidden("Your role in this budget does not allow removing others.");
        }
        var target = find(targetId).orElseThrow(() -> new DomainException.NotFound("No such member."));
        if (actor.role() == BudgetRole.ADMIN && !isMemberOrViewer(target.role())) {
            throw new DomainException.Forbidden("Admins remove members and viewers only.");
        }
        drop(target, RemovalReason.REMOVED, actorId, now);
    }

    /** First step of a transfer by the owner: the owner becomes ADMIN. Flush, then {@link #completeTransfer}. */
    void beginTransfer(UUID ownerId, UUID newOwnerId, Instant now) {
        var owner = member(ownerId);
        if (owner.role() != BudgetRole.OWNER) {
            throw new DomainException.Forbidden("Only the owner transfers ownership.");
        }
        if (ownerId.equals(newOwnerId)) {
            throw new DomainException.Conflict("already-owner", "You already own this budget.");
        }
        if (find(newOwnerId).isEmpty()) {
            throw new DomainException.Conflict("not-a-member", "Ownership passes only to a member of the budget.");
        }
        owner.changeRole(BudgetRole.ADMIN);
        updatedAt = now;
        registerEvent(new BudgetChange.MemberRoleChanged(id, name, ownerId, BudgetRole.ADMIN, ownerId, ++membershipVersion));
    }

    void completeTransfer(UUID previousOwnerId, UUID newOwnerId, Instant now) {
        member(newOwnerId).changeRole(BudgetRole.OWNER);
        registerEvent(new BudgetChange.MemberRoleChanged(id, name, newOwnerId, BudgetRole.OWNER, previousOwnerId, ++membershipVersion));
        registerEvent(new BudgetChange.OwnershipPassed(id, name, previousOwnerId, newOwnerId, false, now));
    }

    /** Whoever inherits the budget when its owner's account is deleted: the longest-standing admin, else member; viewers never. */
    Optional<UUID> successorOfOwner() {
        var candidates = memberships.stream()
                .filter(m -> m.role() == BudgetRole.ADMIN || m.role() == BudgetRole.MEMBER)
                .sorted(Comparator.comparing((Membership m) -> m.role() == BudgetRole.ADMIN ? 0 : 1)
                        .thenComparing(Membership::joinedAt)
                        .thenComparing(Membership::userId))
                .toList();
        return candidates.stream().findFirst().map(Membership::userId);
    }

    /** A deleted account leaves the budget. When it was the owner's, flush, then {@link #inherit}. */
    void removeDeletedAccount(UUID userId, Instant now) {
        find(userId).ifPresent(membership -> drop(membership, RemovalReason.ACCOUNT_DELETED, null, now));
    }

    /** The successor of a deleted owner takes over; Kitty made the change, so nobody is named as changing it. */
    void inherit(UUID deletedOwnerId, UUID successorId, Instant now) {
        member(successorId).changeRole(BudgetRole.OWNER);
        updatedAt = now;
        registerEvent(new BudgetChange.MemberRoleChanged(id, name, successorId, BudgetRole.OWNER, null, ++membershipVersion));
        registerEvent(new BudgetChange.OwnershipPassed(id, name, deletedOwnerId, successorId, true, now));
    }

    /**
     * Records the deletion before the repository deletes the row.
     *
     * @param deletedBy null when Kitty deletes it (its owner's account was deleted and nobody may inherit it)
     */
    void markDeleted(@Nullable UUID deletedBy, Instant now) {
        registerEvent(new BudgetChange.Deleted(id, name, deletedBy, members().stream().map(Membership::userId).toList(), now));
    }

    private void drop(Membership membership, RemovalReason reason, @Nullable UUID removedBy, Instant now) {
        memberships.remove(membership);
        updatedAt = now;
        registerEvent(new BudgetChange.MemberRemoved(id, name, membership.userId(), reason, removedBy, ++membershipVersion));
    }

    private Membership member(UUID userId) {
        return find(userId).orElseThrow(() -> new DomainException.NotFound("No such budget."));
    }

    private Optional<Membership> find(UUID userId) {
        return memberships.stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    private static boolean isMemberOrViewer(BudgetRole role) {
        return role == BudgetRole.MEMBER || role == BudgetRole.VIEWER;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Budget budget && Objects.equals(id, budget.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
