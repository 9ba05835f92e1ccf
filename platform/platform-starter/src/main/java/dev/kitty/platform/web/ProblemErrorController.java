package dev.kitty.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page, in place of Boot's {@code BasicErrorController} and its whitelabel HTML: what
 * the container forwards to after a {@code sendError} (Tomcat refusing TRACE, a filter giving
 * up, an exception no handler caught) becomes a problem+json body, whatever the client accepts.
 * Called directly, without an error to report, it is simply not found.
 */
@Hidden // the container's error page, not an operation of the API
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = statusOf(request);
        var problem = EdgeProblems.forStatus(status);
        // the request that failed, not this page (which Spring would otherwise put there)
        problem.setInstance(instanceOf(request));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, status);
    }

    private static @Nullable URI instanceOf(HttpServletRequest request) {
        try {
            return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? URI.create(uri) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static HttpStatusCode statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400 && code <= 599) {
            return HttpStatusCode.valueOf(code);
        }
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.NOT_FOUND;
    }
}
