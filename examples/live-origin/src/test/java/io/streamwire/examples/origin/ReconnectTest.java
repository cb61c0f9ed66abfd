package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvDecoder;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.Playlist;
import io.streamwire.hls.PlaylistValidator;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Publisher reconnects, as players see them: a lost publisher (connection dropped, or silent) holds
 * EXT-X-ENDLIST back for the grace period and keeps HTTP-FLV readers connected; a republish within it
 * continues the same playlist after EXT-X-DISCONTINUITY, and readers get the new stream with
 * timestamps that go on; a clean unpublish ends everything at once; a grace that runs out ends it too.
 * Media on message stream 0 after a publish is taken.
 */
class ReconnectTest {
    static OriginConfig config() {
        OriginConfig c = OriginConfig.loopbackEphemeral().withTimes(3000, 2000);
        return c.withLimits(OriginConfig.Limits.defaults().withPublisherTimes(1_500, 4_000));
    }

    /** One tag an HTTP-FLV reader got: type, timestamp, first two body bytes. */
    record Got(int type, long timestamp, int b0, int b1) {}

    /** Reads an HTTP-FLV response (chunked) into tags on a thread of its own until it ends. */
    static final class FlvReader implements AutoCloseable {
        final List<Got> tags = new CopyOnWriteArrayList<>();
        final Socket socket;
        final Thread thread;
        volatile boolean ended;

