package dev.kitty.transaction.membership;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetServiceProperties.class)
class MembershipConfiguration {

    /**
     * Opens after half of the last 20 calls failed (at least 10 seen) and probes again after 10 s, like user-service's
     * breaker around auth-service. No time limiter: the HTTP client's timeouts bound each call (application.yml).
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> budgetServiceCircuitBreaker() {
        return factory -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .build()), BudgetServiceClient.BREAKER);
    }
}
