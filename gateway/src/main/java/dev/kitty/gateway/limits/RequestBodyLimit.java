package dev.kitty.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body over {@link LimitsProperties#maxBodySize()} (the CSV import: {@link
 * LimitsProperties#maxImportSize()}) with a 413 problem: at once when {@code Content-Length} says so (before a byte
 * of it is read or forwarded; a client sending {@code Expect: 100-continue} never sends it), and for a chunked body
 * as soon as the count passes the limit. The gateway streams bodies to the services, so without this a 20 MB JSON
 * body reached the service whole.
 */
@Component
class RequestBodyLimit implements WebFilter, Ordered {

    private static final PathPattern IMPORT = PathPatternParser.defaultInstance.parse("/api/budgets/*/transactions/import");

    private final LimitsProperties limits;

    RequestBodyLimit(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = (IMPORT.matches(request.getPath().pathWithinApplication()) ? limits.maxImportSize() : limits.maxBodySize()).toBytes();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(tooLarge(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        var counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                var seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static ResponseStatusException tooLarge(long limit) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes this endpoint accepts.");
    }

    /** Right after the {@code EdgeFirewall}, before anything reads or forwards the body. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
