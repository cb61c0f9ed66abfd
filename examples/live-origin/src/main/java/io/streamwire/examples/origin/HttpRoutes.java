package io.streamwire.examples.origin;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.streamwire.flv.FlvHeader;
import io.streamwire.flv.FlvWriter;
import io.streamwire.hls.BlockingReload;
import io.streamwire.hls.PlaylistException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the origin answers over HTTP. Public port:
 *
 * <ul>
 *   <li>{@code GET /live/<name>.m3u8} the live media playlist (LL-HLS tags when parts are on), with
 *       blocking reload ({@code _HLS_msn}, {@code _HLS_part}, held as a pending callback) and delta
 *       updates ({@code _HLS_skip=YES});
 *   <li>{@code GET /live/<name>/<msn>.ts}, {@code /live/<name>/<msn>.<part>.ts} a segment or part
 *       (a request for the hinted next part is held until it exists);
 *   <li>{@code GET /live/<name>.flv} HTTP-FLV: FLV header, metadata, codec headers and the current
 *       group of pictures, then live tags, through a publisher's reconnect, until the stream ends.
 * </ul>
 *
 * With playback tokens on, each of these needs a valid {@code ?exp=&sig=} (403 otherwise), and the
 * playlist's URIs carry the client's query. Admin port: {@code GET /stats} (JSON per stream) and
 * {@code GET /metrics} (Prometheus text). Every answer carries CORS headers; OPTIONS answers preflights.
 */
final class HttpRoutes {
    private static final Pattern PLAYLIST = Pattern.compile("/live/([A-Za-z0-9_.-]{1,64})\\.m3u8");
    private static final Pattern SEGMENT = Pattern.compile("/live/([A-Za-z0-9_.-]{1,64})/(\\d{1,18})(?:\\.(\\d{1,9}))?\\.(ts|m4s)");
    private static final Pattern INIT = Pattern.compile("/live/([A-Za-z0-9_.-]{1,64})/init-(\\d{1,9})\\.mp4");
    private static final Pattern MASTER = Pattern.compile("/live/([A-Za-z0-9_.-]{1,64})/master\\.m3u8");
    private static final Pattern FLV = Pattern.compile("/live/([A-Za-z0-9_.-]{1,64})\\.flv");
    private static final byte[] FLV_HEADER;

    static {
        ByteBuffer b = ByteBuffer.allocate(FlvWriter.headerSize(FlvHeader.of(true, true)));
        FlvWriter.writeHeader(b, FlvHeader.of(true, true));
        FLV_HEADER = b.array();
    }

    private HttpRoutes() {}

