package dev.kitty.budget.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.budget.RunningBudgetService;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Invitations: sending, listing, accepting, declining, revoking, expiry and the throttle. */
class InvitationIT extends RunningBudgetService {

    @Autowired
    InvitationExpiry expiry;

    @Autowired
    InvitationProperties properties;

    @Test
    void anInviteeSeesTheInvitationAndAcceptsIt() {
        var owner = user("owner");
        knownUser(owner, "Olga Owner", true);
        var budget = createBudget(owner, "Flat");
        var bea = user("bea");

        var sent = expect(call(HttpMethod.POST, "/api/budgets/" + budget + "/invitations", owner,
                jsonOf(Map.of("email", bea.email().toUpperCase(), "role", "MEMBER"))), HttpStatus.CREATED);
        var invitation = sent.get("id").asString();
        assertThat(sent.get("status").asString()).isEqualTo("PENDING");
        assertThat(sent.get("role").asString()).isEqualTo("MEMBER");
        assertThat(sent.get("expiresAt").asString()).isEqualTo(clock.instant().plus(Duration.ofDays(7)).toString());

        var listed = expect(call(HttpMethod.GET, "/api/budgets/" + budget + "/invitations", owner, null), HttpStatus.OK);
        assertThat(listed.valueStream().map(i -> i.get("id").asString())).containsExactly(invitation);

        var mine = expect(call(HttpMethod.GET, "/api/invitations", bea, null), HttpStatus.OK);
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("budgetId").asString()).isEqualTo(budget.toString());
        assertThat(mine.get(0).get("budgetName").asString()).isEqualTo("Flat");
        assertThat(mine.get(0).get("invitedBy").asString()).isEqualTo(owner.id().toString());
        assertThat(mine.get(0).get("invitedByName").asString()).isEqualTo("Olga Owner");

        var membership = expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/accept", bea, null), HttpStatus.OK);

