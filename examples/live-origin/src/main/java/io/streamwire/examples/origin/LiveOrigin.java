package io.streamwire.examples.origin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * An RTMP → HLS / LL-HLS / HTTP-FLV origin built from Streamwire's public API on Netty.
 *
 * <p>Threads: one acceptor and one event loop per core, shared by RTMP and HTTP; no thread per
 * connection, per reader or per held request. A publisher's tags are packaged and fanned out on its
 * connection's event loop; each reader's connection drains its own bounded queue on its own loop.
 * See {@link OriginConfig.Limits} for every cap and deadline, {@link OriginConfig.Security} for
 * publish and playback authorisation, and {@link OriginArgs} for the command line.
 */
public final class LiveOrigin implements AutoCloseable {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final OriginConfig config;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Rate> rates = new ConcurrentHashMap<>();
    private final Waiters.Budget budget;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ReaderTicks readerTicks;
    private final Transport transport;
    private final Gate rtmpGate;
    private final Gate httpGate;
    private final Gate adminGate;
    private final io.netty.channel.Channel rtmpServer;
    private final io.netty.channel.Channel httpServer;
    private final io.netty.channel.Channel adminServer;
    private final PublishAuth publishAuth;
    private final PlaybackTokens playbackTokens;
    private final ScheduledFuture<?> janitor;
    private final AtomicInteger rtmpOpen = new AtomicInteger();
    private final AtomicInteger flvReaders = new AtomicInteger();
    private final AtomicInteger rtmpPlayers = new AtomicInteger();
    private final AtomicLong rtmpFailed = new AtomicLong();
    private final AtomicLong publishesRejected = new AtomicLong();
    private final AtomicLong requestsTimedOut = new AtomicLong();
    private final AtomicLong badRequests = new AtomicLong();
    private volatile boolean closed;

    /** Bitrate and HLS client estimate of one stream, updated by the janitor. */
    private static final class Rate {
        long lastBytes;
        long bitsPerSecond;
        final ConcurrentHashMap<String, Long> hlsSeen = new ConcurrentHashMap<>();
    }

