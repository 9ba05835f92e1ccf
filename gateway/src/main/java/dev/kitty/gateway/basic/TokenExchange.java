package dev.kitty.gateway.basic;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kitty.gateway.basic.AuthorizationHeader.BasicCredentials;
import dev.kitty.gateway.basic.ExchangeOutcome.Issued;
import dev.kitty.gateway.basic.ExchangeOutcome.Refused;
import dev.kitty.gateway.basic.ExchangeOutcome.Unavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Calls auth-service's {@code POST /api/auth/exchange} through the load balancer, behind a
 * circuit breaker, so a failing auth-service costs callers an immediate 503 instead of a timeout each.
 *
 * <p>Refusals (401, 403, 429) are answers, not failures: they complete normally inside the
 * breaker and never open it, or a burst of wrong passwords would lock everybody out.
 */
@Component
class TokenExchange {

    static final String BREAKER = "auth-exchange";

    private static final Logger log = LoggerFactory.getLogger(TokenExchange.class);

    private final WebClient client;
    private final ReactiveCircuitBreaker breaker;
    private final BasicAuthProperties properties;
    /** {@code Basic base64(clientId:clientSecret)}: the exchange is auth-service's service to the gateway alone. */
    private final @Nullable String clientAuthorization;
    private final Counter issued;
    private final Counter refused;
    private final Counter unavailable;

    TokenExchange(@LoadBalanced WebClient.Builder loadBalanced, ReactiveCircuitBreakerFactory<?, ?> breakers,
            BasicAuthProperties properties, MeterRegistry registry) {
        var timeout = properties.exchangeTimeout();
        var http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                .responseTimeout(timeout);
        this.client = loadBalanced.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.breaker = breakers.create(BREAKER);
        this.properties = properties;
        this.clientAuthorization = properties.exchangeClientSecret() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((properties.exchangeClientId() + ":" + properties.exchangeClientSecret())
                        .getBytes(StandardCharsets.UTF_8));
        if (clientAuthorization == null) {
            log.warn("kitty.gateway.basic.exchange-client-secret (KITTY_EXCHANGE_CLIENT_SECRET) is not set: auth-service will refuse"
                    + " every HTTP Basic exchange");
        }
        this.issued = exchanges(registry, "issued");
        this.refused = exchanges(registry, "refused");
        this.unavailable = exchanges(registry, "unavailable");
    }

    private static Counter exchanges(MeterRegistry registry, String outcome) {
        return Counter.builder("kitty.gateway.basic.exchanges")
                .description("Calls to auth-service's token exchange for HTTP Basic credentials, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * Emits the outcome; never fails (a failure is {@link Unavailable}).
     *
     * @param clientAddress the caller's address, sent as {@code X-Forwarded-For}: auth-service
     *                      throttles failed attempts per address, and without it every Basic
     *                      caller would share the gateway's address, so one attacker guessing
     *                      passwords would get every Basic user throttled
     */
    Mono<ExchangeOutcome> exchange(BasicCredentials credentials, @Nullable String clientAddress) {
        Mono<ExchangeOutcome> call = client.post()
                .uri(properties.exchangeUri())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> {
                    if (clientAddress != null) {
                        headers.set("X-Forwarded-For", clientAddress);
                    }
                    if (clientAuthorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, clientAuthorization);
                    }
                })
                .bodyValue(new ExchangeRequest(credentials.email(), credentials.secret()))
                .exchangeToMono(TokenExchange::outcomeOf);
        return breaker.run(call, TokenExchange::unavailable)
                .doOnNext(outcome -> (switch (outcome) {
                    case Issued ignored -> issued;
                    case Refused ignored -> refused;
                    case Unavailable ignored -> unavailable;
                }).increment());
    }

    private static Mono<ExchangeOutcome> unavailable(Throwable failure) {
        // the message names the status or the I/O failure, never the credentials
        var reason = failure instanceof AuthServiceUnavailableException known ? known.getMessage() : failure.toString();
        log.warn("HTTP Basic token exchange failed: {}", reason);
        return Mono.just(new Unavailable(reason));
    }

    private static Mono<ExchangeOutcome> outcomeOf(ClientResponse response) {
        var status = response.statusCode();
        if (status.is2xxSuccessful()) {
            return response.bodyToMono(ExchangeResponse.class)
                    .<ExchangeOutcome>handle((body, sink) -> {
                        var token = body.toToken();
                        if (token == null) {
                            sink.error(new AuthServiceUnavailableException("auth-service answered an unusable token"));
                        } else {
                            sink.next(new Issued(token));
                        }
                    })
                    .switchIfEmpty(Mono.error(() -> new AuthServiceUnavailableException("auth-service answered no token")));
        }
        if (status.value() == 401 && response.headers().header(HttpHeaders.WWW_AUTHENTICATE).stream()
                .anyMatch(challenge -> challenge.regionMatches(true, 0, "Basic", 0, 5))) {
            // the gateway's own client credential was refused: a deployment fault, never the caller's
            return response.releaseBody().then(Mono.error(new AuthServiceUnavailableException(
                    "auth-service refused the gateway's client credential: check KITTY_EXCHANGE_CLIENT_SECRET on both")));
        }
        return switch (HttpStatus.resolve(status.value())) {
            case UNAUTHORIZED, FORBIDDEN, TOO_MANY_REQUESTS -> response.bodyToMono(byte[].class)
                    .defaultIfEmpty(new byte[0])
                    .map(body -> new Refused(status, response.headers().contentType().orElse(null), body,
                            response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
            // the credentials' shape was refused (say, not an email): to the client, simply wrong credentials
            case BAD_REQUEST, UNPROCESSABLE_CONTENT -> response.releaseBody()
                    .thenReturn(new Refused(HttpStatus.UNAUTHORIZED, null, new byte[0], null));
            // 404, 405, 5xx, ...: auth-service (or its deployment) is at fault, not the caller
            case null, default -> response.releaseBody().then(Mono.error(
                    new AuthServiceUnavailableException("auth-service answered " + status.value())));
        };
    }

    /** The body auth-service expects. */
    record ExchangeRequest(String email, String secret) {

        @Override
        public String toString() {
            return "ExchangeRequest[email=" + email + ", secret=(hidden)]";
        }
    }

    /** auth-service's answer: standard OAuth2 token response names; unknown fields are ignored. */
    record ExchangeResponse(
            @JsonProperty("access_token") @Nullable String accessToken,
            @JsonProperty("token_type") @Nullable String tokenType,
            @JsonProperty("expires_in") @Nullable Long expiresIn) {

        /** The token, or null when the answer cannot be relayed as a Bearer token. */
        @Nullable AccessToken toToken() {
            if (accessToken == null || accessToken.isBlank() || !"Bearer".equalsIgnoreCase(tokenType)
                    || expiresIn == null || expiresIn <= 0
                    || accessToken.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
                return null;
            }
            var claims = IssuedClaims.of(accessToken);
            if (claims == null) {
                return null;
            }
            return new AccessToken(accessToken, Duration.ofSeconds(expiresIn), claims.subject(), claims.issuedAt(), claims.session());
        }

        @Override
        public String toString() {
            return "ExchangeResponse[accessToken=(hidden), tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}
