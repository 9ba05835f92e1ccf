package dev.kitty.system.security;

import static dev.kitty.system.security.KittyClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.devstack.RunningStack;
import dev.kitty.system.SharedStack;
import dev.kitty.system.security.KittyClient.Account;
import dev.kitty.system.security.KittyClient.Response;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Role escalation on the admin endpoints through the gateway (OWASP API5:2023 Broken Function Level
 * Authorization, ASVS 5.0 8.2.1/8.3.1): a USER on every admin endpoint, an ADMIN granting itself SUPER_USER or
 * locking those above it. Each is a 403 problem that leaks nothing, and afterwards nothing has changed.
 */
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith({SharedStack.class, SharedStack.LogTailsOnFailure.class})
class RoleEscalationIT {

    static KittyClient kitty;
    static Account user;
    static String userToken;
    static Account bystander;
    static Account admin;
    static String adminToken;
    static Account otherAdmin;
    static UUID superUserId;

    @BeforeAll
    static void aUserTwoAdminsAndTheBootstrappedSuperUser(RunningStack stack) {
        kitty = new KittyClient(stack);
        Account superUser = new Account(UUID.randomUUID(), SharedStack.SUPER_USER_EMAIL, SharedStack.SUPER_USER_PASSWORD, "root");
        String superToken = kitty.login(superUser).accessToken();
        superUserId = UUID.fromString(KittyClient.claims(superToken).path("sub").asString());
        assertThat(KittyClient.claims(superToken).path("roles").toString()).contains("SUPER_USER");

        user = kitty.register("escalating-user");
        bystander = kitty.register("bystander");
        admin = kitty.register("escalating-admin");
        otherAdmin = kitty.register("other-admin");
        for (Account promoted : new Account[] {admin, otherAdmin}) {
            Response granted = kitty.send("PUT", kitty.gateway() + "/api/admin/users/" + promoted.id() + "/roles",
                    bearer(superToken), "{\"roles\":[\"USER\",\"ADMIN\"]}");
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        }
        userToken = kitty.login(user).accessToken();
        adminToken = kitty.login(admin).accessToken();
        kitty.awaitProfile(kitty.login(bystander).accessToken());
        assertThat(KittyClient.claims(adminToken).path("roles").toString()).contains("ADMIN");
    }

    record Escalation(String rule, String method, Supplier<String> path, Supplier<String> token, String body) {
        @Override
        public String toString() {
            return "[" + rule + "] " + method + " " + path.get();
        }
    }

    static Stream<Escalation> escalations() {
        Supplier<String> asUser = () -> userToken;
        Supplier<String> asAdmin = () -> adminToken;
        return Stream.of(
                new Escalation("API5:2023, ASVS 8.2.1", "GET", () -> "/api/admin/users", asUser, null),
                new Escalation("API5:2023, ASVS 8.2.1", "PUT", () -> "/api/admin/users/" + user.id() + "/roles", asUser,
                        "{\"roles\":[\"USER\",\"ADMIN\",\"SUPER_USER\"]}"),
                new Escalation("API5:2023, ASVS 8.2.1", "PUT", () -> "/api/admin/users/" + bystander.id() + "/roles", asUser,
                        "{\"roles\":[\"USER\",\"ADMIN\"]}"),
                new Escalation("API5:2023, ASVS 8.2.1", "POST", () -> "/api/admin/users/" + bystander.id() + "/lock", asUser, null),
                new Escalation("API5:2023, ASVS 8.2.1", "POST", () -> "/api/admin/users/" + bystander.id() + "/unlock", asUser, null),
                new Escalation("API5:2023, ASVS 8.2.1", "GET", () -> "/api/users?email=" + bystander.email().substring(0, 12), asUser, null),
                new Escalation("API5:2023, ASVS 8.2.1 (ADMIN → SUPER_USER)", "PUT", () -> "/api/admin/users/" + admin.id() + "/roles", asAdmin,
                        "{\"roles\":[\"USER\",\"ADMIN\",\"SUPER_USER\"]}"),
                new Escalation("API5:2023, ASVS 8.2.1 (ADMIN locks SUPER_USER)", "POST", () -> "/api/admin/users/" + superUserId + "/lock", asAdmin, null),
                new Escalation("API5:2023, ASVS 8.2.1 (ADMIN locks ADMIN)", "POST", () -> "/api/admin/users/" + otherAdmin.id() + "/lock", asAdmin, null),
                new Escalation("API5:2023, ASVS 8.2.1", "GET", () -> "/api/users?email=" + bystander.email(), asUser, null),
                new Escalation("API5:2023, ASVS 8.2.1", "DELETE", () -> "/api/users/" + bystander.id(), asUser, null),
                new Escalation("API5:2023, ASVS 8.2.1 (ADMIN deletes ADMIN)", "DELETE", () -> "/api/users/" + otherAdmin.id(), asAdmin, null),
                new Escalation("API5:2023, ASVS 8.2.1 (ADMIN deletes SUPER_USER)", "DELETE", () -> "/api/users/" + superUserId, asAdmin, null));
    }

    @ParameterizedTest(name = "{0} → 403 problem")
    @MethodSource("escalations")
    void anEscalationIsA403ProblemThatRevealsNothing(Escalation escalation) {
        Response response = kitty.send(escalation.method(), kitty.gateway() + escalation.path().get(),
                bearer(escalation.token().get()), escalation.body());

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().path("status").asInt()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(bystander.email(), SharedStack.SUPER_USER_EMAIL, otherAdmin.email());
    }

    @Test
    @DisplayName("[API5:2023] after every refused escalation: roles unchanged, nobody locked, the bystander's profile still there")
    void refusedEscalationsChangedNothing() {
        // runs in any order relative to the table: either way these must hold
        assertThat(KittyClient.claims(kitty.login(user).accessToken()).path("roles").toString()).doesNotContain("ADMIN");
        assertThat(KittyClient.claims(kitty.login(admin).accessToken()).path("roles").toString()).doesNotContain("SUPER_USER");
        kitty.login(otherAdmin);
        kitty.login(new Account(superUserId, SharedStack.SUPER_USER_EMAIL, SharedStack.SUPER_USER_PASSWORD, "root"));
        kitty.awaitProfile(kitty.login(bystander).accessToken());
    }

    @Test
    @DisplayName("control: an ADMIN may list users (so the 403s above are about the rule, not a broken route)")
    void anAdminMayListUsers() {
        Response response = kitty.get(kitty.gateway() + "/api/admin/users", bearer(adminToken));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
