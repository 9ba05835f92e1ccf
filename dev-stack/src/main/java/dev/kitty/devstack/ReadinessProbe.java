package dev.kitty.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a service whether it is ready: {@code GET /actuator/health/readiness} on its public port answers 200 with
 * status UP. Readiness is more than being registered in Eureka: a domain service is ready once its database, Kafka
 * and auth-service's keys are reachable, the gateway once it can route to every service.
 */
public final class ReadinessProbe {

    public static final String PATH = "/actuator/health/readiness";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Whether the service at {@code baseUrl} (no trailing slash) reports ready; false while it does not answer. */
    public boolean isReady(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
        try {
            HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && isUp(response.body());
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean isUp(String body) {
        try {
            return "UP".equals(JSON.readTree(body).path("status").asString(""));
        }
        catch (JacksonException ex) {
            return false;
        }
    }

}
