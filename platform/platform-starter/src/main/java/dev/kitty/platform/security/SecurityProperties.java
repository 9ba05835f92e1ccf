package dev.kitty.platform.security;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks access tokens.
 *
 * @param issuer      the only accepted {@code iss}: the public base URL of the system
 * @param audience    a token must name this in {@code aud}
 * @param jwkSetUri   where auth-service publishes its keys; {@code lb://auth-service/...} resolves through discovery
 * @param publicPaths request paths that need no token (health and API docs are always public)
 */
@ConfigurationProperties("kitty.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("kitty-api") String audience,
        @DefaultValue("lb://auth-service/oauth2/jwks") URI jwkSetUri,
        @DefaultValue List<String> publicPaths) {
}
