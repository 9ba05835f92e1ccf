package dev.kitty.auth.account;

import dev.kitty.auth.config.AuthProperties;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

    static final String ARGON2 = "argon2";

    /**
     * Argon2id with explicit cost, behind an {@code {argon2}} prefix: a later change of
     * algorithm or cost is recognised per hash ({@code upgradeEncoding}) and applied at the
     * user's next login, when the plain password is at hand.
     */
    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties) {
        var cost = properties.passwordHashing();
        var argon2 = new Argon2PasswordEncoder(16, 32, cost.parallelism(), cost.memoryKib(), cost.iterations());
        return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2));
    }
}
