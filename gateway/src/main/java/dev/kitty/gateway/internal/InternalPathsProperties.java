package dev.kitty.gateway.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paths path patterns answered with 404 at the edge, whatever route would match them: auth-service's
 *              credential exchange is the gateway's helper for HTTP Basic, not an API, and {@code /api/auth/internal/**}
 *              is for other services only (user-service's account deletion approvals, docs/adr/0012)
 */
@ConfigurationProperties("kitty.gateway.internal")
public record InternalPathsProperties(@DefaultValue({"/api/auth/exchange", "/api/auth/exchange/**",
        "/api/auth/internal", "/api/auth/internal/**"}) List<String> paths) {

    public InternalPathsProperties {
        paths = List.copyOf(paths);
    }
}
