package dev.kitty.gateway.internal;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Answers internal paths with the same 404 problem as a path no route knows, before routing: a
 * route's {@code /api/auth/**} must not open them. Matching is on the decoded, normalised path, so
 * {@code /api/auth/./exchange} or {@code /api/auth//exchange} find no way around it either.
 */
@Component
class InternalPathsFilter implements WebFilter, Ordered {

    private final List<PathPattern> internal;

    InternalPathsFilter(InternalPathsProperties properties) {
        this.internal = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var path = PathContainer.parsePath(normalised(exchange.getRequest().getPath().pathWithinApplication().value()));
        if (internal.stream().anyMatch(pattern -> pattern.matches(path))) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return chain.filter(exchange);
    }

    private static String normalised(String rawPath) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            decoded = rawPath; // not a path any route decodes to an internal one
        }
        var segments = new java.util.ArrayDeque<String>();
        for (var segment : decoded.split("/")) {
            var name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else {
                segments.add(name);
            }
        }
        return "/" + String.join("/", segments);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
