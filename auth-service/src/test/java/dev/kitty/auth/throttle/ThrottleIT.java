package dev.kitty.auth.throttle;

import static dev.kitty.auth.AuthApi.PASSWORD;
import static dev.kitty.auth.AuthApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.auth.AuthApi;
import dev.kitty.auth.RunningAuthService;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Brute force against the real service with the default limits. Each {@link AuthApi} calls from
 * its own address through {@code X-Forwarded-For}, as the gateway sends it.
 */
class ThrottleIT extends RunningAuthService {

    @Test
    @DisplayName("OWASP ASVS 5.0 6.3.1 / API2:2023: 5 failures from anywhere lock the account out with 429 + Retry-After, right password included")
    void locksAnAccountOutAfterFiveFailures() {
        var email = uniqueEmail("ann");
        api.register(email);
        for (int i = 0; i < 5; i++) {
            var elsewhere = new AuthApi(port, json);
            assertThat(elsewhere.login(email, PASSWORD + "-guess-" + i).status()).isEqualTo(401);
        }

        var locked = new AuthApi(port, json).login(email, PASSWORD);

        assertThat(locked.status()).as("checked before the password: a right guess is not revealed").isEqualTo(429);
        assertThat(locked.headers().getContentType()).hasToString("application/problem+json");
        assertThat(locked.field("type")).isEqualTo("https://kitty.dev/problems/throttled");
        assertThat(Long.parseLong(locked.headers().getFirst("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.3.8: an unknown address is locked out exactly like a known one")
    void locksOutUnknownAddressesAlike() {
        var unknown = uniqueEmail("nobody");
        for (int i = 0; i < 5; i++) {
            new AuthApi(port, json).login(unknown, PASSWORD);
        }

        var locked = new AuthApi(port, json).login(unknown, PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.field("type")).isEqualTo("https://kitty.dev/problems/throttled");
    }

    @Test
    @DisplayName("OWASP ASVS 5.0 6.3.1 / API4:2023: 20 failures from one address lock that address out, whichever account it tries")
    void locksAClientAddressOutAfterTwentyFailures() {
        var email = uniqueEmail("bob");
        api.register(email);
        for (int i = 0; i < 20; i++) {
            assertThat(api.login(uniqueEmail("spray"), PASSWORD).status()).isEqualTo(401);
        }

        var fromThere = api.login(email, PASSWORD);
        var fromElsewhere = new AuthApi(port, json).login(email, PASSWORD);

        assertThat(fromThere.status()).isEqualTo(429);
        assertThat(fromThere.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(fromElsewhere.status()).as("the account itself is not locked").isEqualTo(200);
    }

    @Test
    @DisplayName("API4:2023 / API6:2023: reset requests are limited per address (known or not) and registrations per client")
    void limitsResetRequestsAndRegistrations() {
        var email = uniqueEmail("cy");
        for (int i = 0; i < 3; i++) {
            assertThat(new AuthApi(port, json).post("/api/auth/password/forgot", Map.of("email", email)).status()).isEqualTo(202);
        }
        var fourth = new AuthApi(port, json).post("/api/auth/password/forgot", Map.of("email", email));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.headers().getFirst("Retry-After")).isNotBlank();

        for (int i = 0; i < 20; i++) {
            var response = api.post("/api/auth/register", Map.of("email", uniqueEmail("many"), "password", PASSWORD, "displayName", "M"));
            assertThat(response.status()).isEqualTo(201);
        }
        var tooMany = api.post("/api/auth/register", Map.of("email", uniqueEmail("many"), "password", PASSWORD, "displayName", "M"));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.field("type")).isEqualTo("https://kitty.dev/problems/throttled");
    }
}
