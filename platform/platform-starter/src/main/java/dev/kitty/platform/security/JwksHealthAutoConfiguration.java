package dev.kitty.platform.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The {@code jwks} health indicator (part of the readiness group), for services whose decoder the platform builds
 * from {@code kitty.security.jwk-set-uri}. Runs before {@link ResourceServerAutoConfiguration}, so a service that
 * declares a {@link JwtDecoder} of its own (auth-service reads its own key store) gets none: it has nothing to fetch.
 */
@AutoConfiguration(before = ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnEnabledHealthIndicator("jwks")
@ConditionalOnMissingBean(JwtDecoder.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class JwksHealthAutoConfiguration {

    /** Short: a readiness probe waits for it. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    JwksHealthIndicator jwksHealthIndicator(SecurityProperties properties,
            ObjectProvider<LoadBalancerInterceptor> loadBalancer) {
        var client = JwkSetClient.create(properties.jwkSetUri(), loadBalancer.getIfAvailable(), FETCH_TIMEOUT);
        return new JwksHealthIndicator(client, Clock.systemUTC());
    }
}
