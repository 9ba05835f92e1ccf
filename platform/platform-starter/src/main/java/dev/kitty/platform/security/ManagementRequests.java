package dev.kitty.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Actuator requests that need no token. With a management port of its own ({@code management.server.port}, for the
 * internal network only), everything that port serves; and on the public port the whole {@code /actuator/**} path
 * space, where only the health paths answer, so that anything else is a plain 404 rather than a 401 hinting that
 * something is there. Without a separate management port, nothing beyond the always-public health paths.
 */
final class ManagementRequests implements RequestMatcher {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private static final RequestMatcher ACTUATOR = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

    @Override
    public boolean matches(HttpServletRequest request) {
        var context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        if (context == null) {
            return false;
        }
        if (WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT_NAMESPACE)) {
            return true;
        }
        return ManagementPortType.get(context.getEnvironment()) == ManagementPortType.DIFFERENT && ACTUATOR.matches(request);
    }

    @Override
    public String toString() {
        return "ManagementRequests[management server, or /actuator/** while management has a port of its own]";
    }
}
