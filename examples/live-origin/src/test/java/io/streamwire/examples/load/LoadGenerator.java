package io.streamwire.examples.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A load generator for the live origin (or any HLS / HTTP-FLV / RTMP server, or an edge in front
 * of one), in one process on one Netty event loop group: N HLS viewers that play like a player
 * ({@link HlsViewer}), N HTTP-FLV readers ({@link FlvReader}), N RTMP players ({@link RtmpReader}),
 * and while they run the {@link Probes} (a playlist a second; an extra ffmpeg publish that ffprobe
 * must read). It stops by itself after the duration and prints one JSON summary.
 *
 * <pre>
 * java -cp examples/live-origin/target/test-classes:examples/live-origin/target/live-origin.jar \
 *      io.streamwire.examples.load.LoadGenerator --hls http://127.0.0.1:8080/live/k.m3u8 --hls-viewers 500 \
 *      --flv http://127.0.0.1:8080/live/k.flv --flv-readers 100 --duration 60 \
 *      --probe http://127.0.0.1:8080/live/k.m3u8 \
 *      --publish-probe rtmp://127.0.0.1:1935/live/probe --publish-check http://127.0.0.1:8080/live/probe.m3u8
 * </pre>
 *
 * <p>Options ({@code --x a,b} takes a comma-separated list: clients go round-robin over it):
 * {@code --hls}, {@code --hls-viewers}, {@code --flv}, {@code --flv-readers}, {@code --rtmp},
 * {@code --rtmp-readers}, {@code --duration} (s), {@code --ramp} (s over which starts are spread),
 * {@code --timeout} (s), {@code --start-segments}, {@code --probe}, {@code --publish-probe},
 * {@code --publish-check}, {@code --source-ips} (0..250), {@code --threads}, {@code --out FILE}.
 *
 * <p>Thread-safe: {@link #run} may be called from any thread, one run at a time per call.
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    /** Runs {@code config} to its end and returns the JSON summary. */
    static String run(LoadConfig config, int threads) throws InterruptedException, IOException {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(config.durationSeconds());
        RequestStats playlists = new RequestStats();
        RequestStats segments = new RequestStats();
        Failures hlsFailures = new Failures();
        StreamStats flv = new StreamStats();
        StreamStats rtmp = new StreamStats();
        Probes probes = new Probes();
        long flvAtEnd;
        long rtmpAtEnd;
        int openAtEnd;
        int peak;
        Path work = Files.createTempDirectory("streamwire-load");
        List<Thread> probeThreads = new ArrayList<>();
        try (LoadContext ctx = new LoadContext(config, threads)) {
            int total = config.hlsViewers() + config.flvReaders() + config.rtmpReaders();
            long rampMillis = TimeUnit.SECONDS.toMillis(config.rampSeconds());
            int i = 0;
            for (int v = 0; v < config.hlsViewers(); v++, i++) {
                URI u = URI.create(config.hlsUrls().get(v % config.hlsUrls().size()));
                new HlsViewer(ctx, u, playlists, segments, hlsFailures).start(staggered(i, total, rampMillis));
            }
            for (int r = 0; r < config.flvReaders(); r++, i++) {
                URI u = URI.create(config.flvUrls().get(r % config.flvUrls().size()));
                new FlvReader(ctx, u, flv).start(staggered(i, total, rampMillis));
            }
            for (int r = 0; r < config.rtmpReaders(); r++, i++) {
                URI u = URI.create(config.rtmpUrls().get(r % config.rtmpUrls().size()));
                new RtmpReader(ctx, u, rtmp).start(staggered(i, total, rampMillis));
            }
            if (config.probeUrl() != null) {
                probeThreads.add(probes.startPlaylistProbe(URI.create(config.probeUrl()), deadline, config.requestTimeoutSeconds()));
            }
            if (config.publishUrl() != null) {
                int delay = Math.min(config.rampSeconds() + 1, Math.max(1, config.durationSeconds() - 20));
                probeThreads.add(probes.startPublishProbe(config.publishUrl(), config.publishCheckUrl(), delay, deadline, work));
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, deadline - System.nanoTime()));
            ctx.stop();
            flvAtEnd = flv.connected.sum();
            rtmpAtEnd = rtmp.connected.sum();
            openAtEnd = ctx.openConnections();
            peak = ctx.peakConnections();
            for (Thread t : probeThreads) {
                t.join(TimeUnit.SECONDS.toMillis(config.requestTimeoutSeconds() + 30));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return "{\"durationS\":" + RequestStats.round(seconds) + ",\"openFilesLimit\":" + openFilesLimit()
                + ",\"connectionsPeak\":" + peak + ",\"connectionsAtEnd\":" + openAtEnd
                + ",\"hls\":{\"viewers\":" + config.hlsViewers() + ",\"playlists\":" + playlists.toJson()
                + ",\"segments\":" + segments.toJson() + ",\"failures\":" + hlsFailures.toJson() + "}"
                + ",\"flv\":" + flv.toJson(config.flvReaders(), flvAtEnd)
                + ",\"rtmp\":" + rtmp.toJson(config.rtmpReaders(), rtmpAtEnd)
                + ",\"probe\":{\"playlist\":" + probes.playlist.toJson() + ",\"failures\":" + probes.playlistFailures.toJson()
                + "},\"publish\":" + probes.publishJson() + "}";
    }

    private static long staggered(int index, int total, long rampMillis) {
        return total <= 1 ? 0 : rampMillis * index / total;
    }

    /** The soft "Max open files" of this process from /proc/self/limits, or -1 where unknown. */
    static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring(26).strip().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Command-line entry point: see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        LoadConfig c;
        int threads = Runtime.getRuntime().availableProcessors();
        String out = null;
        int ramp = -1;
        int timeout = 10;
        int startSegments = 3;
        int sources = 8;
        int duration = 60;
        String[] hls = {};
        String[] flv = {};
        String[] rtmp = {};
        int hlsN = 0;
        int flvN = 0;
        int rtmpN = 0;
        String probe = null;
        String publish = null;
        String check = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--hls" -> hls = v.split(",");
                case "--hls-viewers" -> hlsN = Integer.parseInt(v);
                case "--flv" -> flv = v.split(",");
                case "--flv-readers" -> flvN = Integer.parseInt(v);
                case "--rtmp" -> rtmp = v.split(",");
                case "--rtmp-readers" -> rtmpN = Integer.parseInt(v);
                case "--duration" -> duration = Integer.parseInt(v);
                case "--ramp" -> ramp = Integer.parseInt(v);
                case "--timeout" -> timeout = Integer.parseInt(v);
                case "--start-segments" -> startSegments = Integer.parseInt(v);
                case "--probe" -> probe = v;
                case "--publish-probe" -> publish = v;
                case "--publish-check" -> check = v;
                case "--source-ips" -> sources = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--out" -> out = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + Arrays.toString(
                        new String[] {"--hls", "--hls-viewers", "--flv", "--flv-readers", "--rtmp", "--rtmp-readers",
                            "--duration", "--ramp", "--timeout", "--start-segments", "--probe", "--publish-probe",
                            "--publish-check", "--source-ips", "--threads", "--out"}));
            }
        }
        c = LoadConfig.of(duration).withRamp(ramp >= 0 ? ramp : Math.min(10, duration / 3))
                .withTimeouts(timeout, startSegments, sources).withHls(hlsN, hls).withFlv(flvN, flv).withRtmp(rtmpN, rtmp)
                .withProbe(probe);
        if (publish != null) {
            c = c.withPublishProbe(publish, check);
        }
        long clients = (long) hlsN + flvN + rtmpN;
        long limit = openFilesLimit();
        if (limit >= 0 && limit < clients + 200) {
            System.err.println("warning: open files limit " + limit + " is below " + (clients + 200)
                    + " (clients + slack): raise it with ulimit -n");
        }
        String json = run(c, threads);
        if (out != null) {
            Files.writeString(Path.of(out), json + "\n");
        }
        System.out.println(json);
    }
}
