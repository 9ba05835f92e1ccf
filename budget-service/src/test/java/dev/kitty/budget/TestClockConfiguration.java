package dev.kitty.budget;

import dev.kitty.platform.test.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The application's clock in every IT: one the tests move by hand (it replaces the platform's system clock). */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }
}
