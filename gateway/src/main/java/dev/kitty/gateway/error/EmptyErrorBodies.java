package dev.kitty.gateway.error;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Queue;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits between Reactor Netty's HTTP codec and the rest of the pipeline and gives every error
 * response that is about to leave without a body and without a content type a problem+json
 * body. Those are the answers Reactor Netty writes itself before Spring sees the request (headers
 * too large: 431, request line too long: 414, undecodable request: 400) and the 400 Spring's
 * adapter sends for a request target that is not a valid URI. A body that is there, or a
 * declared content type, is never touched; a response to HEAD gets no body.
 */
final class EmptyErrorBodies extends ChannelDuplexHandler {

    static final String NAME = "kitty.emptyErrorBodies";

    private final JsonMapper json;
    /** Whether each request still waiting for its response was a HEAD (HTTP/1.1 answers in order). */
    private final Queue<Boolean> awaitingHead = new ArrayDeque<>();

    EmptyErrorBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            awaitingHead.add(HttpMethod.HEAD.equals(request.method()));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass().compareTo(
                io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) != 0) {
            var head = Boolean.TRUE.equals(awaitingHead.poll());
            if (!head && msg instanceof FullHttpResponse full && needsBody(full)) {
                ctx.write(withProblemBody(full), promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    private static boolean needsBody(FullHttpResponse response) {
        return response.status().code() >= 400 && !response.content().isReadable()
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    private FullHttpResponse withProblemBody(FullHttpResponse response) {
        var code = response.status().code();
        var status = HttpStatus.resolve(code);
        var problem = status != null ? Problem.of(status, Problem.defaultDetail(status), null)
                : new Problem(Problem.type("http-" + code), "HTTP " + code, code, "The request could not be processed.", null);
        var bytes = json.writeValueAsBytes(problem);
        var replaced = response.replace(Unpooled.wrappedBuffer(bytes));
        response.release();
        replaced.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return replaced;
    }
}
