package dev.kitty.budget.invitation;

import dev.kitty.budget.budget.BudgetAccess;
import dev.kitty.budget.budget.BudgetRole;
import dev.kitty.budget.budget.Budgets;
import dev.kitty.budget.knownuser.KnownUser;
import dev.kitty.budget.knownuser.KnownUsers;
import dev.kitty.platform.security.CurrentUser;
import dev.kitty.platform.web.DomainException;
import dev.kitty.platform.web.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending, listing, revoking and answering invitations. The invitee answers signed in, with the
 * invited address verified (the access token's {@code email_verified}, or the account replica's
 * verification, which a token minted before it does not know of).
 */
@Service
class InvitationFlow {

    /** An invitation as the invitee sees it. */
    record Received(Invitation invitation, String budgetName, @Nullable String invitedByName) {}

    private final InvitationRepository invitations;
    private final BudgetAccess access;
    private final Budgets budgets;
    private final KnownUsers knownUsers;
    private final InvitationProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    InvitationFlow(InvitationRepository invitations, BudgetAccess access, Budgets budgets, KnownUsers knownUsers,
            InvitationProperties properties, JdbcClient jdbc, Clock clock) {
        this.invitations = invitations;
        this.access = access;
        this.budgets = budgets;
        this.knownUsers = knownUsers;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** OWNER invites as ADMIN, MEMBER or VIEWER; ADMIN as MEMBER or VIEWER. At most {@code maxPerInviter} per window and inviter. */
    @Transactional
    Invitation send(CurrentUser caller, UUID budgetId, String email, BudgetRole role) {
        var callerRole = access.require(budgetId, caller, BudgetRole.ADMIN);
        if (role == BudgetRole.OWNER) {
            throw new DomainException.Invalid("validation", "Ownership is transferred, never granted by invitation.",
                    List.of(new FieldError("role", "must be ADMIN, MEMBER or VIEWER")));
        }
        if (callerRole == BudgetRole.ADMIN && role == BudgetRole.ADMIN) {
            throw new DomainException.Forbidden("Admins invite members and viewers only.");
        }
        var now = clock.instant();
        throttle(caller.id(), now);
        var accounts = knownUsers.findByEmail(email).stream().map(KnownUser::userId).toList();
        if (budgets.anyMember(budgetId, accounts)) {
            throw new DomainException.Conflict("already-member", "Whoever has this address is already a member of the budget.");
        }
        invitations.expireOverdue(budgetId, email, now);
        if (invitations.isPending(budgetId, email)) {
            throw duplicate();
        }
        var budgetName = budgets.namesOf(Set.of(budgetId)).get(budgetId);
        if (budgetName == null) {
            throw new DomainException.NotFound("No such budget.");
        }
        // the replica's display name, else the inviter's address
        var inviterName = knownUsers.find(caller.id()).map(KnownUser::displayName)
                .orElseGet(() -> Optional.ofNullable(caller.email()).orElse("A Kitty user"));
        var invitation = Invitation.send(budgetId, budgetName, email, role, caller.id(), inviterName, now, now.plus(properties.lifetime()));
        try {
            return invitations.saveAndFlush(invitation);
        } catch (DataIntegrityViolationException e) {
            // a concurrent request for the same address won the partial unique index
            throw duplicate();
        }
    }

    @Transactional(readOnly = true)
    List<Invitation> pendingOf(CurrentUser caller, UUID budgetId) {
        access.require(budgetId, caller, BudgetRole.ADMIN);
        return invitations.pendingOf(budgetId);
    }

    @Transactional
    void revoke(CurrentUser caller, UUID budgetId, UUID invitationId) {
        access.require(budgetId, caller, BudgetRole.ADMIN);
        var invitation = invitations.findById(invitationId).filter(i -> i.budgetId().equals(budgetId))
                .orElseThrow(() -> new DomainException.NotFound("No such invitation."));
        invitation.revoke(clock.instant());
        invitations.save(invitation);
    }

    /** The caller's pending, unexpired invitations, to any of their verified addresses. */
    @Transactional(readOnly = true)
    List<Received> mine(CurrentUser caller) {
        var addresses = verifiedAddresses(caller);
        if (addresses.isEmpty()) {
            return List.of();
        }
        var pending = invitations.pendingTo(addresses, clock.instant());
        var names = budgets.namesOf(pending.stream().map(Invitation::budgetId).distinct().toList());
        var inviters = knownUsers.displayNames(pending.stream().map(Invitation::invitedBy).filter(Objects::nonNull).distinct().toList());
        return pending.stream()
                .filter(i -> names.containsKey(i.budgetId()))
                .map(i -> new Received(i, names.get(i.budgetId()), i.invitedBy() == null ? null : inviters.get(i.invitedBy())))
                .toList();
    }

    @Transactional
    Budgets.Joined accept(CurrentUser caller, UUID invitationId) {
        var invitation = answerable(caller, invitationId);
        var joined = budgets.join(invitation.budgetId(), caller.id(), invitation.role(), invitation.invitedBy());
        invitation.accept(clock.instant());
        invitations.save(invitation);
        return joined;
    }

    @Transactional
    void decline(CurrentUser caller, UUID invitationId) {
        var invitation = answerable(caller, invitationId);
        invitation.decline(clock.instant());
        invitations.save(invitation);
    }

    /** Someone else's invitation is not found; the caller's own one needs the address verified, and to be pending still. */
    private Invitation answerable(CurrentUser caller, UUID invitationId) {
        var invitation = invitations.findById(invitationId).orElseThrow(() -> new DomainException.NotFound("No such invitation."));
        var replica = knownUsers.find(caller.id());
        var address = invitation.email();
        var jwtMatches = caller.email() != null && caller.email().equalsIgnoreCase(address);
        var replicaMatches = replica.map(user -> user.email().equalsIgnoreCase(address)).orElse(false);
        if ((!jwtMatches && !replicaMatches) || knownUsers.isDeleted(caller.id())) {
            throw new DomainException.NotFound("No such invitation.");
        }
        var verified = (jwtMatches && caller.emailVerified()) || (replicaMatches && replica.get().emailVerified());
        if (!verified) {
            throw new EmailNotVerifiedException();
        }
        invitation.requirePending(clock.instant());
        return invitation;
    }

    private Set<String> verifiedAddresses(CurrentUser caller) {
        var addresses = new LinkedHashSet<String>();
        if (caller.emailVerified() && caller.email() != null) {
            addresses.add(caller.email().toLowerCase(Locale.ROOT));
        }
        knownUsers.find(caller.id()).filter(KnownUser::emailVerified).ifPresent(user -> addresses.add(user.email().toLowerCase(Locale.ROOT)));
        return addresses;
    }

    /**
     * Counted in the database under a lock per inviter (a transaction-scoped advisory lock), so
     * the limit holds across concurrent requests, instances and restarts.
     */
    private void throttle(UUID inviter, Instant now) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked")
                .param("key", inviter.getMostSignificantBits() ^ inviter.getLeastSignificantBits())
                .query(Integer.class).single();
        var since = now.minus(properties.throttleWindow());
        if (invitations.countSentSince(inviter, since) >= properties.maxPerInviter()) {
            var first = invitations.firstSentSince(inviter, since);
            var retryAfter = first == null ? properties.throttleWindow() : Duration.between(now, first.plus(properties.throttleWindow()));
            throw new DomainException.Throttled("You have sent too many invitations; try again later.",
                    retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter);
        }
    }

    private static DomainException duplicate() {
        return new DomainException.Conflict("invitation-pending", "This address already has a pending invitation to the budget.");
    }
}
