package dev.kitty.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks at a request body's declared type and size before anything reads it:
 * <ul>
 * <li>a JSON body whose {@code Content-Length} is over the limit: 413. Other bodies keep their own limits (the CSV
 * import its {@code max-import-size}); a chunked JSON body is cut off by Jackson's document length limit ({@link
 * JsonReadLimits}). Behind the gateway, which has the same limit, this guards a service's own port.</li>
 * <li>a wildcard {@code Content-Type} ({@code *}{@code /*}, {@code application/*}): 415. Spring MVC's request
 * headers refuse to hold one and threw an IllegalArgumentException, a 500, on every endpoint with a body.</li>
 * </ul>
 */
public class RequestBodyGuard extends OncePerRequestFilter {

    private final long maxJsonBody;
    private final JsonMapper json;

    public RequestBodyGuard(DataSize maxJsonBody, JsonMapper json) {
        this.maxJsonBody = maxJsonBody.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType type = parse(request.getContentType());
        if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
            EdgeProblems.write(response, json, EdgeProblems.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
            return;
        }
        if (type != null && isJson(type) && request.getContentLengthLong() > maxJsonBody) {
            // the body stays unread: Tomcat closes the connection rather than swallowing more than max-swallow-size
            EdgeProblems.write(response, json, EdgeProblems.forStatus(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than the " + maxJsonBody + " bytes this endpoint accepts."));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Null when absent or unparseable: Spring MVC answers an unparseable type with its own 415. */
    private static @Nullable MediaType parse(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        }
        catch (InvalidMediaTypeException ex) {
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        return "json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix());
    }
}
