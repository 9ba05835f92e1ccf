package dev.kitty.platform.security;

import dev.kitty.platform.web.EdgeProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers what Spring Security's {@code StrictHttpFirewall} refuses (encoded dots or slashes,
 * {@code //}, {@code ;} path parameters, control characters in headers, unknown methods) with a
 * problem instead of a {@code sendError} to Boot's error page. A method the API does not serve
 * is 405 if HTTP defines it and 501 if nobody does; everything else is 400.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    private final JsonMapper json;

    ProblemRequestRejectedHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Rejected {} request: {}", request.getMethod(), rejected.getMessage());
        var method = request.getMethod();
        var status = EdgeProblems.SERVED_METHODS.contains(method) ? HttpStatus.BAD_REQUEST : EdgeProblems.statusForRefusedMethod(method);
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            response.setHeader(HttpHeaders.ALLOW, EdgeProblems.allowedMethods());
        }
        EdgeProblems.write(response, json, EdgeProblems.forStatus(status));
    }
}
