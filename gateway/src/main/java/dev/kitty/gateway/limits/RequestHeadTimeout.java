package dev.kitty.gateway.limits;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Closes a connection that has not delivered a complete request line and headers within the timeout: the slowloris
 * defence. Reactor Netty's idle and read timeouts restart with every byte, so a client trickling one header byte a
 * second would hold its connection forever. Sits right after the HTTP codec, so it sees decoded requests; the clock
 * runs from the connection's start and again after each response, and stops while a request is being served. A
 * client that had started a request gets a 408 problem first; a connection on which nothing arrived (an idle
 * kept-alive one) is closed silently, so that a client about to reuse it never reads a 408 meant for no request.
 * {@link #bytesWatcher()} goes before the codec and tells it whether bytes arrived.
 */
final class RequestHeadTimeout extends ChannelDuplexHandler {

    static final String NAME = "kittyRequestHeadTimeout";
    static final String WATCHER_NAME = "kittyRequestHeadBytes";

    private static final byte[] PROBLEM = """
            {"type":"https://kitty.dev/problems/request-timeout","title":"Request Timeout","status":408,\
            "detail":"The request took too long to arrive."}""".getBytes(StandardCharsets.UTF_8);

    private final long timeoutMillis;
    private io.netty.util.concurrent.@Nullable ScheduledFuture<?> timer;
    private boolean bytesSinceResponse;

    RequestHeadTimeout(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        start(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            stop();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        // the end of a response, but not of a 100 Continue: the request's body is still to come
        if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            promise.addListener(done -> ctx.executor().execute(() -> start(ctx)));
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    /** Notes that bytes arrived; the handlers of one channel run on its one event-loop thread. */
    ChannelInboundHandlerAdapter bytesWatcher() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                bytesSinceResponse = true;
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void start(ChannelHandlerContext ctx) {
        stop();
        bytesSinceResponse = false;
        if (ctx.channel().isOpen()) {
            timer = ctx.executor().schedule(() -> expire(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!bytesSinceResponse) {
            ctx.close();
            return;
        }
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT,
                Unpooled.wrappedBuffer(PROBLEM));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, PROBLEM.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
