package dev.kitty.gateway.forwarding;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services where a request really came from, as seen by the gateway.
 *
 * <p>Without {@code spring.cloud.gateway.server.webflux.trusted-proxies} the stock filters
 * remove every client-sent {@code X-Forwarded-*} header (a client could otherwise pick its own
 * address and dodge per-address login throttling) and add none back, so services would build
 * {@code Location} URLs and OpenAPI server URLs with their own host and see the gateway as
 * every caller. This filter runs after them and fills in only what is still missing: when an
 * operator puts a trusted proxy in front and sets {@code trusted-proxies}, the stock filter's
 * values are left alone.
 */
@Component
class EdgeForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        var request = exchange.getRequest();
        var uri = request.getURI();
        var headers = new HttpHeaders();
        headers.addAll(input);
        var remote = request.getRemoteAddress();
        if (remote != null) {
            setIfAbsent(headers, "X-Forwarded-For", remote.getHostString());
        }
        var scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        var port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        setIfAbsent(headers, "X-Forwarded-Proto", scheme);
        if (uri.getHost() != null) {
            setIfAbsent(headers, "X-Forwarded-Host", uri.getPort() >= 0 ? uri.getHost() + ":" + port : uri.getHost());
        }
        setIfAbsent(headers, "X-Forwarded-Port", Integer.toString(port));
        return headers;
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
