package dev.kitty.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real gateway on a random port in front of real HTTP stubs, one per service, found
 * through the simple discovery client instead of Eureka.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "eureka.client.enabled=false",
        "kitty.security.revocation.enabled=false",
})
class GatewayRoutingIT {

    static final List<String> SERVICES =
            List.of("auth-service", "user-service", "budget-service", "transaction-service", "notification-service");

    static StubBackends stubs;

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        stubs = new StubBackends(SERVICES);
        SERVICES.forEach(id ->
                registry.add("spring.cloud.discovery.client.simple.instances." + id + "[0].uri", () -> stubs.uri(id)));
        registry.add("spring.cloud.discovery.client.simple.instances.gone-service[0].uri", StubBackends::deadUri);
        registry.add("spring.cloud.discovery.client.simple.instances.hanging-up-service[0].uri", StubBackends::hangingUpUri);
    }

    @AfterAll
    static void stopBackends() {
        stubs.close();
    }

    /** Routes to a service nobody registered and to one whose only instance no longer listens. */
    @TestConfiguration
    static class FailingRoutes {
        @Bean
        RouteLocator failingRoutes(RouteLocatorBuilder routes) {
            return routes.routes()
                    .route("unregistered", r -> r.path("/test/unregistered").uri("lb://unregistered-service"))
                    .route("gone", r -> r.path("/test/gone").uri("lb://gone-service"))
                    .route("hangs-up", r -> r.path("/test/hangs-up").uri("lb://hanging-up-service"))
                    .build();
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "=", textBlock = """
            # method | path                                                              | service              | path the service sees (= same)
            POST     | /api/auth/register                                                | auth-service         | =
            POST     | /api/auth/login                                                   | auth-service         | =
            DELETE   | /api/auth/tokens/0b5e3c2a-41d7-4a57-9d1e-5c7f1b0c9a11             | auth-service         | =
            GET      | /oauth2/jwks                                                      | auth-service         | =
            GET      | /.well-known/openid-configuration                                 | auth-service         | =
            GET      | /api/admin/users?page=0&size=20                                   | auth-service         | =
            PUT      | /api/admin/users/0b5e3c2a-41d7-4a57-9d1e-5c7f1b0c9a11/roles       | auth-service         | =
            GET      | /api/users/me                                                     | user-service         | =
            GET      | /api/users?email=ann%40example.com                                | user-service         | =
            DELETE   | /api/users/0b5e3c2a-41d7-4a57-9d1e-5c7f1b0c9a11                   | user-service         | =
            GET      | /api/budgets                                                      | budget-service       | =
            POST     | /api/budgets                                                      | budget-service       | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09                 | budget-service       | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/members         | budget-service       | =
            PATCH    | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/members/u-1     | budget-service       | =
            POST     | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/ownership       | budget-service       | =
            POST     | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/invitations     | budget-service       | =
            GET      | /api/invitations                                                  | budget-service       | =
            POST     | /api/invitations/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/accept      | budget-service       | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/transactions    | transaction-service  | =
            POST     | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/transactions    | transaction-service  | =
            PUT      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/transactions/t1 | transaction-service  | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/transactions/export | transaction-service | =
            POST     | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/transactions/import | transaction-service | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/categories      | transaction-service  | =
            DELETE   | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/categories/c1   | transaction-service  | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/summary?from=2026-01-01&to=2026-03-31 | transaction-service | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/charts/monthly.svg | transaction-service | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/goals           | transaction-service  | =
            POST     | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/goals/g1/contributions | transaction-service | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/goals/g1/entries | transaction-service | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/recurring       | transaction-service  | =
            PATCH    | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/recurring/r1    | transaction-service  | =
            GET      | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/months?page=0   | transaction-service  | =
            POST     | /api/budgets/6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09/months/2026-11/close | transaction-service | =
            GET      | /api/notifications?page=1                                         | notification-service | =
            POST     | /api/notifications/read-all                                       | notification-service | =
            POST     | /api/notifications/5c4b3a29-1807-4f6e-9d5c-4b3a29180706/read      | notification-service | =
            GET      | /v3/api-docs/auth-service                                         | auth-service         | /v3/api-docs
            GET      | /v3/api-docs/user-service                                         | user-service         | /v3/api-docs
            GET      | /v3/api-docs/budget-service                                       | budget-service       | /v3/api-docs
            GET      | /v3/api-docs/transaction-service                                  | transaction-service  | /v3/api-docs
            GET      | /v3/api-docs/notification-service                                 | notification-service | /v3/api-docs
            """)
    void routesEachPathToTheServiceThatOwnsIt(String method, String path, String service, String expectedPath)
            throws Exception {
        var response = send(method, path, HttpRequest.newBuilder());

        assertThat(response.statusCode()).isEqualTo(200);
        var echoed = StubBackends.parse(response.body());
        assertThat(echoed.getProperty("service")).isEqualTo(service);
        assertThat(echoed.getProperty("method")).isEqualTo(method);
        var query = echoed.getProperty("query");
        var seen = echoed.getProperty("path") + ("null".equals(query) ? "" : "?" + query);
        assertThat(seen).isEqualTo(expectedPath == null ? path : expectedPath);
    }

    @Test
    void stripsClientSentIdentityHeadersButKeepsCredentials() throws Exception {
        var response = send("GET", "/api/users/me", HttpRequest.newBuilder()
                .header("Authorization", "Bearer some.jwt.value")
                .header("X-User-Id", "0b5e3c2a-41d7-4a57-9d1e-5c7f1b0c9a11")
                .header("x-user-roles", "SUPER_USER")
                .header("X-Authenticated-User", "admin@example.com")
                .header("X-Request-Note", "kept"));

        var echoed = StubBackends.parse(response.body());
        assertThat(echoed.stringPropertyNames())
                .noneMatch(name -> name.startsWith("header.x-user-"))
                .doesNotContain("header.x-authenticated-user");
        assertThat(echoed.getProperty("header.authorization")).isEqualTo("Bearer some.jwt.value");
        assertThat(echoed.getProperty("header.x-request-note")).isEqualTo("kept");
    }

    /** Issue 7, item 5: the gateway traces each request and passes the trace on, so the service's spans join it. */
    @Test
    void passesItsTraceOnToTheService() throws Exception {
        var response = send("GET", "/api/users/me", HttpRequest.newBuilder());

        assertThat(StubBackends.parse(response.body()).getProperty("header.traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void continuesTheTraceACallerStarted() throws Exception {
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var response = send("GET", "/api/users/me", HttpRequest.newBuilder()
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        assertThat(StubBackends.parse(response.body()).getProperty("header.traceparent"))
                .startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void forwardsTheCallersRealAddressNotOneItClaims() throws Exception {
        var response = send("GET", "/api/users/me", HttpRequest.newBuilder()
                .header("X-Forwarded-For", "203.0.113.66")
                .header("X-Forwarded-Host", "evil.example"));

        var echoed = StubBackends.parse(response.body());
        assertThat(echoed.getProperty("header.x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(echoed.getProperty("header.x-forwarded-host")).isEqualTo("127.0.0.1:" + port);
        assertThat(echoed.getProperty("header.x-forwarded-proto")).isEqualTo("http");
        assertThat(echoed.getProperty("header.x-forwarded-port")).isEqualTo(Integer.toString(port));
    }

    @ParameterizedTest(name = "{0} (Accept: {1})")
    @CsvSource(delimiter = '|', textBlock = """
            /nope                          | application/json
            /nope                          | text/html
            /api                           | */*
            /api/budgetsx                  | application/json
            /api/unknown/thing             | text/html,application/xhtml+xml
            /v3/api-docs/unknown-service   | application/json
            """)
    void answersUnknownPathsWithNotFoundProblem(String path, String accept) throws Exception {
        var response = send("GET", path, HttpRequest.newBuilder().header("Accept", accept));

        assertProblem(response, 404);
    }

    /**
     * Issue 6, hole 4: auth-service's credential exchange is the gateway's helper, never a public endpoint: 404 as
     * if it did not exist, or 400 where the edge firewall already refuses the path's spelling.
     */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/auth/exchange        | 404
            GET  | /api/auth/exchange        | 404
            POST | /api/auth/exchange/       | 404
            POST | /api/auth/%65xchange      | 404
            POST | /API/auth/exchange        | 404
            POST | /api/auth/./exchange      | 400
            POST | /api/auth//exchange       | 400
            POST | /api/auth/x/../exchange   | 400
            POST | /api/auth/exchange;x=1    | 400
            """)
    void neverRoutesTheCredentialExchange(String method, String path, int status) throws Exception {
        var response = send(method, path, HttpRequest.newBuilder().header("Content-Type", "application/json"));

        assertProblem(response, status);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/test/unregistered", "/test/gone"})
    void answersServiceUnavailableProblemWhileNoInstanceCanTakeTheRequest(String path) throws Exception {
        var response = send("GET", path, HttpRequest.newBuilder().header("Accept", "text/html"));

        assertProblem(response, 503);
        // a client told when to come back retries instead of giving up (fault scenario F11: a rolling restart)
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }

    /** Fault scenario F11 found a 500 here: an instance stopped with a request in flight. */
    @Test
    void answersBadGatewayProblemWhenTheInstanceHangsUpWithTheRequestInFlight() throws Exception {
        var response = send("POST", "/test/hangs-up", HttpRequest.newBuilder().header("Content-Type", "application/json"));

        assertProblem(response, 502);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(response.body()).contains("may or may not have been carried out");
    }

    @Test
    void swaggerUiListsEveryServicesApiDocs() throws Exception {
        var config = json.readTree(send("GET", "/v3/api-docs/swagger-config", HttpRequest.newBuilder()).body());

        assertThat(config.get("urls").valueStream().map(url -> url.get("url").asString()))
                .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(id -> "/v3/api-docs/" + id).toList());
        var ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(uri("/swagger-ui.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void answersHealthOnThePublicPortWithoutDetails(String path) throws Exception {
        var response = send("GET", path, HttpRequest.newBuilder());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
        assertThat(response.body()).doesNotContain("details");
    }

    @Test
    void isReadyWithAnInstanceForEveryRoutedService() throws Exception {
        var readiness = json.readTree(send("GET", "/actuator/health/readiness", HttpRequest.newBuilder()).body());

        assertThat(readiness.at("/components/routes/status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/status").asString()).isEqualTo("UP");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/env", "/actuator/info", "/actuator", "/actuator/health/ping",
            "/actuator/gateway/routes"})
    void answersNothingElseOfTheActuatorOnThePublicPort(String path) throws Exception {
        assertProblem(send("GET", path, HttpRequest.newBuilder()), 404);
    }

    @Test
    void servesMetricsOnTheManagementPort() throws Exception {
        var response = http.send(HttpRequest.newBuilder(management("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("https://kitty.dev/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        var body = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)
                ? HttpRequest.BodyPublishers.ofString("{}")
                : HttpRequest.BodyPublishers.noBody();
        return http.send(request.uri(uri(path)).method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private URI management(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }
}
