package io.streamwire.examples.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated HLS player on one keep-alive HTTP/1.1 connection: it fetches the media playlist,
 * downloads the init segment when there is one (EXT-X-MAP, counted with the segments) and the
 * newest {@code startSegments} segments, then reloads the playlist every target
 * duration (RFC 8216 §6.3.4) and downloads every segment it has not had, one request at a time.
 * Latency is from writing the request to the last byte of the response. A non-2xx answer, a
 * reset, a request not answered within the timeout, or a connection closed under a request is an
 * error; the player then reconnects after a second, as players do. A connection the server closes
 * while idle is reopened silently (that is keep-alive, not an error).
 *
 * <p>Not thread-safe: all its state lives on one event loop.
 */
final class HlsViewer {
    private enum Kind { PLAYLIST, SEGMENT }

    private final LoadContext ctx;
    private final EventLoop loop;
    private final URI playlist;
    private final RequestStats playlists;
    private final RequestStats segments;
    private final Failures failures;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private Channel channel;
    private boolean busy;
    private Kind kind;
    private String path;
    private long started;
    private long bytes;
    private int status;
    private boolean keepAlive;
    private final StringBuilder text = new StringBuilder();
    private ScheduledFuture<?> timeout;
    private long lastMsn = -1;
    private long targetNanos = TimeUnit.SECONDS.toNanos(2);
    private long playlistAt;
    private String initUri;
    private int completedOnChannel;
    private boolean retry;
    private boolean isRetry;

    HlsViewer(LoadContext ctx, URI playlist, RequestStats playlists, RequestStats segments, Failures failures) {
        this.ctx = ctx;
        this.loop = ctx.group.next();
        this.playlist = playlist;
        this.playlists = playlists;
        this.segments = segments;
        this.failures = failures;
    }

