package dev.kitty.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kitty.infra.Ports;
import dev.kitty.platform.test.EmbeddedInfrastructure;
import dev.kitty.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that cannot fetch auth-service's keys: the production path ({@code lb://auth-service/oauth2/jwks} through
 * discovery, here the simple discovery client, where the test plays Eureka), on a real port.
 */
@SpringBootTest(classes = KeySourceOutageIT.GuardedService.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=guarded-service",
        "server.address=127.0.0.1",
        "management.server.port=0",
        "kitty.security.jwk-set-uri=lb://auth-service/oauth2/jwks",
        "spring.cloud.discovery.enabled=true"})
@EmbeddedInfrastructure
class KeySourceOutageIT {

    @SpringBootApplication
    static class GuardedService {

        @RestController
        static class Greeting {
            @GetMapping("/api/greeting")
            String greet(CurrentUser user) {
                return "hello " + user.id();
            }
        }
    }

    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    SimpleDiscoveryProperties discovery;

    @Test
    void answersUnavailableAndIsNotReadyUntilTheKeysCanBeFetched() throws Exception {
        var userId = UUID.randomUUID();
        var token = tokens.accessToken(userId, "ann@kitty.test", "USER");

        // no instance of auth-service registered yet (the registry was fetched before it registered)
        assertUnavailable(get("/api/greeting", token));
        assertNotReady();

        // registered, but its host is down
        registerAuthService(URI.create("http://127.0.0.1:" + Ports.freePort()));
        assertUnavailable(get("/api/greeting", token));
        assertNotReady();

        // reachable: ready within one probe, and the same token is accepted (nothing cached the failure)
        registerAuthService(tokens.jwkSetUri().resolve("/"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var readiness = get("/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(json.readTree(readiness.body()).at("/components/jwks/status").asString()).isEqualTo("UP");
        });
        var greeting = get("/api/greeting", token);
        assertThat(greeting.statusCode()).as(greeting.body()).isEqualTo(200);
        assertThat(greeting.body()).isEqualTo("hello " + userId);
    }

    @Test
    void stillRefusesABadTokenWith401WhileTheKeysCannotBeFetched() throws Exception {
        discovery.getInstances().remove("auth-service");

        var response = get("/api/greeting", "not-a-jwt");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    private void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        var problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://kitty.dev/problems/token-verification-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("retryAfterSeconds").asInt()).isEqualTo(5);
        assertThat(response.body()).doesNotContain("auth-service", "Exception", "trace");
    }

    private void assertNotReady() throws Exception {
        var readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        var body = json.readTree(readiness.body());
        assertThat(body.at("/components/jwks/status").asString()).isEqualTo("DOWN");
        assertThat(body.at("/components/jwks").has("details")).as("details are never public").isFalse();
    }

    private void registerAuthService(URI uri) {
        var instance = new InstanceProperties();
        instance.setServiceId("auth-service");
        instance.setUri(uri);
        discovery.getInstances().put("auth-service", List.of(instance));
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
