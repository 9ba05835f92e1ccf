package dev.kitty.transaction.membership;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how long to ask budget-service about a budget the replica does not know yet (ADR 14).
 *
 * @param uri     budget-service's base URI; {@code http://budget-service} is resolved through discovery
 * @param timeout for connecting and for the answer each; past it the client gets 503
 */
@ConfigurationProperties("kitty.transaction.budget-service")
record BudgetServiceProperties(@DefaultValue("http://budget-service") URI uri, @DefaultValue("2s") Duration timeout) {

    BudgetServiceProperties {
        Objects.requireNonNull(uri, "uri");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("kitty.transaction.budget-service.uri must be an http(s) URI");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("kitty.transaction.budget-service.timeout must be positive");
        }
    }
}
