package dev.kitty.user.deletion;

import dev.kitty.platform.client.ServiceRestClients;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks auth-service's {@code POST /api/auth/internal/account-deletion-approvals} (ADR 12) with the caller's own
 * access token: through the load balancer ({@code http://auth-service}), with a timeout for connecting and one for
 * the answer, behind a circuit breaker so an ailing auth-service costs callers an immediate 503 rather than a wait each.
 *
 * <p>Refusals are answers, not failures: they complete inside the breaker and never open it, or a burst of wrong
 * passwords would stop every deletion.
 */
@Component
class DeletionApprovalClient {

    static final String BREAKER = "auth-deletion-approval";

    private static final Logger log = LoggerFactory.getLogger(DeletionApprovalClient.class);
    private static final Set<Integer> REFUSALS = Set.of(401, 403, 404, 409, 429);
    /** Where every Kitty problem type starts (RFC 9457 {@code type}). */
    private static final String PROBLEM_TYPES = "https://kitty.dev/problems/";

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final DeletionApprovalProperties properties;
    private final JsonMapper json;

    /** @param loadBalancer absent when discovery is off (some tests): then the URI's host is used as it is */
    DeletionApprovalClient(ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer, CircuitBreakerFactory<?, ?> breakers,
            DeletionApprovalProperties properties, JsonMapper json, ObjectProvider<ObservationRegistry> observations) {
        this.http = ServiceRestClients.create(properties.timeout(), loadBalancer, observations);
        this.breaker = breakers.create(BREAKER);
        this.properties = properties;
        this.json = json;
    }

    /**
     * @param bearerToken the caller's access token, forwarded as it came: auth-service decides on it alone
     * @return the answer; never throws
     */
    Approval ask(String bearerToken, UUID userId, @Nullable String password, @Nullable String otp, @Nullable String recoveryCode) {
        var body = new LinkedHashMap<String, Object>();
        body.put("userId", userId);
        putIfPresent(body, "password", password);
        putIfPresent(body, "otp", otp);
        putIfPresent(body, "recoveryCode", recoveryCode);
        return breaker.run(() -> call(bearerToken, body), DeletionApprovalClient::unavailable);
    }

    private Approval call(String bearerToken, LinkedHashMap<String, Object> body) {
        return http.post()
                .uri(properties.uri())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .body(body)
                .exchange((request, response) -> {
                    var status = response.getStatusCode().value();
                    if (status == 204 || status == 200) {
                        return new Approval.Approved();
                    }
                    if (REFUSALS.contains(status)) {
                        var problem = readProblem(response.getBody().readAllBytes());
                        return new Approval.Refused(status, slugOf(problem, status), detailOf(problem),
                                retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), status));
                    }
                    // a 5xx, or an answer this client does not understand: auth-service (or its deployment) is at fault
                    throw new AuthServiceUnavailableException("auth-service answered " + status);
                }, true);
    }

    private static Approval unavailable(Throwable failure) {
        // the message names the status or the I/O failure, never the password
        log.warn("Account deletion approval failed: {}", failure.toString());
        return new Approval.Unavailable(failure.getClass().getSimpleName());
    }

    private @Nullable JsonNode readProblem(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The problem type's last segment when it is one of ours, else the status's generic one. */
    private static String slugOf(@Nullable JsonNode problem, int status) {
        var type = problem == null ? "" : problem.path("type").asString("");
        if (type.startsWith(PROBLEM_TYPES) && type.length() > PROBLEM_TYPES.length()) {
            var slug = type.substring(PROBLEM_TYPES.length());
            if (slug.matches("[a-z0-9-]{1,64}")) {
                return slug;
            }
        }
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            default -> "throttled";
        };
    }

    private static String detailOf(@Nullable JsonNode problem) {
        var detail = problem == null ? "" : problem.path("detail").asString("");
        return detail.isBlank() || detail.length() > 500 ? "The account cannot be deleted." : detail;
    }

    private static @Nullable Duration retryAfter(@Nullable String header, int status) {
        if (status != 429) {
            return null;
        }
        try {
            var seconds = header == null ? 1 : Long.parseLong(header.strip());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 86_400)));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(60);
        }
    }

    private static void putIfPresent(LinkedHashMap<String, Object> body, String name, @Nullable String value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    /** auth-service failed to answer usefully; counted by the breaker. */
    static final class AuthServiceUnavailableException extends IOException {

        AuthServiceUnavailableException(String message) {
            super(message);
        }
    }
}
