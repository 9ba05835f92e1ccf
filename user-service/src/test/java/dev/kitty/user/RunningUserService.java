package dev.kitty.user;

import dev.kitty.platform.test.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * user-service on a random port over real PostgreSQL and Kafka, with {@link StubAuthService} as the only
 * {@code auth-service} instance discovery knows. The integration tests that extend it share this one configuration,
 * so they share one cached application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kitty.messaging.retry-backoff=50ms",
        "kitty.messaging.retry-attempts=2",
        // @EmbeddedInfrastructure switches discovery off; the simple discovery client (no Eureka) is what resolves
        // http://auth-service here
        "spring.cloud.discovery.enabled=true"})
@EmbeddedInfrastructure
abstract class RunningUserService {

    static final StubAuthService AUTH_SERVICE = StubAuthService.start();

    @DynamicPropertySource
    static void authService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri", AUTH_SERVICE::uri);
    }
}