    static void route(HttpHandler h, HttpRequest req, boolean admin) {
        HttpMethod method = req.method();
        if (method.equals(HttpMethod.OPTIONS)) {
            h.respond(req, HttpResponseStatus.NO_CONTENT, null, new byte[0], "max-age=86400");
            return;
        }
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            h.text(req, HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed\n");
            return;
        }
        String uri = req.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q + 1);
        LiveOrigin origin = h.origin();
        if (admin) {
            switch (path) {
                case "/stats" -> h.respond(req, HttpResponseStatus.OK, "application/json",
                        origin.statsJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), "no-cache");
                case "/metrics" -> h.respond(req, HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8",
                        origin.metricsText().getBytes(java.nio.charset.StandardCharsets.UTF_8), "no-cache");
                default -> h.text(req, HttpResponseStatus.NOT_FOUND, "not found\n");
            }
            return;
        }
        Matcher m;
        if ((m = PLAYLIST.matcher(path)).matches()) {
            if (authorised(h, req, m.group(1), query)) {
                playlist(h, req, m.group(1), query);
            }
        } else if ((m = SEGMENT.matcher(path)).matches()) {
            if (authorised(h, req, m.group(1), query)) {
                segment(h, req, m.group(1), Long.parseLong(m.group(2)), m.group(3) == null ? -1 : Integer.parseInt(m.group(3)),
                        m.group(4).equals("m4s"));
            }
        } else if ((m = INIT.matcher(path)).matches()) {
            if (authorised(h, req, m.group(1), query)) {
                Channel ch = origin.existing(m.group(1));
                byte[] init = ch == null ? null : ch.init(Integer.parseInt(m.group(2)));
                if (init == null) {
                    h.text(req, HttpResponseStatus.NOT_FOUND, "no such init segment\n");
                } else {
                    h.respond(req, HttpResponseStatus.OK, "video/mp4", init,
                            "max-age=" + origin.config().targetDurationSeconds() * origin.config().windowSegments());
                }
            }
        } else if ((m = MASTER.matcher(path)).matches()) {
            if (authorised(h, req, m.group(1), query)) {
                Channel ch = origin.existing(m.group(1));
                io.streamwire.hls.MultivariantPlaylist mv = ch == null ? null : ch.multivariant();
                if (mv == null) {
                    h.text(req, HttpResponseStatus.NOT_FOUND, "no stream " + m.group(1) + "\n");
                } else {
                    byte[] body = mv.write().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    if (origin.playbackTokens() && !query.isEmpty()) {
                        body = origin.withPlaybackQuery(body, query);
                    }
                    h.respond(req, HttpResponseStatus.OK, "application/vnd.apple.mpegurl", body, "no-cache");
                }
            }
        } else if ((m = FLV.matcher(path)).matches()) {
            if (authorised(h, req, m.group(1), query)) {
                FlvReader.start(h, req, m.group(1));
            }
        } else {
            h.text(req, HttpResponseStatus.NOT_FOUND, "not found\n");
        }
    }

    private static boolean authorised(HttpHandler h, HttpRequest req, String name, String query) {
        if (h.origin().playAllowed(name, query)) {
            return true;
        }
        OriginLog.info("reject", "kind", "play", "stream", name, "addr", h.address(), "reason", "playback token");
        h.text(req, HttpResponseStatus.FORBIDDEN, "playback token missing or invalid\n");
        return false;
    }

    private static final Object NONE = new Object();

    private static void playlist(HttpHandler h, HttpRequest req, String name, String query) {
        BlockingReload request;
        try {
            request = BlockingReload.parse(query);
        } catch (PlaylistException e) {
            h.text(req, HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n");
            return;
        }
        Channel ch = h.origin().existing(name);
        if (ch == null) {
            h.text(req, HttpResponseStatus.NOT_FOUND, "no stream " + name + "\n");
            return;
        }
        OriginConfig config = h.origin().config();
        ch.waiters().<Object>await(() -> {
            BlockingReload.Answer a = ch.reload(request);
            return a == null ? NONE : a.status() == BlockingReload.Status.WAIT ? null : a;
        }, () -> {
            BlockingReload.Answer a = ch.reload(request);
            return a == null ? NONE : a;
        }, config.playWaitMillis(), h.context().executor(), result -> {
            if (!(result instanceof BlockingReload.Answer a) || (a.status() == BlockingReload.Status.READY && a.playlist() == null)) {
                h.text(req, HttpResponseStatus.NOT_FOUND, "no stream " + name + "\n");
                return;
            }
            switch (a.status()) {
                case BAD_REQUEST -> h.text(req, HttpResponseStatus.BAD_REQUEST, "_HLS_msn/_HLS_part too far ahead\n");
                case WAIT -> h.text(req, HttpResponseStatus.SERVICE_UNAVAILABLE, "not produced yet\n");
                case READY -> {
                    byte[] body = ch.playlistBytes(request, a);
                    if (h.origin().playbackTokens() && !query.isEmpty()) {
                        body = h.origin().withPlaybackQuery(body, query);
                    }
                    h.origin().playlistServed(ch, h.address());
                    h.respond(req, HttpResponseStatus.OK, "application/vnd.apple.mpegurl", body, "no-cache");
                }
                default -> throw new IllegalStateException(a.status().toString());
            }
        });
    }

    private static void segment(HttpHandler h, HttpRequest req, String name, long msn, int part, boolean m4s) {
        Channel ch = h.origin().existing(name);
        if (ch == null || ch.fmp4() != m4s) {
            h.text(req, HttpResponseStatus.NOT_FOUND, "no such segment\n");
            return;
        }
        OriginConfig config = h.origin().config();
        boolean[] upcoming = new boolean[1];
        ch.waiters().<Object>await(() -> {
            byte[] b = part < 0 ? ch.segment(msn, upcoming) : ch.part(msn, part, upcoming);
            return b != null ? b : upcoming[0] ? null : NONE;
        }, () -> {
            byte[] b = part < 0 ? ch.segment(msn, upcoming) : ch.part(msn, part, upcoming);
            return b != null ? b : NONE;
        }, config.playWaitMillis(), h.context().executor(), result -> {
            if (result instanceof byte[] body) {
                h.respond(req, HttpResponseStatus.OK, m4s ? "video/mp4" : "video/mp2t", body,
                        "max-age=" + config.targetDurationSeconds() * config.windowSegments());
            } else {
                h.text(req, HttpResponseStatus.NOT_FOUND, "no such segment\n");
            }
        });
    }

    /** An HTTP-FLV response: a {@link Subscriber} drained into the connection while it is writable. */
    static final class FlvReader {
        /** At most this many tags or (about) bytes per HTTP chunk, so that writability is checked between. */
        private static final int BATCH_TAGS = 32;
        private static final int BATCH_BYTES = 64 * 1024;

        private final HttpHandler h;
        private final Channel channel;
        private Subscriber sub;
        private boolean started;
        private boolean ended;
        private boolean released;

        private FlvReader(HttpHandler h, Channel channel) {
            this.h = h;
            this.channel = channel;
        }

        static void start(HttpHandler h, HttpRequest req, String name) {
            LiveOrigin origin = h.origin();
            if (!origin.takeFlvReader()) {
                OriginLog.info("reject", "kind", "http-flv", "stream", name, "addr", h.address(), "reason", "reader cap");
                h.text(req, HttpResponseStatus.SERVICE_UNAVAILABLE, "too many HTTP-FLV readers\n");
                return;
            }
            Channel ch = origin.channel(name);
            FlvReader r = new FlvReader(h, ch);
            var executor = h.context().executor();
            Runnable drain = r::drain;
            // subscribe before waiting: a reader that comes first gets every tag
            r.sub = ch.subscribe("http-flv", () -> h.context().channel().close(), () -> origin.drainLater(executor, drain));
            h.onClose(r::release);
            h.onWritable(drain);
            ch.waiters().<Boolean>await(() -> ch.isServing() ? Boolean.TRUE : null, () -> ch.isServing(),
                    origin.config().playWaitMillis(), executor, serving -> {
                        if (!serving) {
                            r.release();
                            h.onClose(null);
                            h.onWritable(null);
                            h.text(req, HttpResponseStatus.NOT_FOUND, "no stream " + name + "\n");
                            return;
                        }
                        OriginLog.info("play", "kind", "http-flv", "stream", name, "addr", h.address());
                        h.startStream(req, "video/x-flv");
                        if (req.method().equals(HttpMethod.HEAD)) {
                            h.endStream();
                            return;
                        }
                        r.started = true;
                        h.streamChunk(FLV_HEADER);
                        r.drain();
                    });
        }

        /** Unsubscribes and gives the reader slot back, once. */
        void release() {
            if (!released) {
                released = true;
                channel.unsubscribe(sub);
                h.origin().releaseFlvReader();
            }
        }

        /** Writes queued tags while the connection is writable. On the reader's event loop. */
        void drain() {
            if (!started || ended || !h.context().channel().isActive()) {
                return;
            }
            // the tags of one tick go out as one HTTP chunk: one chunk header and trailer, not one per tag
            boolean wrote = false;
            while (h.context().channel().isWritable()) {
                ByteBuffer[] parts = new ByteBuffer[BATCH_TAGS];
                int n = 0;
                for (int bytes = 0; n < parts.length && bytes < BATCH_BYTES; n++) {
                    Subscriber.Tag t = sub.poll();
                    if (t == null) {
                        break;
                    }
                    parts[n] = t.flvTag();
                    bytes += parts[n].remaining();
                }
                if (n == 0) {
                    break;
                }
                h.streamChunk(n == parts.length ? parts : Arrays.copyOf(parts, n));
                wrote = true;
            }
            if (sub.overflowed()) {
                h.context().close();
                return;
            }
            if (sub.drained()) {
                ended = true;
                h.endStream();
                return;
            }
            if (wrote) {
                h.context().flush();
            }
        }
    }
}
