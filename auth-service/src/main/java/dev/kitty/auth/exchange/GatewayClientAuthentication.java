package dev.kitty.auth.exchange;

import dev.kitty.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The exchange trades a user's password for a token without a second factor check of its own, so
 * it is the gateway's alone: the gateway does not route it, and here it is refused to anyone who
 * does not present the gateway's client credential, before the body is even read. The source
 * address proves nothing (every pod in a cluster shares the internal ranges).
 */
class GatewayClientAuthentication implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(GatewayClientAuthentication.class);

    private final ExchangeProperties properties;
    private final byte @Nullable [] expected;

    GatewayClientAuthentication(ExchangeProperties properties) {
        this.properties = properties;
        this.expected = properties.enabled()
                ? (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8)
                : null;
        if (!properties.enabled()) {
            log.warn("kitty.auth.exchange.client-secret (KITTY_EXCHANGE_CLIENT_SECRET) is not set: the credential exchange is off,"
                    + " so HTTP Basic through the gateway cannot work");
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (expected == null) {
            throw ApiProblem.notFound("No such endpoint.");
        }
        var presented = decode(request.getHeader(HttpHeaders.AUTHORIZATION));
        // constant time, so the secret cannot be guessed byte by byte from response times
        if (presented == null || !MessageDigest.isEqual(presented, expected)) {
            log.warn("Refused a credential exchange from {} without the gateway's client credential", request.getRemoteAddr());
            var problem = ApiProblem.of(HttpStatus.UNAUTHORIZED, "invalid-client", "Unauthorized",
                    "Only the gateway may exchange credentials.");
            problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kitty-internal\"");
            throw problem;
        }
        return true;
    }

    private static byte @Nullable [] decode(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
