package dev.kitty.transaction.membership;

import dev.kitty.platform.client.ServiceRestClients;
import io.micrometer.observation.ObservationRegistry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks budget-service's {@code GET /api/budgets/{id}} with the caller's own access token (ADR 14): through the load
 * balancer ({@code http://budget-service}), with a timeout, behind a circuit breaker so an ailing budget-service
 * costs callers an immediate 503 rather than a wait each. A 404 is an answer (no such budget for this caller), not a
 * failure: it never opens the breaker.
 */
@Component
class BudgetServiceClient {

    static final String BREAKER = "budget-service-membership";

    private static final Logger log = LoggerFactory.getLogger(BudgetServiceClient.class);

    sealed interface Answer {
        record Member(String myRole, String currency) implements Answer {}
        record NoSuchBudget() implements Answer {}
        record Unavailable(String reason) implements Answer {}
    }

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final BudgetServiceProperties properties;
    private final JsonMapper json;

    /** @param loadBalancer absent when discovery is off (some tests): then the URI's host is used as it is */
    BudgetServiceClient(ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer, CircuitBreakerFactory<?, ?> breakers,
            BudgetServiceProperties properties, JsonMapper json, ObjectProvider<ObservationRegistry> observations) {
        this.http = ServiceRestClients.create(properties.timeout(), loadBalancer, observations);
        this.breaker = breakers.create(BREAKER);
        this.properties = properties;
        this.json = json;
    }

    /** The caller's view of the budget; never throws. */
    Answer budget(UUID budgetId) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return new Answer.NoSuchBudget();
        }
        return breaker.run(() -> call(token.getToken().getTokenValue(), budgetId), BudgetServiceClient::unavailable);
    }

    private Answer call(String bearerToken, UUID budgetId) {
        return http.get()
                .uri(properties.uri().resolve("/api/budgets/" + budgetId))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange((request, response) -> {
                    var status = response.getStatusCode().value();
                    if (status == 200) {
                        JsonNode body = json.readTree(response.getBody().readAllBytes());
                        var role = body.path("myRole").asString("");
                        var currency = body.path("currency").asString("");
                        if (role.isEmpty() || currency.isEmpty()) {
                            throw new IllegalStateException("budget-service answered 200 without myRole or currency");
                        }
                        return new Answer.Member(role, currency);
                    }
                    if (status == 404 || status == 403) {
                        return new Answer.NoSuchBudget();
                    }
                    throw new IllegalStateException("budget-service answered " + status);
                }, true);
    }

    private static Answer unavailable(Throwable failure) {
        log.warn("Asking budget-service about a budget failed: {}", failure.toString());
        return new Answer.Unavailable(failure.getClass().getSimpleName());
    }
}
