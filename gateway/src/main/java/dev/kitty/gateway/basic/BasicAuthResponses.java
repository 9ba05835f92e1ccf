package dev.kitty.gateway.basic;

import dev.kitty.gateway.basic.ExchangeOutcome.Refused;
import dev.kitty.gateway.error.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The answers the gateway gives itself when Basic credentials cannot become a token. */
@Component
class BasicAuthResponses {

    /** When auth-service throttles without saying for how long: a client must still be told to wait. */
    private static final String DEFAULT_RETRY_AFTER = "1";
    private static final String UNAVAILABLE_RETRY_AFTER = "5";

    private final JsonMapper json;
    private final String challenge;

    BasicAuthResponses(JsonMapper json, BasicAuthProperties properties) {
        this.json = json;
        // RFC 7617: announce that credentials are decoded as UTF-8
        this.challenge = "Basic realm=\"" + properties.realm() + "\", charset=\"UTF-8\"";
    }

    Mono<Void> malformed(ServerWebExchange exchange, String reason) {
        return write(exchange, problem(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", reason));
    }

    /** Relays auth-service's refusal (its problem body as it is), with the challenge or the wait. */
    Mono<Void> refused(ServerWebExchange exchange, Refused refused) {
        var response = exchange.getResponse();
        var headers = response.getHeaders();
        var status = refused.status();
        if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            headers.set(HttpHeaders.RETRY_AFTER, refused.retryAfter() != null ? refused.retryAfter() : DEFAULT_RETRY_AFTER);
        }
        var type = refused.contentType();
        if (refused.body().length > 0 && type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            prepare(exchange, status);
            headers.setContentType(type);
            var body = aboutThisRequest(refused.body(), exchange.getRequest().getPath().value());
            return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
        }
        return write(exchange, switch (HttpStatus.resolve(status.value())) {
            case TOO_MANY_REQUESTS -> problem(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "Too many attempts with these credentials. Try again later.");
            case FORBIDDEN -> problem(exchange, HttpStatus.FORBIDDEN, "forbidden",
                    "These credentials may not be used here.");
            case null, default -> problem(exchange, HttpStatus.UNAUTHORIZED, "invalid-credentials",
                    "The email or the password or access token is not valid.");
        });
    }

    /**
     * auth-service's problem names its own endpoint as {@code instance}; the client asked for
     * another path and never called that one. Anything but a JSON object is relayed unchanged.
     */
    private byte[] aboutThisRequest(byte[] problem, String path) {
        try {
            if (json.readTree(problem) instanceof ObjectNode object) {
                object.put("instance", path);
                return json.writeValueAsBytes(object);
            }
        } catch (JacksonException unreadable) {
            // relayed as it came
        }
        return problem;
    }

    Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER);
        return write(exchange, problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Basic credentials cannot be checked right now. Try again shortly or send a Bearer token."));
    }

    private static Problem problem(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        return Problem.of(status, slug, detail, exchange.getRequest().getPath().value());
    }

    private Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        var response = exchange.getResponse();
        prepare(exchange, HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }

    private void prepare(ServerWebExchange exchange, HttpStatusCode status) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        // an answer about credentials must not be stored by any cache on the way
        response.getHeaders().setCacheControl("no-store");
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
    }
}
