package dev.kitty.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class DiscoveryServerIT {

    private static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void servesTheRegistryAsJson() throws Exception {
        var response = get("/eureka/apps", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"applications\"");
    }

    @Test
    void doesNotRegisterItself() throws Exception {
        var response = get("/eureka/apps", "application/json");

        assertThat(response.body()).doesNotContainIgnoringCase("\"DISCOVERY\"");
    }

    @Test
    void reportsHealthLivenessAndReadinessUp() throws Exception {
        for (var path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = get(path, "application/json");

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void showsNoHealthDetailsOnThePublicPort() throws Exception {
        var response = get("/actuator/health", "application/json");

        assertThat(response.body()).contains("\"components\"").doesNotContain("\"details\"");
    }

    @Test
    void servesPrometheusMetricsOnlyOnTheManagementPort() throws Exception {
        var metrics = get(managementPort, "/actuator/prometheus", "text/plain");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        for (var path : new String[] {"/actuator/prometheus", "/actuator/env", "/actuator/info"}) {
            assertThat(get(path, "application/json").statusCode()).as(path).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return get(port, path, accept);
    }

    private HttpResponse<String> get(int port, String path, String accept) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
