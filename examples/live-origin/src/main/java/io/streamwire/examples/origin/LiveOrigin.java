package io.streamwire.examples.origin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An RTMP → HLS / LL-HLS / HTTP-FLV origin built only from Streamwire's public API and the JDK.
 *
 * <pre>
 * java -jar live-origin.jar [--rtmp-port 1935] [--http-port 8080] [--bind 0.0.0.0] [--keys k1,k2]
 *                           [--target-duration 2] [--window 10] [--part 0.334] [--record DIR]
 * </pre>
 *
 * Publish with {@code ffmpeg -re -i in.flv -c copy -f flv rtmp://HOST:1935/live/KEY}; play
 * {@code http://HOST:8080/live/KEY.m3u8} (HLS and LL-HLS), {@code http://HOST:8080/live/KEY.flv}
 * (HTTP-FLV) or {@code rtmp://HOST:1935/live/KEY}.
 *
 * <p>Threads: one per connection (virtual threads on JDK 21+, else a bounded pool of platform
 * threads) plus one writer per RTMP player; HTTP requests run on the same pool.
 */
public final class LiveOrigin implements AutoCloseable {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final OriginConfig config;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final ScheduledExecutorService janitor;
    private final RtmpIngest rtmp;
    private final HttpFrontend http;

    private LiveOrigin(OriginConfig config) throws IOException {
        this.config = config;
        this.pool = newPool(config.maxConnections());
        this.janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "origin-janitor");
            t.setDaemon(true);
            return t;
        });
        RtmpIngest r = null;
        try {
            r = new RtmpIngest(config, this, pool);
            this.http = new HttpFrontend(config, this, pool);
        } catch (IOException | RuntimeException e) {
            if (r != null) {
                r.close();
            }
            pool.shutdownNow();
            janitor.shutdownNow();
            throw e;
        }
        this.rtmp = r;
        janitor.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts both servers. */
    public static LiveOrigin start(OriginConfig config) throws IOException {
        return new LiveOrigin(config);
    }

    /** Virtual threads on JDK 21+ (looked up reflectively: this module compiles for 17), else a bounded pool. */
    private static ExecutorService newPool(int max) {
        try {
            Object e = Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            return (ExecutorService) e;
        } catch (ReflectiveOperationException e) {
            AtomicInteger n = new AtomicInteger();
            // two threads per connection at most (reader + player writer), plus HTTP requests
            return new ThreadPoolExecutor(0, 2 * max, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "origin-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Whether {@code key} is a usable stream key (it becomes part of URLs and file names). */
    static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches() && !key.startsWith(".");
    }

    Channel channel(String key) {
        return channels.computeIfAbsent(key, k -> new Channel(k, config));
    }

    Channel existing(String key) {
        return channels.get(key);
    }

    private void sweep() {
        long now = System.nanoTime();
        channels.entrySet().removeIf(e -> e.getValue().idle(now));
    }

    /** The configuration. */
    public OriginConfig config() {
        return config;
    }

    /** The RTMP port (useful with port 0). */
    public int rtmpPort() {
        return rtmp.port();
    }

    /** The HTTP port (useful with port 0). */
    public int httpPort() {
        return http.port();
    }

    /** Counters per stream key held now. */
    public List<Channel.Stats> stats() {
        List<Channel.Stats> out = new ArrayList<>();
        for (Channel c : channels.values()) {
            out.add(c.stats());
        }
        return out;
    }

    /** Counters of one stream key, or null when the origin holds nothing for it. */
    public Channel.Stats stats(String key) {
        Channel c = channels.get(key);
        return c == null ? null : c.stats();
    }

    /** Stream keys held now (live, lingering after unpublish, or awaited by readers). */
    public Set<String> keys() {
        return Set.copyOf(channels.keySet());
    }

    /** RTMP connections that ended with a protocol error (garbage, malformed chunks or AMF). */
    public long rtmpConnectionsFailed() {
        return rtmp.connectionsFailed();
    }

    /** Publish requests refused (key not allowed, malformed, or already published). */
    public long publishesRejected() {
        return rtmp.publishesRejected();
    }

    /** RTMP connections open now. */
    public int rtmpConnectionsOpen() {
        return rtmp.openConnections();
    }

    /** Drops channels with no publisher, no reader and no lingering playlist now (the janitor does it every second). */
    public void sweepNow() {
        sweep();
    }

    /** The URLs to print for {@code key}. */
    public List<String> urls(String host, String key) {
        return List.of("publish:   rtmp://" + host + ":" + rtmpPort() + "/" + config.app() + "/" + key,
                "HLS:       http://" + host + ":" + httpPort() + "/live/" + key + ".m3u8",
                "HTTP-FLV:  http://" + host + ":" + httpPort() + "/live/" + key + ".flv",
                "RTMP play: rtmp://" + host + ":" + rtmpPort() + "/" + config.app() + "/" + key);
    }

    @Override
    public void close() {
        rtmp.close();
        http.close();
        janitor.shutdownNow();
        pool.shutdownNow();
    }

    /** Command line entry point; see the class comment for the options. */
    public static void main(String[] args) throws IOException, InterruptedException {
        OriginConfig c;
        try {
            c = parseArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar live-origin.jar [--rtmp-port 1935] [--http-port 8080] [--bind 0.0.0.0]"
                    + " [--keys k1,k2] [--target-duration 2] [--window 10] [--part 0.334] [--record DIR]");
            System.exit(2);
            return;
        }
        LiveOrigin origin = start(c);
        Runtime.getRuntime().addShutdownHook(new Thread(origin::close));
        String host = c.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : c.bindAddress();
        String key = c.allowedKeys().isEmpty() ? "mystream" : c.allowedKeys().iterator().next();
        System.out.println("Streamwire live origin: RTMP on " + origin.rtmpPort() + ", HTTP on " + origin.httpPort()
                + (c.allowedKeys().isEmpty() ? " (any stream key may publish)" : " (keys " + c.allowedKeys() + ")"));
        origin.urls(host, key).forEach(System.out::println);
        System.out.println("ffmpeg:    ffmpeg -re -i input.mp4 -c:v libx264 -g 50 -c:a aac -f flv rtmp://" + host + ":"
                + origin.rtmpPort() + "/" + c.app() + "/" + key);
        Thread.currentThread().join();
    }

    static OriginConfig parseArgs(String[] args) {
        OriginConfig c = OriginConfig.defaults();
        int target = c.targetDurationSeconds();
        int window = c.windowSegments();
        double part = c.partTargetSeconds();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--rtmp-port" -> c = c.withBind(c.bindAddress(), Integer.parseInt(v), c.httpPort());
                    case "--http-port" -> c = c.withBind(c.bindAddress(), c.rtmpPort(), Integer.parseInt(v));
                    case "--bind" -> c = c.withBind(v, c.rtmpPort(), c.httpPort());
                    case "--keys" -> c = c.withAllowedKeys(new HashSet<>(Arrays.asList(v.split(","))));
                    case "--target-duration" -> target = Integer.parseInt(v);
                    case "--window" -> window = Integer.parseInt(v);
                    case "--part" -> part = Double.parseDouble(v);
                    case "--record" -> c = c.withRecordDirectory(Path.of(v));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number for " + a + ": " + v);
            }
        }
        return c.withSegments(target, window, part);
    }
}
