package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.OnMetaData;
import io.streamwire.flv.ScriptData;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing is authorised apart from playback (a stream secret publishes, the public name plays and
 * cannot publish), playback tokens, the admin port's JSON stats and Prometheus metrics (never on the
 * public port, never carrying a secret), and recordings finalised with their keyframe index when the
 * origin stops mid-publish.
 */
class OriginOperationsTest {
    @TempDir
    Path dir;

    static HttpResponse<String> get(String url) throws Exception {
        return HostileClientsTest.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static OriginConfig withSecurity(OriginConfig c, Map<String, String> secrets, byte[] playKey) {
        OriginConfig.Security s = c.security();
        return c.withSecurity(new OriginConfig.Security(secrets, null, null, s.callbackTimeoutMillis(), playKey, 0, "127.0.0.1"));
    }

    @Test
    void aStreamSecretPublishesThePublicNameWhichCannotPublish() throws Exception {
        OriginConfig config = withSecurity(OriginConfig.loopbackEphemeral(), Map.of("cam1", "s3cret-key-0123"), null);
        try (LiveOrigin origin = LiveOrigin.start(config)) {
            try (TestPublisher byName = new TestPublisher(origin.rtmpPort(), "cam1", 1, false)) {
                Resources.waitFor(() -> byName.started() || byName.refused(), 5_000, "publish answer");
                assertThat(byName.refused()).as("the public name is not a publish key").isTrue();
            }
            assertThat(origin.publishesRejected()).isEqualTo(1);
            try (TestPublisher bySecret = new TestPublisher(origin.rtmpPort(), "s3cret-key-0123", 1, false)) {
                Resources.waitFor(() -> origin.stats("cam1") != null && origin.stats("cam1").segments() >= 1, 10_000,
                        "cam1 has a segment");
                assertThat(origin.keys()).containsExactly("cam1"); // nothing under the secret
                String base = "http://127.0.0.1:" + origin.httpPort();
                assertThat(get(base + "/live/cam1.m3u8").statusCode()).isEqualTo(200);
                assertThat(get(base + "/live/s3cret-key-0123.m3u8").statusCode()).isEqualTo(404);
                assertThat(get(base + "/stats").statusCode()).as("no stats on the public port").isEqualTo(404);
                assertThat(get(base + "/metrics").statusCode()).isEqualTo(404);

                String admin = "http://127.0.0.1:" + origin.adminPort();
                HttpResponse<String> stats = get(admin + "/stats");
                assertThat(stats.statusCode()).isEqualTo(200);
                assertThat(stats.headers().firstValue("content-type")).contains("application/json");
                assertThat(stats.body()).contains("\"cam1\"").contains("\"avc1.64").contains("\"width\":320")
                        .doesNotContain("s3cret");
                HttpResponse<String> metrics = get(admin + "/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body()).contains("streamwire_origin_").contains("stream=\"cam1\"").doesNotContain("s3cret");
            }
        }
    }

    @Test
    void signedPlaybackNeedsAValidTokenAndThePlaylistCarriesIt() throws Exception {
        byte[] key = "play-key".getBytes(StandardCharsets.UTF_8);
        try (LiveOrigin origin = LiveOrigin.start(withSecurity(OriginConfig.loopbackEphemeral(), Map.of(), key));
                TestPublisher p = new TestPublisher(origin.rtmpPort(), "tv", 1, false)) {
            Resources.waitFor(() -> origin.stats("tv") != null && origin.stats("tv").segments() >= 1, 10_000, "a segment");
            String base = "http://127.0.0.1:" + origin.httpPort() + "/live/";
            assertThat(get(base + "tv.m3u8").statusCode()).isEqualTo(403);
            assertThat(get(base + "tv.flv").statusCode()).isEqualTo(403);
            String query = PlaybackTokens.of(key).query("tv", Instant.now().getEpochSecond() + 60);
            assertThat(get(base + "tv.m3u8?" + query.replace("sig=", "sig=0")).statusCode()).isEqualTo(403);
            HttpResponse<String> playlist = get(base + "tv.m3u8?" + query);
            assertThat(playlist.statusCode()).isEqualTo(200);
            List<String> uris = playlist.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            assertThat(uris).isNotEmpty().allMatch(u -> u.endsWith("?" + query));
            assertThat(get(base + uris.get(0)).statusCode()).isEqualTo(200);
            assertThat(get(base + uris.get(0).substring(0, uris.get(0).indexOf('?'))).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void stoppingTheOriginMidPublishFinalisesTheRecording() throws Exception {
        Path records = dir.resolve("records");
        LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral().withRecordDirectory(records));
        TestPublisher p = new TestPublisher(origin.rtmpPort(), "rec", 1, false);
        try {
            Resources.waitFor(() -> origin.stats("rec") != null && origin.stats("rec").messagesIn() > 200, 15_000, "3 s of media");
        } finally {
            origin.close(); // mid-publish
            p.kill();
        }
        Path file;
        try (var list = Files.list(records)) {
            file = list.filter(f -> f.toString().endsWith(".flv")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        OnMetaData[] meta = new OnMetaData[1];
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == 18 && meta[0] == null) {
                meta[0] = ScriptData.parse(tag.body()).onMetaData();
            }
        });
        decoder.feed(ByteBuffer.wrap(bytes));
        decoder.endOfInput();
        assertThat(meta[0]).as("onMetaData written on close").isNotNull();
        assertThat(meta[0].duration()).isGreaterThan(2.0);
        OnMetaData.Keyframes index = meta[0].keyframes();
        assertThat(index).isNotNull();
        assertThat(index.times()).hasSizeGreaterThanOrEqualTo(3).startsWith(0.0, 1.0);
        for (double position : index.filepositions()) {
            assertThat(bytes[(int) position]).as("a video tag").isEqualTo((byte) 9);
            assertThat(bytes[(int) position + 11] & 0xF0).as("a keyframe").isEqualTo(0x10);
        }
    }
}
