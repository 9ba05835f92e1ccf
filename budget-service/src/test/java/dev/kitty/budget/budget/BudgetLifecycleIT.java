package dev.kitty.budget.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.budget.RunningBudgetService;
import dev.kitty.user.events.NotificationSettingsChanged;
import dev.kitty.user.events.UserEvents;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Budgets through the API: create, list, read, rename (with ETag and If-Match), delete. */
class BudgetLifecycleIT extends RunningBudgetService {

    @Test
    void createsABudgetOwnedByItsCreator() {
        var ann = user("ann");

        var result = call(HttpMethod.POST, "/api/budgets", ann, jsonOf(Map.of("name", "  Household  ", "currency", "CHF",
                "description", "Rent and food", "timeZone", "Europe/Vienna")));

        var budget = expect(result, HttpStatus.CREATED);
        var id = budget.get("id").asString();
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/budgets/" + id);
        assertThat(result.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
        assertThat(budget.get("name").asString()).isEqualTo("Household");
        assertThat(budget.get("currency").asString()).isEqualTo("CHF");
        assertThat(budget.get("description").asString()).isEqualTo("Rent and food");
        assertThat(budget.get("timeZone").asString()).isEqualTo("Europe/Vienna");
        assertThat(budget.get("myRole").asString()).isEqualTo("OWNER");
        assertThat(budget.get("createdAt").asString()).isNotBlank();
        assertThat(roleOf(UUID.fromString(id), ann.id())).isEqualTo("OWNER");
    }

    @Test
    void defaultsTheTimeZoneToTheCreatorsSettingElseUtc() {
        var ann = user("ann");
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED,
                new NotificationSettingsChanged(ann.id(), "de-AT", "Asia/Tokyo", true, true, true, true, 2));
        // older settings arriving late change nothing
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED,
                new NotificationSettingsChanged(ann.id(), "de-AT", "Europe/Paris", true, true, true, true, 1));
        var marker = user("marker");
        events.send(UserEvents.NOTIFICATION_SETTINGS_CHANGED,
                new NotificationSettingsChanged(marker.id(), "en", "UTC", true, true, true, true, 1), UUID.randomUUID().toString(),
                ann.id().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM known_user_settings WHERE user_id = :id")
                .param("id", marker.id()).query(Integer.class).single() == 1);

        var annsBudget = expect(call(HttpMethod.POST, "/api/budgets", ann, jsonOf(Map.of("name", "Tokyo", "currency", "JPY"))),
                HttpStatus.CREATED);
        var bobsBudget = expect(call(HttpMethod.POST, "/api/budgets", user("bob"), jsonOf(Map.of("name", "Home", "currency", "EUR"))),
                HttpStatus.CREATED);

        assertThat(annsBudget.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(bobsBudget.get("timeZone").asString()).isEqualTo("UTC");
    }

    @Test
    void listsTheCallersBudgetsByNameWithTheirRoleAndPages() {
        var ann = user("ann");
        var bob = user("bob");
        var zoo = createBudget(ann, "Zoo");
        var apples = createBudget(ann, "Apples");
        var bobs = createBudget(bob, "Bob's");
        join(bob, bobs, ann, "VIEWER");
        // an invitation is no membership
        invite(bob, createBudget(bob, "Invited only"), ann.email(), "MEMBER");

        var first = expect(call(HttpMethod.GET, "/api/budgets?size=2", ann, null), HttpStatus.OK);
        var second = expect(call(HttpMethod.GET, "/api/budgets?size=2&page=1", ann, null), HttpStatus.OK);

        assertThat(first.get("content").valueStream().map(b -> b.get("id").asString()))
                .containsExactly(apples.toString(), bobs.toString());
        assertThat(first.get("content").get(1).get("myRole").asString()).isEqualTo("VIEWER");
        assertThat(second.get("content").valueStream().map(b -> b.get("id").asString())).containsExactly(zoo.toString());
        assertThat(first.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(first.get("page").get("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void pagesThroughFiveHundredBudgets() {
        var ann = user("ann");
        for (int i = 0; i < 500; i++) {
            createBudget(ann, "Budget " + i);
        }

        // how fast is bench/budgets.sh's question; this one is whether the last page is right
        var page = expect(call(HttpMethod.GET, "/api/budgets?size=100&page=4", ann, null), HttpStatus.OK);

        assertThat(page.get("content").size()).isEqualTo(100);
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(500);
        assertThat(page.get("content").get(99).get("name").asString()).isEqualTo("Budget 99");
    }

    @Test
    void readsRenamesWithETagsAndRefusesAStaleIfMatch() {
        var team = team();
        var path = "/api/budgets/" + team.budget();

        var read = call(HttpMethod.GET, path, team.viewer(), null);
        expect(read, HttpStatus.OK);
        var etag = read.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).matches("\"\\d+\"");

        var renamed = call(HttpMethod.PATCH, path, team.admin(), jsonOf(Map.of("name", "Renamed", "description", "New")),
                HttpHeaders.IF_MATCH, etag);
        expect(renamed, HttpStatus.OK);
        var newEtag = renamed.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(newEtag).isNotEqualTo(etag);

        var stale = call(HttpMethod.PATCH, path, team.owner(), jsonOf(Map.of("name", "Lost update")), HttpHeaders.IF_MATCH, etag);
        var problem = expect(stale, HttpStatus.PRECONDITION_FAILED);
        assertThat(stale.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(problem.get("type").asString()).endsWith("/stale-version");

        var withoutIfMatch = expect(call(HttpMethod.PATCH, path, team.owner(), jsonOf(Map.of("description", ""))), HttpStatus.OK);
        assertThat(withoutIfMatch.get("name").asString()).isEqualTo("Renamed");
        assertThat(withoutIfMatch.get("description").isNull()).isTrue();
        var current = expect(call(HttpMethod.GET, path, team.member(), null), HttpStatus.OK);
        assertThat(current.get("name").asString()).isEqualTo("Renamed");
        assertThat(current.get("myRole").asString()).isEqualTo("MEMBER");
    }

    @Test
    void deletesTheBudgetWithEverythingInIt() {
        var team = team();
        var path = "/api/budgets/" + team.budget();

        expect(call(HttpMethod.DELETE, path, team.owner(), null), HttpStatus.NO_CONTENT);

        for (var table : new String[] {"budget WHERE id", "membership WHERE budget_id", "invitation WHERE budget_id"}) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " = :b").param("b", team.budget()).query(Integer.class).single())
                    .as(table).isZero();
        }
        expect(call(HttpMethod.GET, path, team.owner(), null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.GET, path + "/members", team.admin(), null), HttpStatus.NOT_FOUND);
        expect(call(HttpMethod.POST, "/api/invitations/" + team.pendingInvitation() + "/accept", team.viewer(), null), HttpStatus.NOT_FOUND);
    }
}
