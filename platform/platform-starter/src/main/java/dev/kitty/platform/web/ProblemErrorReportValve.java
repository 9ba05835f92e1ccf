package dev.kitty.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request, as problem+json instead of its HTML error page: requests
 * Tomcat refuses while parsing (bad request line, header line, framing, URI, HTTP version, too
 * large) never reach Spring, and Tomcat answers them through its host's error report valve.
 * Also answers any other error response that left the container without a body.
 *
 * <p>Tomcat reports both an over-long request line and over-large headers as 400 "Request header
 * is too large"; this valve tells them apart (was the request target parsed?) and answers 414 or
 * 431 as RFC 9110 and RFC 6585 name them.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    /** The message Tomcat's HTTP/1.1 parser throws with, in the JVM's locale as Tomcat uses it. */
    private static final String HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    private final JsonMapper json;

    public ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        var status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var answer = HttpStatusCode.valueOf(status == 400 && isHeaderTooLarge(throwable) ? tooLargeStatus(request) : status);
        try {
            response.resetBuffer();
            response.setStatus(answer.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(EdgeProblems.members(EdgeProblems.forStatus(answer))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell anyone
        }
    }

    private static boolean isHeaderTooLarge(@Nullable Throwable throwable) {
        return throwable instanceof IllegalArgumentException && HEADER_TOO_LARGE.equals(throwable.getMessage());
    }

    /** The buffer ran out before the request target was complete: the target is what was too long. */
    private static int tooLargeStatus(Request request) {
        return request.getCoyoteRequest().requestURI().isNull()
                ? HttpStatus.URI_TOO_LONG.value() : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
    }
}
