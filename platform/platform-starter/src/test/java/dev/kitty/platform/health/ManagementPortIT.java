package dev.kitty.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Operational endpoints: health on the public port, metrics and the rest only on the management port. */
@SpringBootTest(classes = ManagementPortIT.SomeService.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=some-service",
        "server.address=127.0.0.1",
        "management.server.port=0",
        "management.endpoints.web.exposure.include=*"})
@EmbeddedInfrastructure
class ManagementPortIT {

    @SpringBootApplication
    static class SomeService {
    }

    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void answersHealthOnThePublicPortWithoutDetails(String path) throws Exception {
        var response = get(port, path);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var health = json.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").isObject()).as("component names are shown").isTrue();
        for (JsonNode component : health.path("components")) {
            assertThat(component.has("details")).as("details are never shown: %s", response.body()).isFalse();
        }
    }

    @Test
    void includesTheKeySourceInReadiness() throws Exception {
        var readiness = json.readTree(get(port, "/actuator/health/readiness").body());

        assertThat(readiness.path("components").propertyNames()).contains("readinessState", "db", "kafka", "jwks");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/env", "/actuator/info", "/actuator/metrics",
            "/actuator/health/db", "/actuator", "/actuator/beans"})
    void answersNothingElseOfTheActuatorOnThePublicPort(String path) throws Exception {
        assertThat(get(port, path).statusCode()).isEqualTo(404);
    }

    @Test
    void servesMetricsOnTheManagementPortWithoutAToken() throws Exception {
        var response = get(managementPort, "/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"some-service\"");
    }

    @Test
    void keepsHealthOutOfTheServicesApiDocument() throws Exception {
        var apiDocs = get(port, "/v3/api-docs");

        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).doesNotContain("/actuator");
    }

    @Test
    void servesHealthOnTheManagementPortToo() throws Exception {
        var response = get(managementPort, "/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
