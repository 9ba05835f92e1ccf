package dev.kitty.user.deletion;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how long to ask auth-service for a deletion approval.
 *
 * @param uri     auth-service's approval endpoint; {@code http://auth-service/...} is resolved through discovery
 * @param timeout for connecting and for the answer each; past it the client gets 503
 */
@ConfigurationProperties("kitty.user.deletion-approval")
record DeletionApprovalProperties(
        @DefaultValue("http://auth-service/api/auth/internal/account-deletion-approvals") URI uri,
        @DefaultValue("3s") Duration timeout) {

    DeletionApprovalProperties {
        Objects.requireNonNull(uri, "uri");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("kitty.user.deletion-approval.uri must be an http(s) URI");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("kitty.user.deletion-approval.timeout must be positive");
        }
    }
}
