package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.Json;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin's MP4 recording plays and seeks in Chromium's own {@code <video>} (no player library):
 * ffmpeg publishes the H.264/AAC fixture three times over (12 s), the recording is served over HTTP
 * with byte ranges (as any file server does), and the page plays it, seeks to 7 s, and plays on from
 * there with no error.
 */
@Tag("interop")
class RecordingBrowserInteropTest {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    @TempDir
    Path dir;

    /** A loopback file server with single byte ranges (RFC 9110 §14), as a browser's media element needs to seek. */
    static HttpServer serve(Path file) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        byte[] bytes = Files.readAllBytes(file);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "video/mp4");
                exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
                String range = exchange.getRequestHeaders().getFirst("Range");
                Matcher m = range == null ? null : RANGE.matcher(range);
                int from = 0;
                int to = bytes.length - 1;
                if (m != null && m.matches()) {
                    from = Integer.parseInt(m.group(1));
                    to = m.group(2).isEmpty() ? bytes.length - 1 : Math.min(bytes.length - 1, Integer.parseInt(m.group(2)));
                    exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
                    exchange.sendResponseHeaders(206, to - from + 1);
                } else {
                    exchange.sendResponseHeaders(200, bytes.length);
                }
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes, from, to - from + 1);
                }
            } catch (java.io.IOException e) {
                // the browser cancelled a range it no longer needs
            }
        });
        server.start();
        return server;
    }

    @Test
    void theMp4RecordingPlaysAndSeeksInChromium() throws Exception {
        Path browserDir = BrowserPlaybackInteropTest.browserDir();
        String node = BrowserPlaybackInteropTest.requireNode();
        Path chromium = ExternalTools.require("chromium", "chromium");
        BrowserPlaybackInteropTest.requireNodeModules(browserDir);
        Path source = Fixtures.copyTo(CmafFixtures.AVC, dir);
        Path records = dir.resolve("records");
        Path mp4;
        try (LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral().withRecordDirectory(records));
                Procs procs = new Procs(dir)) {
            Procs.Run publisher = procs.start(List.of(CmafInteropTest.ffmpeg().toString(), "-hide_banner", "-nostdin", "-v",
                    "error", "-stream_loop", "2", "-i", source.toString(), "-c", "copy", "-f", "flv",
                    "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/rec"));
            assertThat(publisher.await(60)).as(publisher.stderrText()).isZero();
            Resources.waitFor(() -> origin.stats("rec").state().equals("ended"), 10_000, "clean unpublish");
        }
        try (var list = Files.list(records)) {
            mp4 = list.filter(f -> f.toString().endsWith(".mp4")).findFirst().orElseThrow();
        }
        HttpServer server = serve(mp4);
        try (Procs procs = new Procs(dir); BrowserPlaybackInteropTest.ProcessTrees trees = new BrowserPlaybackInteropTest.ProcessTrees()) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/rec.mp4";
            Procs.Run run = procs.start(List.of(node, browserDir.resolve("play.mjs").toString(), "--player", "video", "--url", url,
                    "--seconds", "3", "--seek", "7", "--startup-timeout", "20", "--timeout", "60", "--chromium", chromium.toString()));
            trees.add(run.process());
            int exit = run.await(75);
            String line = run.stdoutText().strip().lines().reduce((a, b) -> b).orElse("");
            System.out.println("browser check video (MP4 recording): " + line);
            assertThat(exit).as(line + "\n" + run.stderrText()).isZero();
            Object r = Json.parse(line);
            assertThat((Boolean) Json.at(r, "started")).as(line).isTrue();
            assertThat((List<?>) Json.at(r, "errors")).as(line).isEmpty();
            assertThat((List<?>) Json.at(r, "pageErrors")).as(line).isEmpty();
            assertThat(BrowserPlaybackInteropTest.number(r, "seekReached")).as("seeked to 7 s: " + line).isBetween(6.9, 7.5);
            assertThat(BrowserPlaybackInteropTest.number(r, "currentTimeEnd")).as("plays on after the seek: " + line)
                    .isGreaterThan(8.5);
        } finally {
            server.stop(0);
        }
    }
}
