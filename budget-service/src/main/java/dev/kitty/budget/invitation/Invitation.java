package dev.kitty.budget.invitation;

import dev.kitty.budget.budget.BudgetRole;
import dev.kitty.platform.web.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An invitation to a budget, addressed to an email. Only PENDING ones may be accepted, declined
 * or revoked, and only before they expire (whether or not the expiry job has marked them yet).
 */
@Entity
@Table(name = "invitation")
class Invitation extends AbstractAggregateRoot<Invitation> {

    @Id
    private UUID id;

    private UUID budgetId;

    private String email;

    @Enumerated(EnumType.STRING)
    private BudgetRole role;

    @Enumerated(EnumType.STRING)
    private InvitationStatus status;

    /** Null once the inviter's account is deleted. */
    private @Nullable UUID invitedBy;

    private Instant createdAt;

    private Instant expiresAt;

    private @Nullable Instant respondedAt;

    @Version
    private @Nullable Long version;

    protected Invitation() {
        // for JPA
    }

    static Invitation send(UUID budgetId, String budgetName, String email, BudgetRole role, UUID invitedBy, String invitedByName,
            Instant now, Instant expiresAt) {
        if (role == BudgetRole.OWNER) {
            throw new IllegalArgumentException("ownership is transferred, never granted by invitation");
        }
        var invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.budgetId = budgetId;
        invitation.email = email;
        invitation.role = role;
        invitation.status = InvitationStatus.PENDING;
        invitation.invitedBy = invitedBy;
        invitation.createdAt = now;
        invitation.expiresAt = expiresAt;
        invitation.registerEvent(new InvitationSent(invitation.id, budgetId, budgetName, email, role, invitedBy, invitedByName, expiresAt));
        return invitation;
    }

    UUID id() {
        return id;
    }

    UUID budgetId() {
        return budgetId;
    }

    String email() {
        return email;
    }

    BudgetRole role() {
        return role;
    }

    @Nullable UUID invitedBy() {
        return invitedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** The status as of {@code now}: a pending invitation past its expiry is EXPIRED even before the job marks it. */
    InvitationStatus statusAt(Instant now) {
        return status == InvitationStatus.PENDING && !expiresAt.isAfter(now) ? InvitationStatus.EXPIRED : status;
    }

    void accept(Instant now) {
        respond(InvitationStatus.ACCEPTED, now);
    }

    void decline(Instant now) {
        respond(InvitationStatus.DECLINED, now);
    }

    void revoke(Instant now) {
        respond(InvitationStatus.REVOKED, now);
    }

    void requirePending(Instant now) {
        if (statusAt(now) != InvitationStatus.PENDING) {
            throw new DomainException.Conflict("invitation-not-pending", "This invitation is no longer pending.");
        }
    }

    private void respond(InvitationStatus outcome, Instant now) {
        requirePending(now);
        status = outcome;
        respondedAt = now;
    }
}
