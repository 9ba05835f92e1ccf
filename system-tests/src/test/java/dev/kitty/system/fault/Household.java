package dev.kitty.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.system.security.KittyClient;
import dev.kitty.system.security.KittyClient.Account;
import dev.kitty.system.security.KittyClient.Response;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A budget with an owner and a member who joined through an invitation, a goal to contribute to and an expense
 * category: what the workload writes into. Made through the gateway while the stack is healthy.
 */
public record Household(Session owner, Session member, UUID budgetId, UUID goalId, UUID categoryId) {

    public static Household create(KittyClient kitty, String name) {
        Session owner = Session.registered(kitty, name + "-owner");
        Response budget = owner.send("POST", "/api/budgets", """
                {"name":"%s","currency":"EUR"}""".formatted(name));
        assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
        UUID budgetId = UUID.fromString(budget.json().path("id").asString());

        Response goal = owner.send("POST", "/api/budgets/" + budgetId + "/goals", """
                {"name":"Fault tolerance fund","targetAmount":"100000000.00"}""");
        assertThat(goal.status()).as(goal.toString()).isEqualTo(201);
        UUID goalId = UUID.fromString(goal.json().path("id").asString());

        Response categories = owner.send("GET", "/api/budgets/" + budgetId + "/categories", null);
        assertThat(categories.status()).as(categories.toString()).isEqualTo(200);
        UUID categoryId = null;
        for (JsonNode category : categories.json()) {
            if ("EXPENSE".equals(category.path("type").asString())) {
                categoryId = UUID.fromString(category.path("id").asString());
                break;
            }
        }
        assertThat(categoryId).as("a new budget has default expense categories").isNotNull();

        Session member = Session.invited(kitty, owner, budgetId, name + "-member", "MEMBER");
        return new Household(owner, member, budgetId, goalId, categoryId);
    }

    public String path() {
        return "/api/budgets/" + this.budgetId;
    }

    /** A logged-in account; logs in again when its access token has expired. */
    public static final class Session {

        private final KittyClient kitty;

        private final Account account;

        private volatile String accessToken;

        private Session(KittyClient kitty, Account account) {
            this.kitty = kitty;
            this.account = account;
            this.accessToken = kitty.login(account).accessToken();
        }

        static Session registered(KittyClient kitty, String purpose) {
            Session session = new Session(kitty, kitty.register(purpose));
            kitty.awaitProfile(session.accessToken);
            return session;
        }

        /** Registers, verifies the address from the mail, and accepts an invitation to the budget. */
        static Session invited(KittyClient kitty, Session owner, UUID budgetId, String purpose, String role) {
            String email = KittyClient.newEmail(purpose);
            Response invited = owner.send("POST", "/api/budgets/" + budgetId + "/invitations", """
                    {"email":"%s","role":"%s"}""".formatted(email, role));
            assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
            Account account = kitty.register(email, KittyClient.newPassword());
            String code = kitty.awaitVerificationCode(email);
            Response verified = kitty.post(kitty.gateway() + "/api/auth/verify-email", "{\"token\":\"" + code + "\"}");
            assertThat(verified.status()).as(verified.toString()).isEqualTo(204);
            Session session = new Session(kitty, account);
            kitty.awaitProfile(session.accessToken);
            Response accepted = session.send("POST", "/api/invitations/" + invited.json().path("id").asString() + "/accept",
                    null);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            return session;
        }

        public Account account() {
            return this.account;
        }

        public UUID userId() {
            return this.account.id();
        }

        public Response send(String method, String path, String body) {
            return send(method, path, Map.of(), body);
        }

        /** Through the gateway; a 401 (an expired token) logs in once more and repeats the request. */
        public Response send(String method, String path, Map<String, String> headers, String body) {
            Response response = sendOnce(method, path, headers, body);
            if (response.status() == 401) {
                Response login = this.kitty.loginResponse(this.account.email(), this.account.password(), "");
                if (login.status() == 200) {
                    this.accessToken = KittyClient.tokens(login).accessToken();
                    response = sendOnce(method, path, headers, body);
                }
            }
            return response;
        }

        private Response sendOnce(String method, String path, Map<String, String> headers, String body) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.putAll(KittyClient.bearer(this.accessToken));
            return this.kitty.send(method, this.kitty.gateway() + path, all, body);
        }

        public String accessToken() {
            return this.accessToken;
        }

    }

}