        FlvReader(int port, String name) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write(("GET /live/" + name + ".flv HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            thread = new Thread(this::run, "flv-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            FlvDecoder decoder = new FlvDecoder(t -> {
                ByteBuffer b = t.body();
                tags.add(new Got(t.tagType(), t.timestamp(), b.remaining() > 0 ? b.get(b.position()) & 0xFF : -1,
                        b.remaining() > 1 ? b.get(b.position() + 1) & 0xFF : -1));
            });
            try {
                InputStream in = socket.getInputStream();
                String head = HostileClientsTest.readHead(in);
                if (!head.startsWith("HTTP/1.1 200")) {
                    return;
                }
                while (true) { // chunked transfer coding
                    StringBuilder line = new StringBuilder();
                    for (int c; (c = in.read()) != '\n'; ) {
                        if (c < 0) {
                            return;
                        }
                        line.append((char) c);
                    }
                    int size = Integer.parseInt(line.toString().trim(), 16);
                    if (size == 0) {
                        return;
                    }
                    decoder.feed(ByteBuffer.wrap(in.readNBytes(size)));
                    in.readNBytes(2);
                }
            } catch (IOException e) {
                // closed
            } finally {
                ended = true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String playlist(LiveOrigin origin, String name) throws Exception {
        HttpResponse<String> r = HostileClientsTest.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + origin.httpPort() + "/live/" + name + ".m3u8")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(PlaylistValidator.validate(Playlist.parse(r.body()))).as(r.body()).isEmpty();
        return r.body();
    }

    @Test
    void aLostPublisherThatComesBackContinuesThePlaylistAndTheReaders() throws Exception {
        try (LiveOrigin origin = LiveOrigin.start(config())) {
            TestPublisher first = new TestPublisher(origin.rtmpPort(), "r", 1, false);
            Resources.waitFor(() -> origin.stats("r") != null && origin.stats("r").segments() >= 2, 15_000, "2 segments");
            try (FlvReader reader = new FlvReader(origin.httpPort(), "r")) {
                Resources.waitFor(() -> reader.tags.size() > 20, 5_000, "reader got tags");
                first.kill(); // no FCUnpublish: an encoder crash
                Resources.waitFor(() -> origin.stats("r").state().equals("grace"), 3_000, "grace");
                String during = playlist(origin, "r");
                assertThat(during).doesNotContain("#EXT-X-ENDLIST");
                long firstMsn = ((MediaPlaylist) Playlist.parse(during)).mediaSequence();
                int before = reader.tags.size();
                long lastBefore = reader.tags.get(before - 1).timestamp();

                try (TestPublisher second = new TestPublisher(origin.rtmpPort(), "r", 1, false)) {
                    Resources.waitFor(second::started, 5_000, "republish accepted");
                    long segments = origin.stats("r").segments();
                    Resources.waitFor(() -> origin.stats("r").segments() >= segments + 2, 15_000, "2 more segments");
                    String after = playlist(origin, "r");
                    assertThat(after).contains("#EXT-X-DISCONTINUITY").doesNotContain("#EXT-X-ENDLIST");
                    assertThat(((MediaPlaylist) Playlist.parse(after)).mediaSequence()).isEqualTo(firstMsn);
                    assertThat(reader.ended).as("the HTTP-FLV reader stayed connected").isFalse();
                    List<Got> later = reader.tags.subList(before, reader.tags.size());
                    assertThat(later).as("the reader gets the new publish").hasSizeGreaterThan(20);
                    assertThat(later).as("with its AVC sequence header")
                            .anyMatch(g -> g.type() == 9 && (g.b0() & 0x0F) == 7 && g.b1() == 0);
                    long prev = lastBefore;
                    for (Got g : later) {
                        if (g.type() == 9 && g.b1() != 0) { // coded video: the timeline goes on
                            assertThat(g.timestamp()).isGreaterThanOrEqualTo(prev - 200);
                            prev = Math.max(prev, g.timestamp());
                        }
                    }
                    assertThat(later.get(later.size() - 1).timestamp()).isGreaterThan(lastBefore);
                }
                // a clean unpublish ends the stream at once
                Resources.waitFor(() -> origin.stats("r").state().equals("ended"), 3_000, "ended");
                assertThat(playlist(origin, "r")).contains("#EXT-X-ENDLIST");
                Resources.waitFor(() -> reader.ended, 3_000, "the reader's response ends");
            }
        }
    }

    @Test
    void aGraceThatRunsOutEndsTheStream() throws Exception {
        try (LiveOrigin origin = LiveOrigin.start(config())) {
            TestPublisher p = new TestPublisher(origin.rtmpPort(), "g", 1, false);
            Resources.waitFor(() -> origin.stats("g") != null && origin.stats("g").segments() >= 1, 15_000, "a segment");
            try (FlvReader reader = new FlvReader(origin.httpPort(), "g")) {
                Resources.waitFor(() -> reader.tags.size() > 5, 5_000, "reader got tags");
                p.kill();
                Thread.sleep(2_000);
                assertThat(playlist(origin, "g")).doesNotContain("#EXT-X-ENDLIST");
                assertThat(reader.ended).isFalse();
                Resources.waitFor(() -> origin.stats("g").state().equals("ended"), 6_000, "grace over");
                assertThat(playlist(origin, "g")).contains("#EXT-X-ENDLIST");
                Resources.waitFor(() -> reader.ended, 3_000, "the reader's response ends");
            }
        }
    }

    @Test
    void aFrozenPublisherIsDroppedByMediaInactivityAndTheNameIsFree() throws Exception {
        try (LiveOrigin origin = LiveOrigin.start(config())) {
            TestPublisher frozen = new TestPublisher(origin.rtmpPort(), "f", 1, false);
            Resources.waitFor(() -> origin.stats("f") != null && origin.stats("f").messagesIn() > 10, 10_000, "media");
            frozen.freeze(); // TCP stays open, no more media
            long t0 = System.currentTimeMillis();
            Resources.waitFor(() -> !origin.stats("f").live(), 5_000, "dropped for silence");
            assertThat(System.currentTimeMillis() - t0).as("dropped after ~1.5 s of silence, not TCP's timeout").isLessThan(4_000);
            try (TestPublisher next = new TestPublisher(origin.rtmpPort(), "f", 1, false)) {
                Resources.waitFor(() -> next.started() || next.refused(), 5_000, "publish answer");
                assertThat(next.started()).isTrue();
            }
            frozen.kill();
        }
    }

    @Test
    void mediaOnMessageStreamZeroAfterAPublishIsTaken() throws Exception {
        try (LiveOrigin origin = LiveOrigin.start(config());
                TestPublisher p = new TestPublisher(origin.rtmpPort(), "z", 2, true)) {
            Resources.waitFor(() -> origin.stats("z") != null && origin.stats("z").segments() >= 1, 15_000,
                    "a segment from media sent on stream 0");
            assertThat(origin.stats("z").messagesIn()).isPositive();
            assertThat(playlist(origin, "z")).contains(".m4s");
        }
    }
}
