package dev.kitty.system.budget;

import static dev.kitty.system.security.KittyClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.devstack.RunningStack;
import dev.kitty.system.SharedStack;
import dev.kitty.system.security.KittyClient;
import dev.kitty.system.security.KittyClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Two people share a budget from the invitation to the budget's end, through the gateway on the running stack,
 * and the deletion cascades leave nothing behind in any service's database.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith({SharedStack.class, SharedStack.LogTailsOnFailure.class})
class SharedBudgetJourneyIT {

    /** Events cross three services and two topics between some steps. */
    private static final Duration ASYNC_WITHIN = Duration.ofSeconds(45);

    private static RunningStack stack;
    private static KittyClient kitty;

    @BeforeAll
    static void stack(RunningStack running) {
        stack = running;
        kitty = new KittyClient(running);
    }

    @Test
    void anInvitedFriendJoinsInheritsTheBudgetAndDeletesItAndNoServiceKeepsATrace() throws Exception {
        // 1. Ada registers, creates a budget and invites Grace, who has no account yet
        var ada = kitty.register("journey-ada");
        var adaToken = kitty.login(ada).accessToken();
        kitty.awaitProfile(adaToken);
        var created = send(adaToken, "POST", "/api/budgets", """
                {"name":"Journey household","currency":"EUR","description":"rent and groceries"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        assertThat(created.json().path("myRole").asString()).isEqualTo("OWNER");
        var budgetId = created.json().path("id").asString();

        var graceEmail = KittyClient.newEmail("journey-grace");
        var invited = send(adaToken, "POST", "/api/budgets/" + budgetId + "/invitations", """
                {"email":"%s","role":"MEMBER"}""".formatted(graceEmail));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.json().path("status").asString()).isEqualTo("PENDING");
        var invitationId = invited.json().path("id").asString();

        // 2. Grace registers with that address, verifies it, finds the invitation and its mail, and accepts
        var grace = kitty.register(graceEmail, KittyClient.newPassword());
        var code = kitty.awaitVerificationCode(graceEmail);
        var verified = kitty.post(kitty.gateway() + "/api/auth/verify-email", "{\"token\":\"" + code + "\"}");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
        var graceToken = kitty.login(grace).accessToken();
        kitty.awaitProfile(graceToken);

        var pending = send(graceToken, "GET", "/api/invitations", null);
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(ids(pending.json())).contains(invitationId);

        var mail = awaitMailOverImap(graceEmail, "Journey household");
        assertThat(mail).contains("Journey household").contains(ada.displayName()).containsIgnoringCase("member");

        var accepted = send(graceToken, "POST", "/api/invitations/" + invitationId + "/accept", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        var graceBudgets = send(graceToken, "GET", "/api/budgets", null);
        assertThat(graceBudgets.status()).isEqualTo(200);
        assertThat(roleIn(graceBudgets.json(), budgetId)).isEqualTo("MEMBER");

        // 3. Ada makes Grace an admin, then deletes her account
        var promoted = send(adaToken, "PATCH", "/api/budgets/" + budgetId + "/members/" + grace.id(), "{\"role\":\"ADMIN\"}");
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        var deleted = send(adaToken, "DELETE", "/api/users/me", "{\"password\":\"" + ada.password() + "\"}");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(202);

        // 4. Grace inherits the budget (the longest-standing admin) and deletes it
        await("Grace owns the budget", () -> send(graceToken, "GET", "/api/budgets/" + budgetId, null),
                response -> response.status() == 200 && "OWNER".equals(response.json().path("myRole").asString()));
        var members = send(graceToken, "GET", "/api/budgets/" + budgetId + "/members", null);
        assertThat(members.json().toString()).doesNotContain(ada.id().toString());
        var budgetDeleted = send(graceToken, "DELETE", "/api/budgets/" + budgetId, null);
        assertThat(budgetDeleted.status()).as(budgetDeleted.toString()).isEqualTo(204);

        // 5. Nothing of Ada or of the budget is left anywhere
        assertThat(kitty.loginResponse(ada.email(), ada.password(), "").status()).isEqualTo(401);
        assertThat(send(graceToken, "GET", "/api/budgets/" + budgetId, null).status()).isEqualTo(404);
        assertThat(send(graceToken, "GET", "/api/budgets/" + budgetId + "/transactions", null).status()).isEqualTo(404);
        var traces = new DatabaseTraces(stack);
        await("no database holds Ada's id, her address or the budget's id",
                () -> {
                    var left = new ArrayList<String>();
                    left.addAll(traces.of(ada.id().toString()));
                    left.addAll(traces.of(ada.email()));
                    left.addAll(traces.of(budgetId));
                    return left;
                },
                List::isEmpty);
        // Grace herself is still whole, and the search does find what is there
        assertThat(kitty.me(bearer(graceToken)).status()).isEqualTo(200);
        assertThat(traces.of(grace.id().toString())).anyMatch(found -> found.startsWith("kitty_user.profile."))
                .anyMatch(found -> found.startsWith("kitty_auth.account."));
    }

    private static Response send(String token, String method, String path, String body) {
        return kitty.send(method, kitty.gateway() + path, bearer(token), body);
    }

    private static List<String> ids(JsonNode array) {
        var ids = new ArrayList<String>();
        array.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static String roleIn(JsonNode page, String budgetId) {
        for (JsonNode budget : page.path("content")) {
            if (budgetId.equals(budget.path("id").asString())) {
                return budget.path("myRole").asString();
            }
        }
        return "absent";
    }

    private static String awaitMailOverImap(String address, String mentioning) {
        return await("a mail to " + address + " mentioning " + mentioning, () -> new MailInbox(stack).mailsMentioning(address, mentioning),
                mails -> !mails.isEmpty()).get(0);
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + ASYNC_WITHIN.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime()).as(what + " within " + ASYNC_WITHIN + "; last: " + last).isLessThan(deadline);
            KittyClient.sleep(Duration.ofMillis(300));
            last = probe.get();
        }
        return last;
    }

}
