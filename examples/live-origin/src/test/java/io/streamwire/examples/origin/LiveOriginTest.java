package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Command line, key rules and the HTTP surface without a publisher (hermetic: sockets on loopback only). */
class LiveOriginTest {
    @Test
    void commandLine() {
        OriginConfig c = LiveOrigin.parseArgs(new String[] {"--rtmp-port", "1936", "--http-port", "8081", "--keys", "a,b",
                "--target-duration", "4", "--window", "6", "--part", "0.5", "--record", "/tmp/rec"});
        assertThat(c.rtmpPort()).isEqualTo(1936);
        assertThat(c.httpPort()).isEqualTo(8081);
        assertThat(c.allowedKeys()).containsExactlyInAnyOrder("a", "b");
        assertThat(c.targetDurationSeconds()).isEqualTo(4);
        assertThat(c.windowSegments()).isEqualTo(6);
        assertThat(c.partTargetSeconds()).isEqualTo(0.5);
        assertThat(c.recordDirectory()).isEqualTo(Path.of("/tmp/rec"));
        assertThat(c.allows("a")).isTrue();
        assertThat(c.allows("c")).isFalse();
        assertThat(OriginConfig.defaults().allows("anything")).isTrue();
        assertThat(LiveOrigin.parseArgs(new String[0])).isEqualTo(OriginConfig.defaults());
        assertThatThrownBy(() -> LiveOrigin.parseArgs(new String[] {"--nope", "1"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveOrigin.parseArgs(new String[] {"--rtmp-port"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveOrigin.parseArgs(new String[] {"--window", "x"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveOrigin.parseArgs(new String[] {"--part", "3", "--target-duration", "2"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandLineForOutputSecurityAndLimits() {
        OriginConfig c = LiveOrigin.parseArgs(new String[] {"--segments", "ts", "--record-formats", "mp4",
                "--stream", "cam1=s1,cam2=s2", "--publish-secret", "k", "--play-secret", "p", "--on-publish",
                "http://127.0.0.1:9/auth", "--admin-port", "-1", "--grace", "2.5", "--max-per-address", "7",
                "--reader-batch-ms", "15"});
        assertThat(c.output()).isEqualTo(new OriginConfig.Output(OriginConfig.SegmentFormat.TS, false, true));
        assertThat(c.security().streamSecrets()).containsEntry("cam1", "s1").containsEntry("cam2", "s2");
        assertThat(c.security().publishTokenKey()).containsExactly('k');
        assertThat(c.security().playbackTokenKey()).containsExactly('p');
        assertThat(c.security().onPublishUrl()).hasToString("http://127.0.0.1:9/auth");
        assertThat(c.security().adminPort()).isEqualTo(-1);
        assertThat(c.security().publishRestricted()).isTrue();
        assertThat(c.limits().graceMillis()).isEqualTo(2500);
        assertThat(c.limits().maxConnectionsPerAddress()).isEqualTo(7);
        assertThat(c.limits().readerBatchMillis()).isEqualTo(15);
        assertThat(OriginConfig.defaults().limits().readerBatchMillis()).isEqualTo(100);
        assertThat(OriginConfig.defaults().output().segments()).isEqualTo(OriginConfig.SegmentFormat.FMP4);
        assertThat(OriginConfig.defaults().security().publishRestricted()).isFalse();
        for (String[] bad : new String[][] {{"--segments", "mkv"}, {"--record-formats", "avi"}, {"--stream", "nosecret"}, {"--reader-batch-ms", "1001"}, {"--reader-batch-ms", "-1"}}) {
            assertThatThrownBy(() -> LiveOrigin.parseArgs(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theNioTransportServesWhereEpollIsNotWanted() throws Exception {
        assertThat(Transport.choose("auto")).isEqualTo(io.netty.channel.epoll.Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO);
        assertThatThrownBy(() -> Transport.choose("kqueue")).isInstanceOf(IllegalArgumentException.class);
        String before = System.getProperty(Transport.PROPERTY);
        System.setProperty(Transport.PROPERTY, "nio");
        try (LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral().withTimes(5_000, 0));
                TestPublisher pub = new TestPublisher(origin.rtmpPort(), "nio", 1.0, false)) {
            assertThat(origin.transport()).isEqualTo(Transport.NIO);
            HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + origin.httpPort() + "/live/nio.flv")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            try (java.io.DataInputStream in = new java.io.DataInputStream(r.body())) {
                byte[] header = new byte[13];
                in.readFully(header);
                assertThat(new String(header, 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("FLV");
                int tags = 0;
                boolean keyframe = false;
                long bytes = 0;
                while (bytes < 100_000) { // about 2.5 s of the fixture, every tag whole and in sequence
                    int type = in.readUnsignedByte();
                    int size = (in.readUnsignedShort() << 8) | in.readUnsignedByte();
                    in.readFully(new byte[7]); // timestamp, extension, stream id
                    byte[] body = new byte[size];
                    in.readFully(body);
                    assertThat(type).isIn(8, 9, 18);
                    assertThat(in.readInt()).as("previous tag size").isEqualTo(11 + size);
                    keyframe |= type == 9 && size > 1 && (body[0] & 0xF0) == 0x10 && body[1] == 1;
                    tags++;
                    bytes += 15 + size;
                }
                assertThat(tags).isGreaterThan(20);
                assertThat(keyframe).isTrue();
            }
        } finally {
            if (before == null) {
                System.clearProperty(Transport.PROPERTY);
            } else {
                System.setProperty(Transport.PROPERTY, before);
            }
        }
    }

    @Test
    void keysThatCannotBecomeUrlsOrFileNamesAreRefused() {
        assertThat(LiveOrigin.validKey("camera_1.main-2")).isTrue();
        for (String bad : new String[] {"", "../etc", ".hidden", "a/b", "a b", "a?b", "x".repeat(65), null}) {
            assertThat(LiveOrigin.validKey(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void httpSurfaceWithoutPublisher() throws Exception {
        try (LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral().withTimes(200, 0))) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + origin.httpPort();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/live/none.m3u8")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            r = client.send(HttpRequest.newBuilder(URI.create(base + "/live/none.m3u8?_HLS_part=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            r = client.send(HttpRequest.newBuilder(URI.create(base + "/live/none/3.ts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            r = client.send(HttpRequest.newBuilder(URI.create(base + "/live/none.flv")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("HTTP-FLV waits playWaitMillis for a publisher, then 404").isEqualTo(404);
            r = client.send(HttpRequest.newBuilder(URI.create(base + "/live/x.m3u8"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, HEAD, OPTIONS");
            r = client.send(HttpRequest.newBuilder(URI.create(base + "/etc/passwd")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            origin.sweepNow();
            assertThat(origin.keys()).isEmpty(); // the reader that gave up left nothing behind
        }
    }

    @Test
    void garbageOnTheRtmpPortClosesThatConnectionOnly() throws Exception {
        try (LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral().withAllowedKeys(Set.of("k")))) {
            try (Socket s = new Socket("127.0.0.1", origin.rtmpPort())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                assertThat(in.read()).as("closed without an answer").isEqualTo(-1);
            } catch (java.net.SocketException e) {
                // reset: closed as well
            }
            long deadline = System.currentTimeMillis() + 5000;
            // the failure is counted before the connection is closed and uncounted: wait for both
            while ((origin.rtmpConnectionsFailed() == 0 || origin.rtmpConnectionsOpen() != 0)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(origin.rtmpConnectionsFailed()).isEqualTo(1);
            assertThat(origin.rtmpConnectionsOpen()).isZero();
        }
    }
}
