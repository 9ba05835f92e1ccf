package dev.kitty.gateway.identity;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Drops client-sent identity headers before anything else sees the request. Services never
 * trust such headers anyway; removing them at the edge keeps a future gateway filter (the
 * HTTP Basic to JWT exchange runs after this one) from being confused by a forged value.
 */
@Component
class IdentityHeaderFilter implements GlobalFilter, Ordered {

    private final IdentityHeaderProperties properties;

    IdentityHeaderFilter(IdentityHeaderProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var forged = exchange.getRequest().getHeaders().headerNames().stream().filter(properties::strips).toList();
        if (forged.isEmpty()) {
            return chain.filter(exchange);
        }
        var cleaned = exchange.getRequest().mutate().headers(headers -> forged.forEach(headers::remove)).build();
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
