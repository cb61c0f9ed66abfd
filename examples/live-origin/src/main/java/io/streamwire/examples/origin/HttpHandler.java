package io.streamwire.examples.origin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection on its Netty event loop, after Netty's {@code HttpServerCodec}. One request
 * at a time: reading pauses while a response is in progress (held blocking reloads and HTTP-FLV
 * streams are pending callbacks, not threads). Keep-alive as the request asks; {@code Connection:
 * close} on every response after which the connection closes.
 *
 * <p>Deadlines: a request's line and headers must be complete within
 * {@link OriginConfig.Limits#requestHeaderMillis()} of the connection opening or of the request's
 * first byte, an idle keep-alive connection closes after {@link OriginConfig.Limits#keepAliveMillis()},
 * and requests with a body are refused (413). What the routes answer is {@link HttpRoutes}' business.
 */
final class HttpHandler extends ChannelInboundHandlerAdapter {
    private final LiveOrigin origin;
    private final OriginConfig.Limits limits;
    private final boolean admin;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> deadline;
    private long deadlineAt;
    private HttpRequest request;
    private boolean busy;
    private boolean idle = true;
    private String address = "?";
    private Runnable onClose;

    HttpHandler(LiveOrigin origin, boolean admin) {
        this.origin = origin;
        this.limits = origin.config().limits();
        this.admin = admin;
    }

    @Override
    public void channelActive(ChannelHandlerContext c) throws Exception {
        ctx = c;
        address = ((InetSocketAddress) c.channel().remoteAddress()).getAddress().getHostAddress();
        arm(limits.requestHeaderMillis());
        super.channelActive(c);
    }

    /** Bytes as they arrive (before the codec): the first byte of a request starts its header deadline. */
    final class FirstByte extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext c, Object msg) throws Exception {
            if (idle && !busy) {
                idle = false;
                long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.requestHeaderMillis());
                if (deadline == null || at - deadlineAt < 0) {
                    arm(limits.requestHeaderMillis());
                }
            }
            super.channelRead(c, msg);
        }
    }

    private void arm(long millis) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        deadlineAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        deadline = ctx.executor().schedule(() -> {
            origin.requestTimedOut();
            if (!idle) {
                OriginLog.info("timeout", "kind", "http", "addr", address, "reason", "request headers not complete in "
                        + limits.requestHeaderMillis() + " ms");
            }
            ctx.close();
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        try {
            if (busy) {
                return; // pipelined or extra bytes while answering: ignored (reading is paused meanwhile)
            }
            if (msg instanceof HttpRequest r) {
                if (r.decoderResult().isFailure()) {
                    Throwable cause = r.decoderResult().cause();
                    origin.httpBadRequest();
                    fail(cause instanceof TooLongFrameException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                            : HttpResponseStatus.BAD_REQUEST);
                    return;
                }
                request = r;
                if (HttpUtil.getContentLength(r, 0L) > 0 || HttpUtil.isTransferEncodingChunked(r)) {
                    fail(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
                    return;
                }
            }
            if (msg instanceof LastHttpContent && request != null) {
                HttpRequest r = request;
                request = null;
                disarm();
                busy = true;
                c.channel().config().setAutoRead(false);
                HttpRoutes.route(this, r, admin);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void fail(HttpResponseStatus status) {
        busy = true;
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(status.reasonPhrase() + "\n", StandardCharsets.UTF_8));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    // ---- what the routes use -------------------------------------------------------------------

    LiveOrigin origin() {
        return origin;
    }

    ChannelHandlerContext context() {
        return ctx;
    }

    String address() {
        return address;
    }

    /** Runs once when the connection closes (an HTTP-FLV reader's cleanup). */
    void onClose(Runnable r) {
        onClose = r;
    }

    /** Answers the request with a whole body, then reads the next request (or closes). */
    void respond(HttpRequest req, HttpResponseStatus status, String type, byte[] body, String cacheControl) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        boolean head = req.method().equals(HttpMethod.HEAD);
        ByteBuf content = head || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        HttpHeaders h = res.headers();
        cors(h);
        if (type != null) {
            h.set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        if (cacheControl != null) {
            h.set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        }
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        finish(res, keepAlive);
    }

    void text(HttpRequest req, HttpResponseStatus status, String body) {
        respond(req, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), "no-cache");
    }

    private void finish(HttpResponse res, boolean keepAlive) {
        if (keepAlive) {
            if (!res.protocolVersion().isKeepAliveDefault()) {
                res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            ctx.writeAndFlush(res).addListener(f -> {
                if (f.isSuccess()) {
                    next();
                } else {
                    ctx.close();
                }
            });
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The response is out: wait for the next request on this connection. */
    private void next() {
        busy = false;
        idle = true;
        arm(limits.keepAliveMillis());
        ctx.channel().config().setAutoRead(true);
    }

    /** Starts a streamed (chunked) response that ends with the connection: HTTP-FLV. */
    void startStream(HttpRequest req, String type) {
        HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        cors(res.headers());
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type).set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setTransferEncodingChunked(res, true);
        ctx.write(res);
    }

    /** A piece of a streamed response (not flushed): one HTTP chunk. */
    void streamChunk(byte[] bytes) {
        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
    }

    /** A piece of a streamed response (not flushed): one HTTP chunk of {@code parts}, not copied. */
    void streamChunk(ByteBuffer... parts) {
        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(parts)));
    }

    /** Ends a streamed response and closes the connection. */
    void endStream() {
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
    }

    static void cors(HttpHeaders h) {
        h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS")
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Range, Origin, Accept")
                .set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "Content-Length, Content-Type");
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext c) throws Exception {
        if (c.channel().isWritable() && writable != null) {
            writable.run();
        }
        super.channelWritabilityChanged(c);
    }

    private Runnable writable;

    /** Runs when the connection becomes writable again (a streamed response resumes draining). */
    void onWritable(Runnable r) {
        writable = r;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        if (!(cause instanceof IOException) && !(cause instanceof io.netty.handler.timeout.WriteTimeoutException)) {
            OriginLog.warn("error", "kind", "http", "addr", address, "error", String.valueOf(cause));
        }
        c.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) throws Exception {
        disarm();
        Runnable r = onClose;
        onClose = null;
        if (r != null) {
            r.run();
        }
        super.channelInactive(c);
    }
}
