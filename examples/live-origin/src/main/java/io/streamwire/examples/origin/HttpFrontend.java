package io.streamwire.examples.origin;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamwire.flv.FlvHeader;
import io.streamwire.flv.FlvWriter;
import io.streamwire.hls.BlockingReload;
import io.streamwire.hls.PlaylistException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP with the JDK's built-in server ({@code jdk.httpserver}):
 *
 * <ul>
 *   <li>{@code GET /live/<key>.m3u8} the live media playlist (LL-HLS tags when parts are on), with
 *       blocking reload ({@code _HLS_msn}, {@code _HLS_part}) and delta updates ({@code _HLS_skip=YES});
 *   <li>{@code GET /live/<key>/<msn>.ts} a segment, {@code GET /live/<key>/<msn>.<part>.ts} a part
 *       (a request for the hinted next part waits until it exists);
 *   <li>{@code GET /live/<key>.flv} HTTP-FLV: FLV header, metadata, codec headers and the current
 *       group of pictures, then live tags until the publisher stops;
 *   <li>{@code GET /stats} one line of counters per stream.
 * </ul>
 *
 * Every answer carries CORS headers (any origin), and OPTIONS answers preflight requests.
 */
final class HttpFrontend implements AutoCloseable {
    private static final Pattern PLAYLIST = Pattern.compile("/live/([A-Za-z0-9_.-]+)\\.m3u8");
    private static final Pattern SEGMENT = Pattern.compile("/live/([A-Za-z0-9_.-]+)/(\\d{1,18})(?:\\.(\\d{1,9}))?\\.ts");
    private static final Pattern FLV = Pattern.compile("/live/([A-Za-z0-9_.-]+)\\.flv");

    private final OriginConfig config;
    private final LiveOrigin origin;
    private final HttpServer server;

    HttpFrontend(OriginConfig config, LiveOrigin origin, ExecutorService pool) throws IOException {
        this.config = config;
        this.origin = origin;
        this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.httpPort()), 128);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers h = exchange.getResponseHeaders();
            h.set("Access-Control-Allow-Origin", "*");
            h.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            h.set("Access-Control-Allow-Headers", "Range, Origin, Accept");
            h.set("Access-Control-Expose-Headers", "Content-Length, Content-Type");
            String method = exchange.getRequestMethod();
            if (method.equals("OPTIONS")) {
                h.set("Access-Control-Max-Age", "86400");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                text(exchange, 405, "method not allowed\n");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Matcher m;
            if ((m = PLAYLIST.matcher(path)).matches()) {
                playlist(exchange, m.group(1), query == null ? "" : query);
            } else if ((m = SEGMENT.matcher(path)).matches()) {
                segment(exchange, m.group(1), Long.parseLong(m.group(2)), m.group(3));
            } else if ((m = FLV.matcher(path)).matches()) {
                httpFlv(exchange, m.group(1));
            } else if (path.equals("/stats")) {
                StringBuilder sb = new StringBuilder();
                origin.stats().forEach(s -> sb.append(s).append('\n'));
                text(exchange, 200, sb.toString());
            } else {
                text(exchange, 404, "not found\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        }
    }

    private void playlist(HttpExchange exchange, String key, String query) throws IOException, InterruptedException {
        BlockingReload request;
        try {
            request = BlockingReload.parse(query);
        } catch (PlaylistException e) {
            text(exchange, 400, e.getMessage() + "\n");
            return;
        }
        Channel ch = origin.existing(key);
        BlockingReload.Answer a = ch == null ? null : ch.playlist(request);
        if (a == null || (a.status() == BlockingReload.Status.READY && a.playlist() == null)) {
            text(exchange, 404, "no stream " + key + "\n");
            return;
        }
        switch (a.status()) {
            case BAD_REQUEST -> text(exchange, 400, "_HLS_msn/_HLS_part too far ahead\n");
            case WAIT -> text(exchange, 503, "not produced yet\n");
            case READY -> {
                byte[] body = a.playlist().write().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                send(exchange, 200, "application/vnd.apple.mpegurl", body);
            }
            default -> throw new IllegalStateException(a.status().toString());
        }
    }

    private void segment(HttpExchange exchange, String key, long msn, String part) throws IOException, InterruptedException {
        Channel ch = origin.existing(key);
        byte[] body = null;
        if (ch != null) {
            body = part == null ? ch.segment(msn) : ch.part(msn, Integer.parseInt(part));
        }
        if (body == null) {
            text(exchange, 404, "no such segment\n");
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "max-age=" + config.targetDurationSeconds() * config.windowSegments());
        send(exchange, 200, "video/mp2t", body);
    }

    private void httpFlv(HttpExchange exchange, String key) throws IOException, InterruptedException {
        Channel ch = origin.channel(key);
        // subscribe before waiting: a reader that comes first gets every tag. On overflow nothing more can
        // be done here: HttpExchange gives no way to abort a write blocked on a stalled client (its queue is
        // freed, its thread stays until the TCP connection dies)
        Subscriber sub = ch.subscribe("http-flv", () -> { });
        try {
            if (!ch.isLive() && !ch.awaitPublisher(config.playWaitMillis())) {
                text(exchange, 404, "no stream " + key + "\n");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "video/x-flv");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0); // chunked, until the stream ends
            if (exchange.getRequestMethod().equals("HEAD")) {
                return;
            }
            OutputStream out = exchange.getResponseBody();
            FlvHeader header = FlvHeader.of(true, true);
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            FlvWriter.writeHeader(buffer, header);
            out.write(buffer.array(), 0, buffer.position());
            out.flush();
            while (true) {
                Subscriber.Tag t = sub.take(1000);
                if (t == null) {
                    if (sub.overflowed() || sub.drained()) {
                        return;
                    }
                    continue;
                }
                int size = FlvWriter.tagSize(t.body().length);
                if (buffer.capacity() < size) {
                    buffer = ByteBuffer.allocate(size);
                }
                buffer.clear();
                FlvWriter.writeTag(buffer, t.type(), (int) t.timestamp(), ByteBuffer.wrap(t.body()));
                out.write(buffer.array(), 0, buffer.position());
                out.flush();
            }
        } finally {
            ch.unsubscribe(sub);
        }
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
