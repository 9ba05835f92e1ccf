package dev.kitty.gateway.error;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import reactor.netty.http.client.PrematureCloseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers every failure the gateway itself produces (no route, no registered instance,
 * instance unreachable, timeout, a request the {@link EdgeFirewall} refused) with
 * {@code application/problem+json}, whatever the client accepts. Runs before Boot's error
 * handler, which would render a whitelabel page for browsers.
 * Responses that come from a service are passed through untouched: they never reach here.
 */
@Component
@Order(-2)
class ProblemJsonExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);

    /** About how long an instance takes to be listed again, or gone from the load balancer's cache. */
    static final String RETRY_AFTER_SECONDS = "2";

    private final ServerResponse.Context context;

    ProblemJsonExceptionHandler(ServerCodecConfigurer codecs) {
        var writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        var problem = problemFor(ex, exchange.getRequest().getPath().value());
        if (ex instanceof ResponseStatusException status) {
            exchange.getResponse().getHeaders().addAll(status.getHeaders()); // e.g. Allow on a 405
        }
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE.value() || problem.status() == HttpStatus.BAD_GATEWAY.value()) {
            // an instance restarting, gone or not yet registered: a short wait is all a client needs, and it should know
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return ServerResponse.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    private static Problem problemFor(Throwable ex, String path) {
        return switch (ex) {
            case ResponseStatusException status -> fromStatus(status, path);
            case ServerExchangeRejectedException rejected -> {
                log.debug("Firewall rejected {}: {}", path, rejected.getMessage());
                yield Problem.of(HttpStatus.BAD_REQUEST, Problem.defaultDetail(HttpStatus.BAD_REQUEST), path);
            }
            // an instance still listed in the registry but gone (stopped, restarting)
            case Throwable unreachable when unreachable instanceof ConnectException
                    || unreachable instanceof UnknownHostException -> {
                log.warn("Service instance unreachable for {}: {}", path, ex.toString());
                yield Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                        "The service for this path is not reachable right now. Try again shortly.", path);
            }
            // the instance went away with the request in flight (stopped, killed): it may or may not have been carried
            // out, so not a 503, which says it was not (fault scenario F11 found it answered 500)
            case PrematureCloseException closed -> {
                log.warn("Service instance closed the connection before answering {}: {}", path, closed.toString());
                yield Problem.of(HttpStatus.BAD_GATEWAY, "The service closed the connection before answering. The request "
                        + "may or may not have been carried out: repeat it with the same Idempotency-Key, or check first.", path);
            }
            default -> {
                log.error("Gateway failure on {}", path, ex);
                yield Problem.of(HttpStatus.INTERNAL_SERVER_ERROR,
                        "Something went wrong in the gateway. It has been logged.", path);
            }
        };
    }

    private static Problem fromStatus(ResponseStatusException ex, String path) {
        var status = HttpStatus.resolve(ex.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        var detail = switch (status) {
            case NOT_FOUND -> "No resource at this path.";
            // the load balancer's answer while the service has no registered instance yet
            case SERVICE_UNAVAILABLE -> "The service for this path is not available right now. Try again shortly.";
            case GATEWAY_TIMEOUT -> "The service did not answer in time.";
            default -> ex.getReason() != null ? ex.getReason() : Problem.defaultDetail(status);
        };
        return Problem.of(status, detail, path);
    }
}
