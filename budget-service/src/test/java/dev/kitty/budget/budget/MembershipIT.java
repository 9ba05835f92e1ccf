package dev.kitty.budget.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.budget.RunningBudgetService;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Role changes, removal, leaving and ownership transfer, including what attackers inside a budget try. */
class MembershipIT extends RunningBudgetService {

    @Test
    void listsMembersWithTheirNamesFromTheAccountReplica() {
        var team = team();
        knownUser(team.admin(), "Ada Admin", true);

        var members = expect(call(HttpMethod.GET, "/api/budgets/" + team.budget() + "/members", team.viewer(), null), HttpStatus.OK);

        assertThat(members.valueStream().map(m -> m.get("userId").asString() + "=" + m.get("role").asString())).containsExactlyInAnyOrder(
                team.owner().id() + "=OWNER", team.admin().id() + "=ADMIN", team.member().id() + "=MEMBER", team.viewer().id() + "=VIEWER");
        var admin = members.valueStream().filter(m -> m.get("userId").asString().equals(team.admin().id().toString())).findFirst().orElseThrow();
        assertThat(admin.get("displayName").asString()).isEqualTo("Ada Admin");
        assertThat(admin.get("joinedAt").asString()).isNotBlank();
    }

    @Test
    void theOwnerChangesAnyOtherRoleAndAnAdminSwitchesMembersAndViewers() {
        var team = team();
        var members = "/api/budgets/" + team.budget() + "/members/";

        expect(call(HttpMethod.PATCH, members + team.member().id(), team.owner(), "{\"role\": \"ADMIN\"}"), HttpStatus.OK);
        expect(call(HttpMethod.PATCH, members + team.member().id(), team.owner(), "{\"role\": \"VIEWER\"}"), HttpStatus.OK);
        var changed = expect(call(HttpMethod.PATCH, members + team.viewer().id(), team.admin(), "{\"role\": \"MEMBER\"}"), HttpStatus.OK);

        assertThat(changed.get("role").asString()).isEqualTo("MEMBER");
        assertThat(roleOf(team.budget(), team.member().id())).isEqualTo("VIEWER");
        assertThat(roleOf(team.budget(), team.viewer().id())).isEqualTo("MEMBER");
    }

    /** Who tries what, and what they get; the roles stay as they were. */
    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("admin promotes a member to admin", "admin", "member", "ADMIN", 403),
                Arguments.of("admin demotes another admin", "admin", "admin2", "MEMBER", 403),
                Arguments.of("admin changes the owner", "admin", "owner", "VIEWER", 403),
                Arguments.of("admin demotes themselves", "admin", "admin", "MEMBER", 403),
                Arguments.of("admin makes themselves owner", "admin", "admin", "OWNER", 400),
                Arguments.of("member promotes themselves", "member", "member", "ADMIN", 403),
                Arguments.of("viewer promotes themselves", "viewer", "viewer", "MEMBER", 403),
                Arguments.of("owner changes their own role", "owner", "owner", "ADMIN", 409),
                Arguments.of("owner makes a member owner by role", "owner", "member", "OWNER", 400));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("attacks")
    void refusesRoleChangesBeyondTheCallersPowers(String name, String actor, String target, String role, int status) {
        var team = team();
        var admin2 = user("admin2");
        join(team.owner(), team.budget(), admin2, "ADMIN");
        var users = Map.of("owner", team.owner(), "admin", team.admin(), "admin2", admin2, "member", team.member(), "viewer", team.viewer());
        var before = roles(team.budget());

        var result = call(HttpMethod.PATCH, "/api/budgets/" + team.budget() + "/members/" + users.get(target).id(), users.get(actor),
                "{\"role\": \"" + role + "\"}");

        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(roles(team.budget())).isEqualTo(before);
    }

    @Test
    void refusesRemovalsBeyondTheCallersPowers() {
        var team = team();
        var admin2 = user("admin2");
        join(team.owner(), team.budget(), admin2, "ADMIN");
        var members = "/api/budgets/" + team.budget() + "/members/";
        var before = roles(team.budget());

        expect(call(HttpMethod.DELETE, members + admin2.id(), team.admin(), null), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.DELETE, members + team.owner().id(), team.admin(), null), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.DELETE, members + team.viewer().id(), team.member(), null), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.DELETE, members + user("nobody").id(), team.admin(), null), HttpStatus.NOT_FOUND);

        assertThat(roles(team.budget())).isEqualTo(before);
        expect(call(HttpMethod.DELETE, members + admin2.id(), team.owner(), null), HttpStatus.NO_CONTENT);
        expect(call(HttpMethod.DELETE, members + team.viewer().id(), team.admin(), null), HttpStatus.NO_CONTENT);
        assertThat(roleOf(team.budget(), admin2.id())).isNull();
        assertThat(roleOf(team.budget(), team.viewer().id())).isNull();
        expect(call(HttpMethod.GET, "/api/budgets/" + team.budget(), admin2, null), HttpStatus.NOT_FOUND);
    }

    @Test
    void anyoneButTheOwnerLeaves() {
        var team = team();
        var members = "/api/budgets/" + team.budget() + "/members/";

        var ownerLeaving = expect(call(HttpMethod.DELETE, members + team.owner().id(), team.owner(), null), HttpStatus.CONFLICT);
        expect(call(HttpMethod.DELETE, members + team.viewer().id(), team.viewer(), null), HttpStatus.NO_CONTENT);

        assertThat(ownerLeaving.get("type").asString()).endsWith("/owner-cannot-leave");
        assertThat(roleOf(team.budget(), team.owner().id())).isEqualTo("OWNER");
        assertThat(roleOf(team.budget(), team.viewer().id())).isNull();
        expect(call(HttpMethod.GET, "/api/budgets/" + team.budget(), team.viewer(), null), HttpStatus.NOT_FOUND);
    }

    @Test
    void transfersOwnershipToAMemberAndTheOldOwnerBecomesAdmin() {
        var team = team();
        var ownership = "/api/budgets/" + team.budget() + "/ownership";

        expect(call(HttpMethod.POST, ownership, team.owner(), "{\"userId\": \"" + user("stranger").id() + "\"}"), HttpStatus.CONFLICT);
        expect(call(HttpMethod.POST, ownership, team.owner(), "{\"userId\": \"" + team.owner().id() + "\"}"), HttpStatus.CONFLICT);
        var members = expect(call(HttpMethod.POST, ownership, team.owner(), "{\"userId\": \"" + team.viewer().id() + "\"}"), HttpStatus.OK);

        assertThat(members.valueStream().filter(m -> m.get("role").asString().equals("OWNER")).map(m -> m.get("userId").asString()))
                .containsExactly(team.viewer().id().toString());
        assertThat(roleOf(team.budget(), team.viewer().id())).isEqualTo("OWNER");
        assertThat(roleOf(team.budget(), team.owner().id())).isEqualTo("ADMIN");
        // the old owner has an admin's powers only now
        expect(call(HttpMethod.DELETE, "/api/budgets/" + team.budget(), team.owner(), null), HttpStatus.FORBIDDEN);
        expect(call(HttpMethod.POST, ownership, team.owner(), "{\"userId\": \"" + team.owner().id() + "\"}"), HttpStatus.FORBIDDEN);
    }

    private Map<String, String> roles(java.util.UUID budget) {
        return jdbc.sql("SELECT user_id, role FROM membership WHERE budget_id = :b").param("b", budget)
                .query((rs, row) -> Map.entry(rs.getString("user_id"), rs.getString("role"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
