package dev.kitty.transaction;

import dev.kitty.platform.test.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's clock in every IT: one the tests move by hand (it replaces the platform's system clock); and a
 * recorder of the in-transaction domain events.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }

    @Bean
    RecordedDomainEvents recordedDomainEvents() {
        return new RecordedDomainEvents();
    }
}