    private LiveOrigin(OriginConfig config) throws java.io.IOException {
        this.config = config;
        OriginConfig.Limits limits = config.limits();
        OriginConfig.Security security = config.security();
        this.publishAuth = PublishAuth.create(new PublishAuth.PublishAuthConfig(security.streamSecrets(),
                security.publishTokenKey(), security.onPublishUrl(), Duration.ofMillis(security.callbackTimeoutMillis())),
                config.clock());
        this.playbackTokens = security.playbackTokenKey() == null ? null : PlaybackTokens.of(security.playbackTokenKey());
        this.budget = new Waiters.Budget(limits.maxPendingRequests());
        this.transport = Transport.choose(System.getProperty(Transport.PROPERTY, "auto"));
        this.boss = new MultiThreadIoEventLoopGroup(1, transport.handlers());
        this.workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), transport.handlers());
        this.readerTicks = new ReaderTicks(workers, limits.readerBatchMillis());
        this.rtmpGate = new Gate("rtmp", config.maxConnections(), limits.maxConnectionsPerAddress());
        this.httpGate = new Gate("http", limits.maxHttpConnections(), limits.maxConnectionsPerAddress());
        this.adminGate = new Gate("admin", 64, 0);
        boolean bound = false;
        try {
            rtmpServer = bind(config.bindAddress(), config.rtmpPort(), new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(rtmpGate, new WriteTimeoutHandler(limits.writeMillis(), TimeUnit.MILLISECONDS),
                            new RtmpHandler(LiveOrigin.this));
                }
            });
            httpServer = bind(config.bindAddress(), config.httpPort(), http(httpGate, false));
            adminServer = security.adminPort() < 0 ? null : bind(security.adminBind(), security.adminPort(), http(adminGate, true));
            bound = true;
        } finally {
            if (!bound) {
                shutdownGroups(); // also closes a listener bound before the one that failed
            }
        }
        janitor = boss.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        OriginLog.info("start", "rtmp", rtmpPort(), "http", httpPort(), "admin", adminPort(), "transport",
                transport.name().toLowerCase(java.util.Locale.ROOT), "publish",
                security.publishRestricted() ? "restricted" : config.allowedKeys().isEmpty() ? "open" : "allow-list",
                "playback", playbackTokens == null ? "open" : "signed");
    }

    private ChannelInitializer<SocketChannel> http(Gate gate, boolean admin) {
        OriginConfig.Limits limits = config.limits();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                HttpHandler handler = new HttpHandler(LiveOrigin.this, admin);
                ch.pipeline().addLast(gate, new WriteTimeoutHandler(limits.writeMillis(), TimeUnit.MILLISECONDS),
                        handler.new FirstByte(), new HttpServerCodec(4096, 8192, 8192), handler);
            }
        };
    }

    /** Binds one listener; a port in use (or any bind failure) is an IOException, as for a ServerSocket. */
    private io.netty.channel.Channel bind(String address, int port, ChannelInitializer<SocketChannel> init)
            throws java.io.IOException {
        int high = config.limits().maxWriteBufferBytes();
        io.netty.channel.ChannelFuture f = new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
                .childHandler(init)
                .bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
        if (!f.isSuccess()) {
            Throwable cause = f.cause();
            throw cause instanceof java.io.IOException io ? io
                    : new java.io.IOException("cannot listen on " + address + ":" + port, cause);
        }
        return f.channel();
    }

    /** Starts the RTMP, HTTP and admin listeners; a port that cannot be bound is an IOException. */
    public static LiveOrigin start(OriginConfig config) throws java.io.IOException {
        return new LiveOrigin(config);
    }

    /** Whether {@code key} is a usable stream name (it becomes part of URLs and file names). */
    static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches() && !key.startsWith(".");
    }

    Channel channel(String key) {
        return channels.computeIfAbsent(key, k -> new Channel(k, config, budget));
    }

    Channel existing(String key) {
        return channels.get(key);
    }

    // ---- authorisation ---------------------------------------------------------------------------

    /** Whether {@code publishingName} (as sent, with its query) may publish, and under which playback name. */
    CompletableFuture<PublishAuth.PublishDecision> authorizePublish(String publishingName, InetSocketAddress remote) {
        return publishAuth.authorize(new PublishAuth.PublishRequest(config.app(), publishingName, remote))
                .thenApply(d -> d.allowed() && !config.allows(d.playbackName())
                        ? PublishAuth.PublishDecision.refuse("name not on the allow-list") : d);
    }

    /** Whether the playback request for {@code name} with {@code query} may play. */
    boolean playAllowed(String name, String query) {
        return playbackTokens == null || playbackTokens.verify(name, query, config.clock().instant().getEpochSecond());
    }

    boolean playbackTokens() {
        return playbackTokens != null;
    }

    /** The playlist with the client's (token) query added to each URI. */
    byte[] withPlaybackQuery(byte[] playlist, String query) {
        return PlaybackTokens.withQuery(new String(playlist, StandardCharsets.UTF_8), query).getBytes(StandardCharsets.UTF_8);
    }

    // ---- counters the handlers keep --------------------------------------------------------------

    void rtmpOpened() {
        rtmpOpen.incrementAndGet();
    }

    void rtmpClosed() {
        rtmpOpen.decrementAndGet();
    }

    void rtmpFailed() {
        rtmpFailed.incrementAndGet();
    }

    void publishRejected() {
        publishesRejected.incrementAndGet();
    }

    void requestTimedOut() {
        requestsTimedOut.incrementAndGet();
    }

    void httpBadRequest() {
        badRequests.incrementAndGet();
    }

    /** The network transport in use (epoll on Linux unless {@code -Dstreamwire.origin.transport=nio}). */
    Transport transport() {
        return transport;
    }

    /** Drains a reader on {@code loop} at the loop's next reader tick (see {@link ReaderTicks}). From any thread. */
    void drainLater(io.netty.util.concurrent.EventExecutor loop, Runnable drain) {
        readerTicks.drainLater(loop, drain);
    }

    boolean takeFlvReader() {
        return take(flvReaders, config.limits().maxFlvReaders());
    }

    void releaseFlvReader() {
        flvReaders.decrementAndGet();
    }

    boolean takeRtmpPlayer() {
        return take(rtmpPlayers, config.limits().maxRtmpPlayers());
    }

    void releaseRtmpPlayer() {
        rtmpPlayers.decrementAndGet();
    }

    private static boolean take(AtomicInteger n, int max) {
        if (n.incrementAndGet() > max) {
            n.decrementAndGet();
            return false;
        }
        return true;
    }

    void playlistServed(Channel ch, String address) {
        rates.computeIfAbsent(ch.key, k -> new Rate()).hlsSeen.put(address, System.nanoTime());
    }

    // ---- janitor ---------------------------------------------------------------------------------

    private void sweep() {
        long now = System.nanoTime();
        boolean[] idle = new boolean[1];
        long hlsWindow = TimeUnit.SECONDS.toNanos(2L * config.targetDurationSeconds());
        for (var e : channels.entrySet()) {
            Channel ch = e.getValue();
            Object silent = ch.sweep(now, idle);
            if (silent instanceof RtmpHandler h) {
                h.drop("no media for " + config.limits().publisherIdleMillis() + " ms");
            }
            Rate r = rates.computeIfAbsent(e.getKey(), k -> new Rate());
            long bytes = ch.bytesIn();
            r.bitsPerSecond = Math.max(0, bytes - r.lastBytes) * 8;
            r.lastBytes = bytes;
            r.hlsSeen.values().removeIf(t -> now - t > hlsWindow);
            if (idle[0]) {
                channels.remove(e.getKey(), ch);
                rates.remove(e.getKey());
            }
        }
    }

    /** Drops channels with no publisher, no reader and no lingering playlist now (the janitor does it every second). */
    public void sweepNow() {
        sweep();
    }

    // ---- what the origin tells -------------------------------------------------------------------

    /** The configuration. */
    public OriginConfig config() {
        return config;
    }

    /** The RTMP port (useful with port 0). */
    public int rtmpPort() {
        return ((InetSocketAddress) rtmpServer.localAddress()).getPort();
    }

    /** The HTTP port (useful with port 0). */
    public int httpPort() {
        return ((InetSocketAddress) httpServer.localAddress()).getPort();
    }

    /** The admin port ({@code /stats}, {@code /metrics}), or -1 when there is none. */
    public int adminPort() {
        return adminServer == null ? -1 : ((InetSocketAddress) adminServer.localAddress()).getPort();
    }

    /** Counters per stream name held now. */
    public List<Channel.Stats> stats() {
        List<Channel.Stats> out = new ArrayList<>();
        for (Channel c : channels.values()) {
            out.add(c.stats());
        }
        return out;
    }

    /** Counters of one stream name, or null when the origin holds nothing for it. */
    public Channel.Stats stats(String key) {
        Channel c = channels.get(key);
        return c == null ? null : c.stats();
    }

    /** Stream names held now (live, in reconnect grace, lingering after unpublish, or awaited by readers). */
    public Set<String> keys() {
        return Set.copyOf(channels.keySet());
    }

    /** RTMP connections that ended with a protocol error (garbage, malformed chunks or AMF). */
    public long rtmpConnectionsFailed() {
        return rtmpFailed.get();
    }

    /** Publish requests refused (not authorised, malformed, or already published). */
    public long publishesRejected() {
        return publishesRejected.get();
    }

    /** RTMP connections open now. */
    public int rtmpConnectionsOpen() {
        return rtmpOpen.get();
    }

    /** HTTP connections open now (public port). */
    public int httpConnectionsOpen() {
        return httpGate.open();
    }

    /** Connections closed at once for a cap (RTMP and HTTP). */
    public long connectionsRefused() {
        return rtmpGate.refused() + httpGate.refused();
    }

    /** HTTP connections closed because a request's headers did not arrive in time, or idle keep-alive. */
    public long requestsTimedOut() {
        return requestsTimedOut.get();
    }

    /** Requests held now (blocking reloads, hinted parts, HTTP-FLV readers waiting for a publisher). */
    public int requestsHeld() {
        return budget.held();
    }

    private List<OriginMetrics.StreamStats> streamStats() {
        List<OriginMetrics.StreamStats> out = new ArrayList<>();
        for (Channel c : channels.values()) {
            Channel.Stats s = c.stats();
            StreamInfo v = s.videoHeader() == null ? StreamInfo.EMPTY : StreamInfo.video(s.videoHeader());
            StreamInfo a = s.audioHeader() == null ? StreamInfo.EMPTY : StreamInfo.audio(s.audioHeader());
            Rate r = rates.get(s.key());
            out.add(new OriginMetrics.StreamStats(s.key(), s.state(), v.codecString().isEmpty() ? v.codec() : v.codecString(),
                    v.width(), v.height(), v.frameRate(), a.codecString().isEmpty() ? a.codec() : a.codecString(),
                    r == null ? 0 : r.bitsPerSecond, s.bytesIn(), s.uptimeMillis(), r == null ? 0 : r.hlsSeen.size(),
                    s.flvReaders(), s.rtmpReaders(), s.readersDropped(), s.segments(), s.publishes(), 0));
        }
        return out;
    }

    private OriginMetrics.OriginTotals totals() {
        return new OriginMetrics.OriginTotals(rtmpOpen.get(), httpGate.open(), flvReaders.get(), publishesRejected.get(),
                connectionsRefused(), requestsTimedOut.get(), rtmpFailed.get() + badRequests.get());
    }

    /** {@code /stats}: JSON per stream. */
    String statsJson() {
        return OriginMetrics.json(streamStats(), totals());
    }

    /** {@code /metrics}: Prometheus text exposition. */
    String metricsText() {
        return OriginMetrics.prometheus(streamStats(), totals());
    }

    /** The URLs to print for {@code name}. */
    public List<String> urls(String host, String key) {
        return List.of("publish:   rtmp://" + host + ":" + rtmpPort() + "/" + config.app() + "/" + key,
                "HLS:       http://" + host + ":" + httpPort() + "/live/" + key + ".m3u8",
                "HTTP-FLV:  http://" + host + ":" + httpPort() + "/live/" + key + ".flv",
                "RTMP play: rtmp://" + host + ":" + rtmpPort() + "/" + config.app() + "/" + key);
    }

    /**
     * Stops listening, ends every stream (EXT-X-ENDLIST, readers closed, recordings finalised with
     * their keyframe index) and stops the event loops.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        janitor.cancel(false);
        rtmpServer.close().syncUninterruptibly();
        httpServer.close().syncUninterruptibly();
        if (adminServer != null) {
            adminServer.close().syncUninterruptibly();
        }
        for (Channel c : channels.values()) {
            c.shutdown();
        }
        shutdownGroups();
        OriginLog.info("stop");
    }

    private void shutdownGroups() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        boss.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }

    /** Command line entry point; see {@link OriginArgs} for the options. */
    public static void main(String[] args) throws java.io.IOException, InterruptedException {
        OriginConfig c;
        try {
            c = OriginArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(OriginArgs.USAGE);
            System.exit(2);
            return;
        }
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            // Netty samples one buffer in 128 with a stack trace by default (about 1.5 % of the CPU with
            // 200 readers); the tests run with it on, the command line without unless asked for
            io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
        LiveOrigin origin = start(c);
        Runtime.getRuntime().addShutdownHook(new Thread(origin::close, "origin-shutdown"));
        String host = c.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : c.bindAddress();
        String key = c.allowedKeys().isEmpty() ? "mystream" : c.allowedKeys().iterator().next();
        System.out.println("Streamwire live origin: RTMP on " + origin.rtmpPort() + ", HTTP on " + origin.httpPort()
                + (origin.adminPort() < 0 ? "" : ", admin (/stats, /metrics) on " + c.security().adminBind() + ":"
                        + origin.adminPort())
                + (c.security().publishRestricted() ? " (publishing needs a secret, token or callback)"
                        : c.allowedKeys().isEmpty() ? " (any stream name may publish: use --stream or --publish-secret"
                                + " before exposing it)" : " (names " + c.allowedKeys() + ")"));
        origin.urls(host, key).forEach(System.out::println);
        Thread.currentThread().join();
    }

    static OriginConfig parseArgs(String[] args) {
        return OriginArgs.parse(args);
    }
}
