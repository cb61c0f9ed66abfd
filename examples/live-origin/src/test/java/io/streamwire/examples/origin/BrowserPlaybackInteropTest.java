package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.Json;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real browsers play the origin: headless Chromium (Debian's, through puppeteer-core) runs hls.js with
 * LL-HLS off and with {@code lowLatencyMode}, flv.js and mpegts.js over HTTP-FLV, while ffmpeg 5.1
 * publishes the fixture in a loop. The players run in parallel for 20 s each from a page served on
 * another loopback port (every origin answer crosses origins, so CORS is exercised). Each must gain
 * at least 18 s of media time in 20 s with no player error, and LL-HLS must stay under 3 s behind the
 * live edge ({@code hls.latency}). The node script is {@code src/test/browser/play.mjs}; its
 * {@code node_modules} come from {@code npm ci} in that folder. A missing node, Chromium or
 * {@code node_modules} fails the test. Every process is bounded in time and killed in {@code finally}.
 */
@Tag("interop")
class BrowserPlaybackInteropTest {
    static final String KEY = "browser";
    static final int SECONDS = 20;
    static final double MIN_MEDIA_ADVANCE_SECONDS = 18;
    static final double MAX_LL_HLS_LATENCY_SECONDS = 3;
    /** What package-lock.json pins: checked so that a stale node_modules fails loudly. */
    static final Map<String, String> PINNED = Map.of("puppeteer-core", "25.16.0", "hls.js", "1.7.4", "flv.js", "1.6.2",
            "mpegts.js", "1.8.2");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    record Player(String name, String url) {}

    @Test
    void hlsJsLowLatencyHlsJsFlvJsAndMpegtsJsPlayTheLiveStreamsInChromium() throws Exception {
        Path browserDir = browserDir();
        String node = requireNode();
        Path chromium = ExternalTools.require("chromium", "chromium");
        requireNodeModules(browserDir);
        Path fixture = Fixtures.copyTo(RemuxPipelineTest.FIXTURE, dir);
        OriginConfig base = OriginConfig.loopbackEphemeral();
        try (LiveOrigin plain = LiveOrigin.start(base.withSegmentFormat(OriginConfig.SegmentFormat.TS).withSegments(2, 10, 0)); // MPEG-TS
                // fMP4 (CMAF) LL-HLS, the default segment format
                LiveOrigin lowLatency = LiveOrigin.start(base.withSegments(2, 10, 0.334));
                Procs procs = new Procs(dir);
                ProcessTrees trees = new ProcessTrees()) {
            // the 4 s fixture, looped with its timestamps continued (-stream_loop), copied as it is
            Procs.Run plainPublisher = procs.publish(fixture, rtmp(plain), "-re", "-stream_loop", "-1");
            Procs.Run llPublisher = procs.publish(fixture, rtmp(lowLatency), "-re", "-stream_loop", "-1");
            // hls.js starts HOLD-BACK (3 targets) behind the edge: let three segments exist first
            String plainPlaylist = awaitSegments(plain, 3, 20_000);
            String llPlaylist = awaitSegments(lowLatency, 3, 20_000);
            assertThat(plainPlaylist).as("part target 0: no LL-HLS").doesNotContain("#EXT-X-PART");
            assertThat(llPlaylist).contains("#EXT-X-PART-INF:").contains("#EXT-X-PRELOAD-HINT");

            List<Player> players = List.of(new Player("hls", http(plain) + KEY + ".m3u8"),
                    new Player("hlsll", http(lowLatency) + KEY + ".m3u8"), new Player("flv", http(plain) + KEY + ".flv"),
                    new Player("mpegts", http(plain) + KEY + ".flv"));
            Map<Player, Procs.Run> runs = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            for (Player p : players) {
                Procs.Run run = procs.start(List.of(node, browserDir.resolve("play.mjs").toString(), "--player", p.name(),
                        "--url", p.url(), "--seconds", Integer.toString(SECONDS), "--startup-timeout", "20", "--timeout", "75",
                        "--chromium", chromium.toString()));
                trees.add(run.process());
                runs.put(p, run);
            }
            SoftAssertions soft = new SoftAssertions();
            for (Map.Entry<Player, Procs.Run> e : runs.entrySet()) {
                Player p = e.getKey();
                Procs.Run run = e.getValue();
                int exit = run.await(90);
                String out = run.stdoutText().strip();
                String line = out.lines().reduce((a, b) -> b).orElse("");
                System.out.println("browser check " + p.name() + " (" + (System.nanoTime() - t0) / 1_000_000 + " ms): " + line);
                String context = p.name() + " " + p.url() + "\nstdout: " + out + "\nstderr: " + run.stderrText();
                if (exit != 0 || !line.startsWith("{")) {
                    soft.fail("%s: play.mjs exited %d%n%s", p.name(), exit, context);
                    continue;
                }
                Object r = Json.parse(line);
                soft.assertThat((Boolean) Json.at(r, "started")).as("playback started: " + context).isTrue();
                soft.assertThat(number(r, "windowMs")).as("sampled for %d s: %s", SECONDS, context).isGreaterThanOrEqualTo(SECONDS * 1000 - 100);
                soft.assertThat(number(r, "mediaAdvanceSeconds")).as("media time gained in %d s: %s", SECONDS, context)
                        .isGreaterThanOrEqualTo(MIN_MEDIA_ADVANCE_SECONDS);
                soft.assertThat((List<?>) Json.at(r, "errors")).as("player errors: " + context).isEmpty();
                soft.assertThat((List<?>) Json.at(r, "pageErrors")).as("page errors: " + context).isEmpty();
                soft.assertThat((List<?>) Json.at(r, "requestsFailed")).as("failed requests: " + context).isEmpty();
                if (p.name().equals("hlsll")) {
                    soft.assertThat(number(r, "latency", "n")).as("latency samples: " + context).isGreaterThanOrEqualTo(SECONDS * 2);
                    soft.assertThat(number(r, "latency", "max")).as("LL-HLS latency (hls.latency), worst sample: " + context)
                            .isLessThan(MAX_LL_HLS_LATENCY_SECONDS);
                }
            }
            soft.assertThat(plainPublisher.process().isAlive()).as("publisher still live: " + plainPublisher.stderrText()).isTrue();
            soft.assertThat(llPublisher.process().isAlive()).as("publisher still live: " + llPublisher.stderrText()).isTrue();
            soft.assertThat(plain.stats(KEY).packagerErrors()).isZero();
            soft.assertThat(lowLatency.stats(KEY).packagerErrors()).isZero();
            soft.assertAll();
        }
    }

    static String rtmp(LiveOrigin origin) {
        return "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + KEY;
    }

    static String http(LiveOrigin origin) {
        return "http://127.0.0.1:" + origin.httpPort() + "/live/";
    }

    static double number(Object json, Object... path) {
        Object v = Json.at(json, path);
        if (!(v instanceof BigDecimal d)) {
            return fail("expected a number at " + List.of(path) + " in " + json);
        }
        return d.doubleValue();
    }

    /** Waits until the live playlist lists {@code count} full segments and returns it. */
    static String awaitSegments(LiveOrigin origin, int count, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(http(origin) + KEY + ".m3u8"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                last = r.body();
                if (last.split("#EXTINF:", -1).length - 1 >= count) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        return fail("fewer than " + count + " segments within " + millis + " ms; last playlist:\n" + last);
    }

    static Path browserDir() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        for (Path candidate : List.of(module.resolve("src/test/browser"), module.resolve("examples/live-origin/src/test/browser"))) {
            if (Files.isRegularFile(candidate.resolve("play.mjs"))) {
                return candidate;
            }
        }
        return fail("src/test/browser/play.mjs not found under " + module);
    }

    /** node from PATH, at least 20 (puppeteer-core 25 and its WebDriver BiDi layer need 20.19+). */
    static String requireNode() {
        String node = ExternalTools.require("node", "nodejs").toString();
        List<String> command = List.of(node, "--version");
        String version = ExternalTools.run(30, command).requireSuccess(command).stdout().strip();
        Matcher m = Pattern.compile("v(\\d+)\\.(\\d+)").matcher(version);
        if (!m.lookingAt() || Integer.parseInt(m.group(1)) < 20
                || (Integer.parseInt(m.group(1)) == 20 && Integer.parseInt(m.group(2)) < 19)) {
            return fail("node " + version + " at " + node + " is too old for puppeteer-core 25: 20.19 or newer is needed");
        }
        return node;
    }

    static void requireNodeModules(Path browserDir) throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : PINNED.entrySet()) {
            Path manifest = browserDir.resolve("node_modules").resolve(e.getKey()).resolve("package.json");
            if (!Files.isRegularFile(manifest)) {
                problems.add(e.getKey() + " is not installed");
                continue;
            }
            Object version = Json.at(Json.parse(Files.readString(manifest)), "version");
            if (!e.getValue().equals(version)) {
                problems.add(e.getKey() + " is " + version + ", package-lock.json pins " + e.getValue());
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("; ", problems) + ": run `npm ci --no-audit --no-fund` in " + browserDir
                    + " (PUPPETEER_SKIP_DOWNLOAD=1; .ci/run does it)");
        }
    }

    /**
     * Kills what the node scripts started: puppeteer runs Chromium in a process group of its own,
     * which a forcible kill of node alone would leave running. Closed before {@link Procs}.
     */
    static final class ProcessTrees implements AutoCloseable {
        private final List<Process> roots = new ArrayList<>();

        void add(Process p) {
            roots.add(p);
        }

        @Override
        public void close() throws InterruptedException {
            for (Process p : roots) {
                if (p.isAlive()) {
                    p.destroy(); // SIGTERM: puppeteer closes its browser
                }
            }
            for (Process p : roots) {
                List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
                if (p.isAlive() && !p.waitFor(3, TimeUnit.SECONDS)) {
                    tree.addAll(p.descendants().toList());
                }
                tree.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