    void start(long delayMillis) {
        loop.schedule(this::fetchPlaylist, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void fetchPlaylist() {
        playlistAt = System.nanoTime();
        send(Kind.PLAYLIST, pathOf(playlist));
    }

    private void send(Kind k, String p) {
        if (ctx.stopping()) {
            return;
        }
        kind = k;
        path = p;
        isRetry = retry;
        retry = false;
        if (channel != null && channel.isActive()) {
            write();
            return;
        }
        ctx.connect(loop, playlist, 80, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new Handler());
            }
        }).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                channel = f.channel();
                completedOnChannel = 0;
                write();
            } else if (!ctx.stopping()) {
                failures.exception(f.cause(), true);
                retryLater();
            }
        });
    }

    private void write() {
        started = System.nanoTime();
        bytes = 0;
        status = 0;
        text.setLength(0);
        busy = true;
        keepAlive = true;
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, playlist.getHost() + (playlist.getPort() < 0 ? "" : ":" + playlist.getPort()));
        request.headers().set(HttpHeaderNames.USER_AGENT, "streamwire-load");
        Channel ch = channel;
        timeout = loop.schedule(() -> {
            if (busy && channel == ch) {
                failures.exception(new java.util.concurrent.TimeoutException(kind + " " + path), false);
                abandon(ch);
            }
        }, ctx.config.requestTimeoutSeconds(), TimeUnit.SECONDS);
        ch.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess() && busy && channel == ch) {
                failures.exception(f.cause(), false);
                abandon(ch);
            }
        });
    }

    /** Drops the connection after an error and starts over from the playlist in a second. */
    private void abandon(Channel ch) {
        busy = false;
        if (timeout != null) {
            timeout.cancel(false);
        }
        channel = null;
        ch.close();
        retryLater();
    }

    private void retryLater() {
        queue.clear();
        if (!ctx.stopping()) {
            loop.schedule(this::fetchPlaylist, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * A reused keep-alive connection closed before any byte of the answer: the server dropped an
     * idle connection as the request went out. Like HTTP clients (RFC 9110 §9.2.2, idempotent
     * methods), retry once on a new connection; counted apart, not as an error.
     */
    private boolean retriedStale(Channel ch) {
        if (status != 0 || bytes != 0 || completedOnChannel == 0 || isRetry || ctx.stopping()) {
            return false;
        }
        failures.staleRetry.increment();
        busy = false;
        timeout.cancel(false);
        channel = null;
        ch.close();
        retry = true;
        send(kind, path);
        return true;
    }

    private void completed() {
        busy = false;
        completedOnChannel++;
        timeout.cancel(false);
        long latency = System.nanoTime() - started;
        if (!keepAlive) {
            channel.close();
            channel = null;
        }
        if (status / 100 != 2) {
            failures.status(status, kind + " " + path);
            retryLater();
            return;
        }
        if (kind == Kind.PLAYLIST) {
            playlists.record(latency, bytes);
            parse(text);
        } else {
            segments.record(latency, bytes);
        }
        if (ctx.stopping()) {
            return;
        }
        String nextSegment = queue.poll();
        if (nextSegment != null) {
            send(Kind.SEGMENT, nextSegment);
        } else {
            long wait = Math.max(0, playlistAt + targetNanos - System.nanoTime());
            loop.schedule(this::fetchPlaylist, wait, TimeUnit.NANOSECONDS);
        }
    }

    /** Queues the segments this player has not had; the first time only the newest few. */
    private void parse(CharSequence body) {
        long mediaSequence = 0;
        List<String> uris = new ArrayList<>();
        String map = null;
        for (String line : body.toString().split("\n")) {
            line = line.strip();
            if (line.startsWith("#EXT-X-MAP:") && line.contains("URI=\"")) {
                int from = line.indexOf("URI=\"") + 5;
                map = line.substring(from, line.indexOf('"', from));
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                targetNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(line.substring(22).strip()));
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                mediaSequence = Long.parseLong(line.substring(22).strip());
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                uris.add(line);
            }
        }
        if (uris.isEmpty()) {
            return;
        }
        if (map != null && !map.equals(initUri)) {
            initUri = map;  // fMP4: the init segment (RFC 8216bis §4.4.4.5) once, before the media segments
            queue.add(pathOf(playlist.resolve(map)));
        }
        long last = mediaSequence + uris.size() - 1;
        long from = lastMsn < 0 ? Math.max(mediaSequence, last - ctx.config.startSegments() + 1)
                : Math.max(lastMsn + 1, mediaSequence);
        if (lastMsn >= 0 && lastMsn + 1 < mediaSequence) {
            failures.other("fell behind the window: had " + lastMsn + ", window starts at " + mediaSequence);
        }
        for (long msn = from; msn <= last; msn++) {
            queue.add(pathOf(playlist.resolve(uris.get((int) (msn - mediaSequence)))));
        }
        lastMsn = Math.max(lastMsn, last);
    }

    static String pathOf(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** One per connection; forwards to the player while the connection is the current one. */
    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext c, HttpObject msg) {
            if (c.channel() != channel || !busy) {
                return;
            }
            if (msg instanceof HttpResponse response) {
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            if (msg instanceof HttpContent content) {
                bytes += content.content().readableBytes();
                if (kind == Kind.PLAYLIST) {
                    text.append(content.content().toString(StandardCharsets.UTF_8));
                }
                if (msg instanceof LastHttpContent) {
                    completed();
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext c) {
            if (c.channel() == channel) {
                if (busy && retriedStale(c.channel())) {
                    return;
                }
                channel = null;
                if (busy && !ctx.stopping()) {
                    failures.earlyClose("connection closed under " + kind + " " + path + " after " + bytes + " bytes");
                    abandon(c.channel());
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
            if (c.channel() == channel && busy && cause instanceof java.io.IOException && retriedStale(c.channel())) {
                return;
            }
            if (c.channel() == channel && !ctx.stopping()) {
                failures.exception(cause, false);
                abandon(c.channel());
            } else {
                c.close();
            }
        }
    }
}