        assertThat(membership.get("budgetId").asString()).isEqualTo(budget.toString());
        assertThat(membership.get("budgetName").asString()).isEqualTo("Flat");
        assertThat(membership.get("userId").asString()).isEqualTo(bea.id().toString());
        assertThat(membership.get("role").asString()).isEqualTo("MEMBER");
        assertThat(roleOf(budget, bea.id())).isEqualTo("MEMBER");
        assertThat(status(invitation)).isEqualTo("ACCEPTED");
        assertThat(expect(call(HttpMethod.GET, "/api/invitations", bea, null), HttpStatus.OK).size()).isZero();
        expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/accept", bea, null), HttpStatus.CONFLICT);
    }

    @Test
    void aDeclinedOrRevokedInvitationCanNoLongerBeAnswered() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var bea = user("bea");
        var cid = user("cid");
        var declined = invite(owner, budget, bea.email(), "VIEWER");
        var revoked = invite(owner, budget, cid.email(), "VIEWER");

        expect(call(HttpMethod.POST, "/api/invitations/" + declined + "/decline", bea, null), HttpStatus.NO_CONTENT);
        expect(call(HttpMethod.DELETE, "/api/budgets/" + budget + "/invitations/" + revoked, owner, null), HttpStatus.NO_CONTENT);

        assertThat(status(declined.toString())).isEqualTo("DECLINED");
        assertThat(status(revoked.toString())).isEqualTo("REVOKED");
        var notPending = expect(call(HttpMethod.POST, "/api/invitations/" + declined + "/accept", bea, null), HttpStatus.CONFLICT);
        assertThat(notPending.get("type").asString()).endsWith("/invitation-not-pending");
        expect(call(HttpMethod.POST, "/api/invitations/" + revoked + "/accept", cid, null), HttpStatus.CONFLICT);
        expect(call(HttpMethod.DELETE, "/api/budgets/" + budget + "/invitations/" + revoked, owner, null), HttpStatus.CONFLICT);
        // another budget's invitation is not found under this one
        expect(call(HttpMethod.DELETE, "/api/budgets/" + createBudget(owner, "Other") + "/invitations/" + declined, owner, null),
                HttpStatus.NOT_FOUND);
        assertThat(roleOf(budget, bea.id())).isNull();
        assertThat(roleOf(budget, cid.id())).isNull();
    }

    @Test
    void anInvitationExpiresAfterItsLifetimeEvenBeforeTheJobMarksIt() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var bea = user("bea");
        var invitation = invite(owner, budget, bea.email(), "MEMBER");

        clock.advance(properties.lifetime().plusSeconds(1));

        assertThat(expect(call(HttpMethod.GET, "/api/invitations", bea, null), HttpStatus.OK).size()).isZero();
        expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/accept", bea, null), HttpStatus.CONFLICT);
        assertThat(status(invitation.toString())).isEqualTo("PENDING");

        assertThat(expiry.expireOverdue()).isPositive();

        assertThat(status(invitation.toString())).isEqualTo("EXPIRED");
        expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/decline", bea, null), HttpStatus.CONFLICT);
        assertThat(roleOf(budget, bea.id())).isNull();
        // the address may be invited again
        accept(bea, invite(owner, budget, bea.email(), "MEMBER"));
        assertThat(roleOf(budget, bea.id())).isEqualTo("MEMBER");
    }

    @Test
    void anInvitationToSomeoneElsesAddressIsNotFound() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var invitation = invite(owner, budget, user("bea").email(), "MEMBER");
        var mallory = user("mallory");

        expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/accept", mallory, null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/decline", mallory, null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.POST, "/api/invitations/" + UUID.randomUUID() + "/accept", mallory, null), HttpStatus.NOT_FOUND);

        assertThat(status(invitation.toString())).isEqualTo("PENDING");
        assertThat(roleOf(budget, mallory.id())).isNull();
    }

    @Test
    void anUnverifiedAddressMayNotAnswerUntilTheReplicaKnowsItIsVerified() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var bea = withUnverifiedToken(user("bea"));
        var invitation = invite(owner, budget, bea.email(), "MEMBER");

        var refused = expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/accept", bea, null), HttpStatus.FORBIDDEN);
        assertThat(refused.get("type").asString()).endsWith("/email-not-verified");
        assertThat(expect(call(HttpMethod.GET, "/api/invitations", bea, null), HttpStatus.OK).size()).isZero();
        assertThat(roleOf(budget, bea.id())).isNull();

        // verified since the token was minted
        knownUser(bea, "Bea", true);
        assertThat(expect(call(HttpMethod.GET, "/api/invitations", bea, null), HttpStatus.OK).size()).isEqualTo(1);
        expect(call(HttpMethod.POST, "/api/invitations/" + invitation + "/accept", bea, null), HttpStatus.OK);
        assertThat(roleOf(budget, bea.id())).isEqualTo("MEMBER");
    }

    @Test
    void refusesASecondPendingInvitationAndInvitingAMember() {
        var team = team();
        knownUser(team.member(), "Mo", true);
        var invitations = "/api/budgets/" + team.budget() + "/invitations";
        var before = count(team.budget());

        var duplicate = expect(call(HttpMethod.POST, invitations, team.admin(),
                jsonOf(Map.of("email", team.pendingEmail().toUpperCase(), "role", "MEMBER"))), HttpStatus.CONFLICT);
        var member = expect(call(HttpMethod.POST, invitations, team.owner(),
                jsonOf(Map.of("email", team.member().email(), "role", "VIEWER"))), HttpStatus.CONFLICT);

        assertThat(duplicate.get("type").asString()).endsWith("/invitation-pending");
        assertThat(member.get("type").asString()).endsWith("/already-member");
        assertThat(count(team.budget())).isEqualTo(before);
    }

    @Test
    void acceptingWhenAlreadyAMemberIsAConflict() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");
        var bea = user("bea");
        join(owner, budget, bea, "VIEWER");
        // the replica does not know bea's address, so nothing stops the second invitation
        var second = invite(owner, budget, bea.email(), "ADMIN");

        var conflict = expect(call(HttpMethod.POST, "/api/invitations/" + second + "/accept", bea, null), HttpStatus.CONFLICT);

        assertThat(conflict.get("type").asString()).endsWith("/already-member");
        assertThat(roleOf(budget, bea.id())).isEqualTo("VIEWER");
        assertThat(status(second.toString())).isEqualTo("PENDING");
    }

    @Test
    void throttlesAnInviterAfterTheLimitWithinTheWindow() {
        var owner = user("owner");
        var first = createBudget(owner, "First");
        var second = createBudget(owner, "Second");
        var admin = user("admin");
        join(owner, first, admin, "ADMIN");
        clock.advance(Duration.ofMinutes(1));
        for (int i = 1; i < properties.maxPerInviter(); i++) {
            invite(owner, i % 2 == 0 ? first : second, "guest" + i + "." + UUID.randomUUID() + "@example.com", "VIEWER");
        }
        var before = count(first) + count(second);
        clock.advance(Duration.ofMinutes(59));

        var throttled = call(HttpMethod.POST, "/api/budgets/" + first + "/invitations", owner,
                jsonOf(Map.of("email", "one.more@example.com", "role", "VIEWER")));

        var problem = expect(throttled, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.get("type").asString()).endsWith("/throttled");
        assertThat(Long.parseLong(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                .isEqualTo(properties.throttleWindow().minus(Duration.ofHours(1)).toSeconds());
        assertThat(count(first) + count(second)).isEqualTo(before);
        // another inviter is not affected; once the first invitation leaves the window, the owner may send one more
        invite(admin, first, "other.inviter." + UUID.randomUUID() + "@example.com", "VIEWER");
        clock.advance(properties.throttleWindow().minus(Duration.ofHours(1)));
        invite(owner, first, "later." + UUID.randomUUID() + "@example.com", "VIEWER");
        expect(call(HttpMethod.POST, "/api/budgets/" + first + "/invitations", owner,
                jsonOf(Map.of("email", "yet.another@example.com", "role", "VIEWER"))), HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void anAdminInvitesMembersAndViewersOnlyAndNobodyInvitesAnOwner() {
        var team = team();
        var invitations = "/api/budgets/" + team.budget() + "/invitations";
        var before = count(team.budget());

        expect(call(HttpMethod.POST, invitations, team.admin(), jsonOf(Map.of("email", "a@example.com", "role", "ADMIN"))),
                HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.POST, invitations, team.owner(), jsonOf(Map.of("email", "a@example.com", "role", "OWNER"))),
                HttpStatus.BAD_REQUEST);

        assertThat(count(team.budget())).isEqualTo(before);
    }

    private String status(String invitation) {
        return jdbc.sql("SELECT status FROM invitation WHERE id = :id").param("id", UUID.fromString(invitation)).query(String.class).single();
    }

    private int count(UUID budget) {
        return jdbc.sql("SELECT count(*) FROM invitation WHERE budget_id = :b").param("b", budget).query(Integer.class).single();
    }
}
