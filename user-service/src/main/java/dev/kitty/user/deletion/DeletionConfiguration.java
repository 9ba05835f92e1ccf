package dev.kitty.user.deletion;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeletionApprovalProperties.class)
class DeletionConfiguration {

    /**
     * Opens after half of the last 20 approvals failed (at least 10 seen) and probes again after 10 s, like the
     * gateway's breaker around auth-service's exchange. No time limiter: the HTTP client's timeouts bound each call,
     * and the call stays on the request's thread (application.yml).
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> deletionApprovalCircuitBreaker() {
        return factory -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .build()), DeletionApprovalClient.BREAKER);
    }
}
