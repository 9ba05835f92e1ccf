package dev.kitty.platform.security;

import dev.kitty.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the bearer-token filter does when authentication fails. A token that could not be checked at all
 * ({@link AuthenticationServiceException}: the decoder could not fetch auth-service's keys, e.g. no instance
 * registered yet or the JWKS host down) is the server's problem, not the caller's: 503 problem+json with
 * {@code Retry-After}. Every other failure (bad signature, expired, wrong audience...) goes to the entry point's 401.
 */
final class UnverifiableTokenHandler implements AuthenticationFailureHandler {

    /** The slug of the 503's {@code type}. */
    static final String SLUG = "token-verification-unavailable";

    /** About one registry refresh of the Eureka client (5 s): by then a freshly registered auth-service is found. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(UnverifiableTokenHandler.class);

    private final JsonMapper json;
    private final AuthenticationEntryPoint entryPoint;

    UnverifiableTokenHandler(JsonMapper json, AuthenticationEntryPoint entryPoint) {
        this.json = json;
        this.entryPoint = entryPoint;
    }

    /** Installs the handler on the resource server's {@link BearerTokenAuthenticationFilter}. */
    static ObjectPostProcessor<BearerTokenAuthenticationFilter> installOnBearerFilter(JsonMapper json,
            AuthenticationEntryPoint entryPoint) {
        var handler = new UnverifiableTokenHandler(json, entryPoint);
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(handler);
                return filter;
            }
        };
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
        if (!(exception instanceof AuthenticationServiceException)) {
            entryPoint.commence(request, response, exception);
            return;
        }
        log.warn("Cannot check an access token for {} {}: {}", request.getMethod(), request.getRequestURI(),
                exception.getMessage());
        var seconds = RETRY_AFTER.toSeconds();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The access token cannot be checked right now. Try again shortly.");
        problem.setType(ApiProblem.type(SLUG));
        problem.setTitle("Service unavailable");
        problem.setProperty("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
