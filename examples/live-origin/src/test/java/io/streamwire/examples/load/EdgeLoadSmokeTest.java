package io.streamwire.examples.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.examples.origin.LiveOrigin;
import io.streamwire.examples.origin.OriginConfig;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.Json;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load tool and the nginx edge configuration, proven small on loopback: the origin in this
 * JVM, ffmpeg looping the committed fixture into it, nginx with {@code load/nginx-edge.conf} in
 * front, then 20 s of 200 HLS viewers through the edge, 200 straight on the origin and 100 HTTP-FLV
 * readers (25 of them through the edge), with the playlist probe and a second ffmpeg publish that
 * ffprobe must read. The full-size run is {@code load/run-load.sh}.
 */
@Tag("interop")
class EdgeLoadSmokeTest {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void smallLoadThroughTheEdgeAndStraightOnTheOriginHasNoErrors() throws Exception {
        String ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg").toString();
        ExternalTools.require("ffprobe", "ffmpeg");
        Path fixture = Fixtures.copyTo("origin/avc-aac-4s.flv", dir);
        Process publisher = null;
        try (LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral())) {
            String rtmp = "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/";
            String http = "http://127.0.0.1:" + origin.httpPort() + "/live/";
            publisher = new ProcessBuilder(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-re", "-stream_loop", "-1",
                    "-i", fixture.toString(), "-c", "copy", "-f", "flv", rtmp + "smoke")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("publish.log").toFile()).start();
            String playlist = awaitSegments(http + "smoke.m3u8", 2, 30);
            try (NginxEdge edge = NginxEdge.start(dir.resolve("edge"), origin.httpPort())) {
                checkEdgeCaching(edge, http, playlist);

                LoadConfig config = LoadConfig.of(20).withRamp(5)
                        .withHls(400, edge.base() + "/live/smoke.m3u8", http + "smoke.m3u8")
                        .withFlv(100, http + "smoke.flv", http + "smoke.flv", http + "smoke.flv", edge.base() + "/live/smoke.flv")
                        .withProbe(http + "smoke.m3u8")
                        .withPublishProbe(rtmp + "probe", http + "probe.m3u8");
                String json = LoadGenerator.run(config, 2);
                Object summary = Json.parse(json);

                assertThat(number(summary, "hls", "failures", "total")).as(json).isZero();
                assertThat(number(summary, "flv", "failures", "total")).as(json).isZero();
                assertThat(number(summary, "flv", "connectedAtEnd")).as(json).isEqualTo(100);
                assertThat(number(summary, "flv", "bytes")).as(json).isGreaterThan(100 * 100_000L);
                // Every viewer had its start segments and the playlist reloads of 15 s or more.
                assertThat(number(summary, "hls", "segments", "count")).as(json).isGreaterThanOrEqualTo(400 * 3);
                assertThat(number(summary, "hls", "playlists", "count")).as(json).isGreaterThanOrEqualTo(400 * 5);
                assertThat(number(summary, "probe", "failures", "total")).as(json).isZero();
                assertThat(number(summary, "probe", "playlist", "count")).as(json).isGreaterThanOrEqualTo(15);
                assertThat(decimal(summary, "probe", "playlist", "p99Ms")).as(json).isLessThan(100.0);
                assertThat((Boolean) Json.at(summary, "publish", "ok")).as(json).isTrue();
                assertThat(edge.log()).as("nginx error log").doesNotContain("[alert]", "[emerg]", "[crit]");
            }
        } finally {
            if (publisher != null) {
                publisher.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Segments come from the cache on the second request and keep the origin's max-age; playlists
     * keep "no-cache" for players; an LL-HLS blocking reload reaches the origin with its query.
     */
    private static void checkEdgeCaching(NginxEdge edge, String originHttp, String playlist) throws Exception {
        List<String> uris = playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        String segment = edge.base() + "/live/" + uris.get(uris.size() - 1);
        HttpResponse<byte[]> first = get(segment);
        HttpResponse<byte[]> second = get(segment);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("X-Cache-Status")).hasValue("HIT");
        assertThat(second.headers().firstValue("Cache-Control").orElse("")).startsWith("max-age=");

        HttpResponse<byte[]> list = get(edge.base() + "/live/smoke.m3u8");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Cache-Control")).hasValue("no-cache");

        long last = Long.parseLong(uris.get(uris.size() - 1).replaceAll(".*/(\\d+)\\.(ts|m4s)$", "$1"));
        String blocking = edge.base() + "/live/smoke.m3u8?_HLS_msn=" + (last + 1) + "&_HLS_part=0";
        HttpResponse<byte[]> held = get(blocking);
        assertThat(held.statusCode()).as(new String(held.body())).isEqualTo(200);
        // The origin answered the query: the playlist now has part 0 of segment last+1.
        assertThat(new String(held.body())).contains("/" + (last + 1) + ".0.");
        assertThat(held.headers().firstValue("X-Cache-Status")).hasValue("MISS");
        // Within the playlist's 1 s on the edge, the same blocking reload is a cache hit.
        assertThat(get(blocking).headers().firstValue("X-Cache-Status")).hasValue("HIT");
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Polls the playlist until it lists {@code segments} segments; returns it. */
    private static String awaitSegments(String url, int segments, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            body = r.body();
            if (r.statusCode() == 200 && body.lines().filter(l -> l.startsWith("#EXTINF")).count() >= segments) {
                return body;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + segments + " segments in " + url + " within " + seconds + " s: " + body);
    }

    private static long number(Object root, Object... path) {
        return ((BigDecimal) Json.at(root, path)).longValueExact();
    }

    private static double decimal(Object root, Object... path) {
        return ((BigDecimal) Json.at(root, path)).doubleValue();
    }
}
