package dev.kitty.system.fuzz;

import static dev.kitty.system.security.KittyClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.system.security.KittyClient;
import dev.kitty.system.security.KittyClient.Account;
import dev.kitty.system.security.KittyClient.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data the fuzzer's requests reach into, made through the gateway like any client: an owner whose budget has
 * categories, transactions, goals with money in them, recurring rules, an invitation and a second member; and a
 * stranger with a budget of their own, whose ids the owner must never reach. Ids are kept per kind ({@code budget},
 * {@code transaction}, ...), the way the path parameters name them.
 */
final class FuzzWorld {

    final Account owner;
    final String ownerToken;
    final Account member;
    final String memberToken;
    /** Kind → ids the owner may see. */
    final Map<String, List<String>> own = new LinkedHashMap<>();
    /** Kind → ids of the stranger's, which the owner must not see. */
    final Map<String, List<String>> strangers = new LinkedHashMap<>();
    final String budgetId;

    private final KittyClient kitty;

    private FuzzWorld(KittyClient kitty, Account owner, String ownerToken, Account member, String memberToken, String budgetId) {
        this.kitty = kitty;
        this.owner = owner;
        this.ownerToken = ownerToken;
        this.member = member;
        this.memberToken = memberToken;
        this.budgetId = budgetId;
    }

    static FuzzWorld create(KittyClient kitty) {
        Account owner = kitty.register("fuzz-owner");
        String ownerToken = kitty.login(owner).accessToken();
        kitty.awaitProfile(ownerToken);

        Account member = kitty.register(KittyClient.newEmail("fuzz-member"), KittyClient.newPassword());
        String code = kitty.awaitVerificationCode(member.email());
        assertThat(kitty.post(kitty.gateway() + "/api/auth/verify-email", "{\"token\":\"" + code + "\"}").status()).isEqualTo(204);
        String memberToken = kitty.login(member).accessToken();
        kitty.awaitProfile(memberToken);

        String budgetId = created(kitty, ownerToken, "/api/budgets", "{\"name\":\"Fuzz household\",\"currency\":\"EUR\"}");
        var world = new FuzzWorld(kitty, owner, ownerToken, member, memberToken, budgetId);
        world.own.computeIfAbsent("budget", k -> new ArrayList<>()).add(budgetId);
        world.own.computeIfAbsent("user", k -> new ArrayList<>()).addAll(List.of(owner.id().toString(), member.id().toString()));

        String invitation = created(kitty, ownerToken, "/api/budgets/" + budgetId + "/invitations",
                "{\"email\":\"" + member.email() + "\",\"role\":\"MEMBER\"}");
        Response accepted = send(kitty, memberToken, "POST", "/api/invitations/" + invitation + "/accept", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        world.own.computeIfAbsent("invitation", k -> new ArrayList<>()).add(
                created(kitty, ownerToken, "/api/budgets/" + budgetId + "/invitations",
                        "{\"email\":\"" + KittyClient.newEmail("fuzz-invitee") + "\",\"role\":\"VIEWER\"}"));
        world.fill(world.own, ownerToken, budgetId, 4);

        Account stranger = kitty.register("fuzz-stranger");
        String strangerToken = kitty.login(stranger).accessToken();
        kitty.awaitProfile(strangerToken);
        String strangerBudget = created(kitty, strangerToken, "/api/budgets", "{\"name\":\"Not yours\",\"currency\":\"USD\"}");
        world.strangers.computeIfAbsent("budget", k -> new ArrayList<>()).add(strangerBudget);
        world.strangers.computeIfAbsent("user", k -> new ArrayList<>()).add(stranger.id().toString());
        world.strangers.computeIfAbsent("invitation", k -> new ArrayList<>()).add(
                created(kitty, strangerToken, "/api/budgets/" + strangerBudget + "/invitations",
                        "{\"email\":\"" + KittyClient.newEmail("fuzz-elsewhere") + "\",\"role\":\"MEMBER\"}"));
        world.fill(world.strangers, strangerToken, strangerBudget, 1);
        world.strangers.computeIfAbsent("token", k -> new ArrayList<>()).add(
                created(kitty, strangerToken, "/api/auth/tokens", "{\"name\":\"stranger's script\"}"));
        world.own.computeIfAbsent("token", k -> new ArrayList<>()).add(
                created(kitty, ownerToken, "/api/auth/tokens", "{\"name\":\"fuzz script\"}"));
        return world;
    }

    /** Categories, transactions, goals (with money in them) and recurring rules in one budget. */
    private void fill(Map<String, List<String>> ids, String token, String budget, int each) {
        String base = "/api/budgets/" + budget;
        Response categories = send(kitty, token, "GET", base + "/categories", null);
        assertThat(categories.status()).as(categories.toString()).isEqualTo(200);
        for (var category : categories.json()) {
            ids.computeIfAbsent("category", k -> new ArrayList<>()).add(category.path("id").asString());
        }
        String category = created(kitty, token, base + "/categories", "{\"name\":\"Fuzz food\",\"type\":\"EXPENSE\",\"monthlyLimit\":\"40\"}");
        ids.get("category").add(category);
        LocalDate today = LocalDate.now();
        for (int i = 0; i < each; i++) {
            ids.computeIfAbsent("transaction", k -> new ArrayList<>()).add(created(kitty, token, base + "/transactions",
                    "{\"type\":\"EXPENSE\",\"amount\":\"1%d.50\",\"occurredOn\":\"%s\",\"categoryId\":\"%s\",\"description\":\"Kibble %d\"}"
                            .formatted(i, today.minusDays(i), category, i)));
            ids.get("transaction").add(created(kitty, token, base + "/transactions",
                    "{\"type\":\"INCOME\",\"amount\":\"100%d\",\"occurredOn\":\"%s\"}".formatted(i, today.minusMonths(i))));
            String goal = created(kitty, token, base + "/goals",
                    "{\"name\":\"Fuzz goal %d\",\"targetAmount\":\"500\",\"targetDate\":\"%s\"}".formatted(i, today.plusYears(1)));
            ids.computeIfAbsent("goal", k -> new ArrayList<>()).add(goal);
            Response contributed = send(kitty, token, "POST", base + "/goals/" + goal + "/contributions", "{\"amount\":\"20\"}");
            assertThat(contributed.status()).as(contributed.toString()).isEqualTo(201);
            ids.computeIfAbsent("recurring", k -> new ArrayList<>()).add(created(kitty, token, base + "/recurring",
                    "{\"type\":\"EXPENSE\",\"amount\":\"9.99\",\"description\":\"Fuzz rule\",\"frequency\":\"MONTHLY\",\"interval\":1,\"startOn\":\"%s\"}"
                            .formatted(today.plusDays(3 + i))));
        }
    }

    private static String created(KittyClient kitty, String token, String path, String body) {
        Response response = send(kitty, token, "POST", path, body);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(201);
        return response.json().path("id").asString();
    }

    static Response send(KittyClient kitty, String token, String method, String path, String body) {
        return kitty.send(method, kitty.gateway() + path, bearer(token), body);
    }
}
