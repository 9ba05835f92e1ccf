package dev.kitty.gateway.basic;

import dev.kitty.gateway.basic.AuthorizationHeader.BasicCredentials;
import dev.kitty.gateway.basic.AuthorizationHeader.MalformedBasic;
import dev.kitty.gateway.basic.AuthorizationHeader.NotBasic;
import dev.kitty.gateway.basic.BasicTokenCache.Lookup;
import dev.kitty.gateway.basic.ExchangeOutcome.Issued;
import dev.kitty.gateway.basic.ExchangeOutcome.Refused;
import dev.kitty.gateway.basic.ExchangeOutcome.Unavailable;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Turns {@code Authorization: Basic} into {@code Authorization: Bearer <jwt>} before a request is
 * routed, so services stay pure resource servers and never see a password.
 *
 * <p>Runs right after the identity-header filter, before routing. A Bearer token (or no
 * credentials) passes untouched; a Basic header never goes downstream: it is exchanged and
 * replaced, stripped (public paths), or answered with a problem here.
 */
@Component
class BasicAuthFilter implements GlobalFilter, Ordered {

    /** After {@code IdentityHeaderFilter} (highest precedence), long before routing (10 000+). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final BasicAuthProperties properties;
    private final CredentialKeys keys;
    private final BasicTokenCache tokens;
    private final BasicAuthResponses responses;
    private final List<PathPattern> publicPaths;

    BasicAuthFilter(BasicAuthProperties properties, CredentialKeys keys, BasicTokenCache tokens,
            BasicAuthResponses responses) {
        this.properties = properties;
        this.keys = keys;
        this.tokens = tokens;
        this.responses = responses;
        this.publicPaths = properties.publicPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var header = AuthorizationHeader.of(exchange.getRequest().getHeaders());
        if (header instanceof NotBasic) {
            return chain.filter(exchange);
        }
        if (isPublic(exchange)) {
            // these endpoints need no credentials; exchanging would only cost auth-service a call
            var stripped = exchange.getRequest().mutate().headers(h -> h.remove(HttpHeaders.AUTHORIZATION)).build();
            return chain.filter(exchange.mutate().request(stripped).build());
        }
        return switch (header) {
            case NotBasic notBasic -> chain.filter(exchange);
            case MalformedBasic malformed -> responses.malformed(exchange, malformed.reason());
            case BasicCredentials ignored when !properties.enabled() ->
                    responses.malformed(exchange, "HTTP Basic is not accepted here. Send a Bearer token.");
            case BasicCredentials credentials -> exchangeAndRelay(exchange, chain, credentials);
        };
    }

    private boolean isPublic(ServerWebExchange exchange) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        return publicPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private Mono<Void> exchangeAndRelay(ServerWebExchange exchange, GatewayFilterChain chain,
            BasicCredentials credentials) {
        var remote = exchange.getRequest().getRemoteAddress();
        var lookup = tokens.lookup(keys.keyFor(credentials), credentials, remote == null ? null : remote.getHostString());
        // one caller hanging up must not cancel the exchange others are waiting for
        return Mono.fromFuture(lookup.outcome(), true)
                .onErrorResume(failure -> Mono.just(new Unavailable(failure.toString())))
                .flatMap(outcome -> switch (outcome) {
                    case Issued issued -> relay(exchange, chain, lookup, issued.token());
                    case Refused refused -> responses.refused(exchange, refused);
                    case Unavailable ignored -> responses.unavailable(exchange);
                });
    }

    private Mono<Void> relay(ServerWebExchange exchange, GatewayFilterChain chain, Lookup lookup, AccessToken token) {
        var withBearer = exchange.getRequest().mutate().headers(h -> h.setBearerAuth(token.value())).build();
        return chain.filter(exchange.mutate().request(withBearer).build())
                .doFinally(signal -> {
                    // revoked PAT, locked or deleted account: stop reusing the token at once
                    var status = exchange.getResponse().getStatusCode();
                    if (status != null && status.value() == HttpStatus.UNAUTHORIZED.value()) {
                        tokens.invalidate(lookup);
                    }
                });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
