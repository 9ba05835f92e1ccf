package dev.kitty.auth.bootstrap;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.nimbusds.jwt.SignedJWT;
import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import dev.kitty.identity.events.IdentityEvents;
import dev.kitty.platform.security.JwtPolicy;
import dev.kitty.platform.test.TopicRecords;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

/** The first SUPER_USER from configuration, on the real database and topic. */
@ExtendWith(OutputCaptureExtension.class)
class SuperUserBootstrapIT extends RunningAuthService {

    private static final String STRONG_PASSWORD = "quartz-lantern-meadow-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    SuperUserBootstrap bootstrap;

    @BeforeEach
    void withoutAnySuperUser() {
        // the database is shared by every test of the JVM: start each case from "no super user"
        jdbc.sql("DELETE FROM account_role WHERE role = 'SUPER_USER'").update();
    }

    /** OWASP ASVS 5.0 V13.3 (secrets from the environment) and V16 (the password is never logged). */
    @Test
    void createsAWorkingSuperUserAtStartUpOnceAndNeverLogsThePassword(CapturedOutput output) throws Exception {
        var email = uniqueEmail("root");

        try (var instance = startAnotherInstance(
                "--kitty.auth.bootstrap.super-user.email=" + email.toUpperCase(),
                "--kitty.auth.bootstrap.super-user.password=" + STRONG_PASSWORD)) {
            var id = jdbc.sql("SELECT id FROM account WHERE email = ? AND email_verified AND status = 'ACTIVE'").param(email)
                    .query(UUID.class).single();
            // announced like a registration, through the outbox of the instance that created it
            TopicRecords.await(kafka.bootstrapServers(), IdentityEvents.TOPIC,
                    r -> r.key().equals(id.toString()) && r.value().contains("kitty.user.registered.v1"), Duration.ofSeconds(30));
            TopicRecords.await(kafka.bootstrapServers(), IdentityEvents.TOPIC,
                    r -> r.key().equals(id.toString()) && r.value().contains("kitty.user.email-verified.v1"), Duration.ofSeconds(30));
        }

        var id = jdbc.sql("SELECT id FROM account WHERE email = ?").param(email).query(UUID.class).single();
        assertThat(jdbc.sql("SELECT role FROM account_role WHERE account_id = ? ORDER BY role").param(id).query(String.class).list())
                .containsExactly("ADMIN", "SUPER_USER", "USER");
        var login = api.login(email, STRONG_PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        var token = login.field("access_token");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim(JwtPolicy.ROLES_CLAIM)).containsExactly("ADMIN", "SUPER_USER", "USER");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getBooleanClaim("email_verified")).isTrue();
        assertThat(api.call(HttpMethod.GET, "/api/admin/users", null, token).status()).isEqualTo(200);

        assertThat(bootstrap.bootstrap(new BootstrapProperties.SuperUser(email, STRONG_PASSWORD, "Root")))
                .isEqualTo(SuperUserBootstrap.Outcome.ALREADY_PRESENT);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email = ?").param(email).query(Long.class).single()).isOne();
        assertThat(output.getAll()).contains("Created SUPER_USER account " + id).doesNotContain(STRONG_PASSWORD);
    }

    /** OWASP API5:2023: an address registered by someone else is not promoted on the strength of the address alone. */
    @Test
    void promotesAnExistingAccountOnlyWhenTheConfiguredPasswordIsItsPassword(CapturedOutput output) {
        var email = uniqueEmail("owner");
        var id = api.register(email);

        assertThatIllegalStateException()
                .isThrownBy(() -> bootstrap.bootstrap(new BootstrapProperties.SuperUser(email, STRONG_PASSWORD, "Root")))
                .withMessageContaining("refusing to promote").withMessageNotContaining(STRONG_PASSWORD);
        assertThat(roles(id)).containsExactly("USER");

        assertThat(bootstrap.bootstrap(new BootstrapProperties.SuperUser(email, PASSWORD, "Root")))
                .isEqualTo(SuperUserBootstrap.Outcome.PROMOTED);
        assertThat(roles(id)).containsExactly("ADMIN", "SUPER_USER", "USER");
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(STRONG_PASSWORD);
    }

    /** OWASP ASVS 5.0 V6.2: the bootstrap password meets the same policy as every other password. */
    @Test
    void refusesAPasswordThePolicyRefusesWithoutNamingIt() {
        var email = uniqueEmail("weak");

        for (var weak : List.of("password1234", "short-one", email + "-and-more")) {
            assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(new BootstrapProperties.SuperUser(email, weak, "Root")))
                    .withMessageContaining("KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD").withMessageNotContaining(weak);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE email = ?").param(email).query(Long.class).single()).isZero();
    }

    @Test
    void refusesHalfAConfiguration() {
        assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(new BootstrapProperties.SuperUser(null, STRONG_PASSWORD, "Root")))
                .withMessageContaining("KITTY_AUTH_BOOTSTRAP_SUPER_USER_EMAIL");
        assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(new BootstrapProperties.SuperUser("root@kitty.test", null, "Root")))
                .withMessageContaining("KITTY_AUTH_BOOTSTRAP_SUPER_USER_PASSWORD");
        assertThat(bootstrap.bootstrap(new BootstrapProperties.SuperUser(null, null, "Root")))
                .isEqualTo(SuperUserBootstrap.Outcome.NOT_CONFIGURED);
    }

    private List<String> roles(UUID id) {
        return jdbc.sql("SELECT role FROM account_role WHERE account_id = ? ORDER BY role").param(id).query(String.class).list();
    }
}
