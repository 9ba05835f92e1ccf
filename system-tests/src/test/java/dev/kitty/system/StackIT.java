package dev.kitty.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.devstack.RunningStack;
import dev.kitty.devstack.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole stack as separate processes, the way {@code ./run.sh} starts it, but on free ports and temporary
 * data so that it never collides with a running dev stack. Everything goes through the gateway.
 * Set {@code -Dkitty.stack.echo=true} to see every service's output live.
 */
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(SharedStack.class)
class StackIT {

    /** The profile is created from the UserRegistered event: asynchronous by design. */
    private static final Duration PROFILE_WITHIN = Duration.ofSeconds(30);

    private static final Set<String> REGISTERED_SERVICES = Set.of("GATEWAY", "AUTH-SERVICE", "USER-SERVICE",
            "BUDGET-SERVICE", "TRANSACTION-SERVICE", "NOTIFICATION-SERVICE");

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningStack stack;

    @RegisterExtension
    static final TestWatcher printLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (stack != null) {
                System.err.println("==== " + context.getDisplayName() + " failed; the services' last lines:");
                System.err.println(stack.describeLogTails(60));
            }
        }
    };

    /** Shared with the other system test classes: started once per JVM, stopped after the last class. */
    @BeforeAll
    static void useTheSharedStack(RunningStack running) {
        stack = running;
    }

    @Test
    void eurekaListsEveryServiceUp() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.eurekaUrl() + "/eureka/apps"))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> up = new ArrayList<>();
        for (JsonNode application : json.readTree(response.body()).path("applications").path("application")) {
            for (JsonNode instance : application.path("instance")) {
                if ("UP".equals(instance.path("status").asString())) {
                    up.add(application.path("name").asString());
                }
            }
        }
        assertThat(up).containsAll(REGISTERED_SERVICES);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void answersHealthThroughTheGatewayWithoutDetails(String path) throws Exception {
        HttpResponse<String> response = http.send(gateway(path).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
        assertThat(response.body()).doesNotContain("details");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/env", "/actuator/info", "/actuator",
            "/actuator/gateway/routes", "/actuator/health/discoveryComposite"})
    void answersNothingElseOfTheActuatorThroughTheGateway(String path) throws Exception {
        HttpResponse<String> response = http.send(gateway(path).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("jvm_", "Exception");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void servesHealthOnEveryPublicPortAndMetricsOnlyOnTheManagementPort(Service service) throws Exception {
        String publicUrl = stack.serviceUrl(service);

        assertThat(get(publicUrl + "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(publicUrl + "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(publicUrl + "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(publicUrl + "/actuator/env").statusCode()).isEqualTo(404);
        HttpResponse<String> metrics = get(stack.managementUrl(service) + "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void refusesAnAnonymousProfileRequestWithAProblem() throws Exception {
        HttpResponse<String> response = send(gateway("/api/users/me").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void registersLogsInAndFindsTheProfileCreatedFromTheRegistrationEvent() throws Exception {
        String email = "stack-it-" + UUID.randomUUID() + "@example.com";
        String password = "purple kettle under a quiet moon";

        HttpResponse<String> registered = send(gateway("/api/auth/register")
            .header("Content-Type", "application/json")
            .POST(body("""
                    {"email":"%s","password":"%s","displayName":"Stack Test"}""".formatted(email, password)))
            .build());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode account = json.readTree(registered.body());
        assertThat(account.path("email").asString()).isEqualTo(email);
        String userId = account.path("userId").asString();
        assertThat(userId).isNotBlank();

        HttpResponse<String> loggedIn = send(gateway("/api/auth/login")
            .header("Content-Type", "application/json")
            .POST(body("""
                    {"email":"%s","password":"%s"}""".formatted(email, password)))
            .build());
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
        JsonNode tokens = json.readTree(loggedIn.body());
        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("refresh_token").asString()).isNotBlank();
        assertThat(tokens.path("expires_in").asLong()).isPositive();
        String accessToken = tokens.path("access_token").asString();
        assertThat(accessToken).isNotBlank();

        HttpResponse<String> profile = awaitProfile(accessToken);
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        JsonNode me = json.readTree(profile.body());
        assertThat(me.path("id").asString()).isEqualTo(userId);
        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.path("displayName").asString()).isEqualTo("Stack Test");
        assertThat(me.path("createdAt").asString()).isNotBlank();
    }

    private static HttpResponse<String> awaitProfile(String accessToken) throws Exception {
        long deadline = System.nanoTime() + PROFILE_WITHIN.toNanos();
        while (true) {
            HttpResponse<String> response = send(gateway("/api/users/me")
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build());
            if (response.statusCode() != 404 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Sends through the gateway. No retry on 502/503/504: the stack is started only once every service and the
     * gateway report ready, so from then on every route has an instance and every service can check tokens.
     */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder gateway(String path) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json");
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text);
    }

}
