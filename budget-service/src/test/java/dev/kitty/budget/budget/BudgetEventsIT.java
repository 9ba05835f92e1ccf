package dev.kitty.budget.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.budget.RunningBudgetService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** What each action publishes on {@code budget.events}, read from the real topic. */
class BudgetEventsIT extends RunningBudgetService {

    @Test
    void publishesEveryChangeWithTheBudgetsMembershipVersions() {
        var owner = user("owner");
        knownUser(owner, "Olga Owner", true);
        var admin = user("admin");
        var member = user("member");
        var created = expect(call(HttpMethod.POST, "/api/budgets", owner,
                jsonOf(Map.of("name", "Flat", "currency", "EUR", "timeZone", "Europe/Vienna"))), HttpStatus.CREATED);
        var budget = java.util.UUID.fromString(created.get("id").asString());
        var base = "/api/budgets/" + budget;

        join(owner, budget, admin, "ADMIN");                                                                  // v1
        join(owner, budget, member, "MEMBER");                                                                // v2
        expect(call(HttpMethod.PATCH, base + "/members/" + member.id(), owner, "{\"role\": \"VIEWER\"}"), HttpStatus.OK); // v3
        expect(call(HttpMethod.POST, base + "/ownership", owner, "{\"userId\": \"" + admin.id() + "\"}"), HttpStatus.OK); // v4, v5
        expect(call(HttpMethod.DELETE, base + "/members/" + owner.id(), admin, null), HttpStatus.NO_CONTENT);  // v6
        expect(call(HttpMethod.DELETE, base + "/members/" + member.id(), member, null), HttpStatus.NO_CONTENT); // v7
        expect(call(HttpMethod.DELETE, base, admin, null), HttpStatus.NO_CONTENT);

        var events = budgetEvents(budget, 12);

        var budgetCreated = single(events, "kitty.budget.created.v1");
        assertThat(budgetCreated.get("ownerId").asString()).isEqualTo(owner.id().toString());
        assertThat(budgetCreated.get("name").asString()).isEqualTo("Flat");
        assertThat(budgetCreated.get("currency").asString()).isEqualTo("EUR");
        assertThat(budgetCreated.get("timeZone").asString()).isEqualTo("Europe/Vienna");

        var invites = ofType(events, "kitty.budget.invite-created.v1");
        assertThat(invites).extracting(i -> i.get("email").asString() + " " + i.get("role").asString())
                .containsExactlyInAnyOrder(admin.email() + " ADMIN", member.email() + " MEMBER");
        assertThat(invites).allSatisfy(i -> {
            assertThat(i.get("budgetName").asString()).isEqualTo("Flat");
            assertThat(i.get("invitedBy").asString()).isEqualTo(owner.id().toString());
            assertThat(i.get("invitedByName").asString()).isEqualTo("Olga Owner");
            assertThat(i.get("expiresAt").asString()).isNotBlank();
        });

        var o = owner.id().toString();
        var a = admin.id().toString();
        var m = member.id().toString();
        assertThat(ofType(events, "kitty.budget.member-added.v1")).extracting(Fields::added)
                .containsExactlyInAnyOrder("1 " + a + " ADMIN by " + o, "2 " + m + " MEMBER by " + o);
        assertThat(ofType(events, "kitty.budget.member-role-changed.v1")).extracting(Fields::changed)
                .containsExactlyInAnyOrder("3 " + m + " VIEWER by " + o, "4 " + o + " ADMIN by " + o, "5 " + a + " OWNER by " + o);
        var transferred = single(events, "kitty.budget.ownership-transferred.v1");
        assertThat(transferred.get("previousOwnerId").asString()).isEqualTo(o);
        assertThat(transferred.get("newOwnerId").asString()).isEqualTo(a);
        assertThat(transferred.get("reason").asString()).isEqualTo("TRANSFERRED");
        assertThat(ofType(events, "kitty.budget.member-removed.v1")).extracting(Fields::removed)
                .containsExactlyInAnyOrder("6 " + o + " REMOVED by " + a, "7 " + m + " LEFT by null");
        var deleted = single(events, "kitty.budget.deleted.v1");
        assertThat(deleted.get("budgetName").asString()).isEqualTo("Flat");
        assertThat(deleted.get("deletedBy").asString()).isEqualTo(a);
        assertThat(deleted.get("formerMemberIds").valueStream().map(JsonNode::asString)).containsExactly(a);
        assertThat(events).allSatisfy(e -> assertThat(e.get("data").has("budgetId") ? e.get("data").get("budgetId").asString() : "")
                .isEqualTo(budget.toString()));
    }

    @Test
    void namesTheInviterByTheirAddressWhenTheReplicaDoesNotKnowThem() {
        var owner = user("owner");
        var budget = createBudget(owner, "Flat");

        invite(owner, budget, "guest." + budget + "@example.com", "VIEWER");

        var invite = single(budgetEvents(budget, e -> e.get("type").asString().equals("kitty.budget.invite-created.v1")),
                "kitty.budget.invite-created.v1");
        assertThat(invite.get("invitedByName").asString()).isEqualTo(owner.email());
    }

    private static JsonNode single(List<JsonNode> events, String type) {
        var matching = ofType(events, type);
        assertThat(matching).as(type).hasSize(1);
        return matching.getFirst();
    }

    /** The fields of membership events that matter, in one string each. */
    static final class Fields {
        static String added(JsonNode e) {
            return e.get("version").asLong() + " " + e.get("userId").asString() + " " + e.get("role").asString() + " by "
                    + text(e, "invitedBy");
        }

        static String changed(JsonNode e) {
            return e.get("version").asLong() + " " + e.get("userId").asString() + " " + e.get("role").asString() + " by "
                    + text(e, "changedBy");
        }

        static String removed(JsonNode e) {
            return e.get("version").asLong() + " " + e.get("userId").asString() + " " + e.get("reason").asString() + " by "
                    + text(e, "removedBy");
        }

        private static String text(JsonNode e, String field) {
            var value = e.get(field);
            return value == null || value.isNull() ? "null" : value.asString();
        }
    }
}
