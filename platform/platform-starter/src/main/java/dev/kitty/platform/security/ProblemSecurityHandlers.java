package dev.kitty.platform.security;

import dev.kitty.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem+json. The 401 keeps the RFC 6750 {@code WWW-Authenticate}
 * header; its body never says why a token was refused (expired, bad signature...), which
 * would only help an attacker.
 */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static AuthenticationEntryPoint entryPoint(JsonMapper json) {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(json, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid access token is required: Authorization: Bearer <token>.");
        };
    }

    static AccessDeniedHandler accessDeniedHandler(JsonMapper json) {
        return (request, response, exception) -> write(json, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are not allowed to do this.");
    }

    private static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String slug, String title,
            String detail) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ApiProblem.type(slug));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
