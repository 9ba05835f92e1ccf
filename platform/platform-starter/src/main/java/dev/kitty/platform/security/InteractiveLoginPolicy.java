package dev.kitty.platform.security;

import dev.kitty.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link InteractiveLoginRequired} before the handler runs, once for every service, so
 * that no credential endpoint can forget the check.
 */
public final class InteractiveLoginPolicy implements HandlerInterceptor {

    /** The problem type a refused request gets. */
    public static final String PROBLEM = "interactive-login-required";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && requiresInteractiveLogin(method) && !interactive()) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, PROBLEM, "Interactive login required",
                    "Managing passwords, second factors, access tokens or the account needs a session from signing in "
                            + "with your password; a personal access token cannot do it.");
        }
        return true;
    }

    static boolean requiresInteractiveLogin(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), InteractiveLoginRequired.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), InteractiveLoginRequired.class);
    }

    /** Only a verified token can say so; a request without one is the resource server's to refuse (401). */
    private static boolean interactive() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return false;
        }
        List<String> methods = token.getToken().getClaimAsStringList(JwtPolicy.AUTHENTICATION_METHODS_CLAIM);
        return methods != null && methods.contains(JwtPolicy.AMR_PASSWORD);
    }
}
