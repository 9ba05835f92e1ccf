package dev.kitty.gateway.error;

import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The first thing every request meets: what the services' Tomcat and Spring Security firewall
 * refuse is refused here too, before routing, so that nothing a service would call malformed is
 * forwarded in a form the service never sees (the gateway re-encodes what it forwards) and
 * nothing reaches the gateway's own endpoints in a shape they choke on ({@code
 * /actuator/health/..%2f} used to be a 500). Spring Security's {@link
 * StrictServerWebExchangeFirewall} checks the target (encoded dots, slashes, backslashes,
 * percent signs and NUL, {@code ;}, {@code //}, dot segments, non-printable characters) and
 * header names and values; this filter adds the method, the HTTP version and the Host header,
 * which Reactor Netty accepts more freely than RFC 9110/9112 allow. Rejections become problems in
 * {@link ProblemJsonExceptionHandler}.
 */
@Component
class EdgeFirewall implements WebFilter, Ordered {

    /** The methods the API serves; the services' platform serves the same ones. */
    static final Set<HttpMethod> SERVED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    /** Defined by HTTP but not served: 405 rather than the 501 of a method nobody defined. */
    private static final Set<HttpMethod> KNOWN_METHODS = Set.of(HttpMethod.TRACE, HttpMethod.valueOf("CONNECT"));

    private final StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();

    EdgeFirewall() {
        firewall.setAllowedHttpMethods(SERVED_METHODS);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        var method = request.getMethod();
        if (!SERVED_METHODS.contains(method)) {
            return Mono.error(KNOWN_METHODS.contains(method)
                    ? new MethodNotAllowedException(method, SERVED_METHODS)
                    : new ResponseStatusException(HttpStatus.NOT_IMPLEMENTED, "This method is not supported."));
        }
        if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest nativeRequest) {
            var version = nativeRequest.version();
            if (version.majorVersion() != 1 || version.minorVersion() > 1) {
                return Mono.error(new ResponseStatusException(HttpStatus.HTTP_VERSION_NOT_SUPPORTED,
                        "This HTTP version is not supported; use HTTP/1.1."));
            }
            var hosts = request.getHeaders().getOrEmpty(HttpHeaders.HOST).size();
            if (hosts > 1 || (hosts == 0 && version.minorVersion() == 1)) {
                // RFC 9112 section 3.2: exactly one Host in an HTTP/1.1 request
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "An HTTP/1.1 request needs exactly one Host header."));
            }
        }
        return firewall.getFirewalledExchange(exchange).flatMap(chain::filter);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
