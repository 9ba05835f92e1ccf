package dev.kitty.gateway.identity;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request headers that claim who the caller is. Clients may not set them: the caller's
 * identity travels only as a token the services verify themselves.
 *
 * @param strippedPrefixes header name prefixes removed from every routed request (case-insensitive)
 * @param stripped         exact header names removed from every routed request (case-insensitive)
 */
@ConfigurationProperties("kitty.gateway.identity-headers")
public record IdentityHeaderProperties(
        @DefaultValue("X-User-") List<String> strippedPrefixes,
        @DefaultValue({"X-Authenticated-User", "X-Remote-User", "Remote-User", "X-Forwarded-User", "X-Forwarded-Email"})
        List<String> stripped) {

    public IdentityHeaderProperties {
        strippedPrefixes = strippedPrefixes.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        stripped = stripped.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    boolean strips(String headerName) {
        var name = headerName.toLowerCase(Locale.ROOT);
        return stripped.contains(name) || strippedPrefixes.stream().anyMatch(name::startsWith);
    }
}
