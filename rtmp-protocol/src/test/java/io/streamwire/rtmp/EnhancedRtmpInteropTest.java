package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.streamwire.flv.ExVideoData;
import io.streamwire.flv.FourCc;
import io.streamwire.flv.VideoTagBody;
import io.streamwire.flv.VideoTrack;
import io.streamwire.testkit.ExternalTools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffmpeg 7.0 publishes Enhanced RTMP (HEVC {@code hvc1}, AV1 {@code av01}, with AAC) to a server
 * built on {@link ServerSession}, over loopback: the sequence header and every frame (payload,
 * timestamp, composition time, key flag) arrive as the FLV fixture it sends holds them.
 *
 * <p>The fixtures are the flv module's ({@code flv/src/test/resources/fixtures/flv/}, made by
 * {@code scripts/fixtures/flv.sh}): {@link #fixture} finds them from the repository root, and
 * {@link #publish} returns what the server received, for other tests to reuse.
 */
@Tag("interop")
class EnhancedRtmpInteropTest {
    static final String HEVC = "hevc-aac-ffmpeg7.flv";
    static final String AV1 = "av1-aac-ffmpeg7.flv";

    /** One video frame as the unified view gives it: FrameType, packet type, timestamp, track (FourCC, CTS, payload). */
    record Frame(long timestamp, int frameType, int videoPacketType, FourCc fourCc, int compositionTime, String payloadHex) {
        static Frame of(long timestamp, byte[] body) {
            VideoTagBody v = VideoTagBody.parse(ByteBuffer.wrap(body));
            VideoTrack t = v.track();
            if (t == null) {
                return null; // command frames carry no track
            }
            ByteBuffer data = t.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            int type = v.videoPacketType() == ExVideoData.CODED_FRAMES_X ? ExVideoData.CODED_FRAMES : v.videoPacketType();
            return new Frame(timestamp, v.frameType(), type, t.fourCc(), t.compositionTime(), HexFormat.of().formatHex(bytes));
        }
    }

    /** The flv module's fixture {@code name}, from the repository root the build passes as {@code streamwire.root}. */
    static Path fixture(String name) {
        String root = System.getProperty("streamwire.root");
        if (root == null || root.isBlank()) {
            return fail("system property streamwire.root is not set; run through Maven");
        }
        Path path = Path.of(root, "flv", "src", "test", "resources", "fixtures", "flv", name);
        if (!Files.isRegularFile(path)) {
            return fail("fixture missing: " + path + " (regenerate with scripts/make-fixtures.sh flv)");
        }
        return path;
    }

    /** Publishes {@code flv} with ffmpeg 7.0 ({@code -copyts -c copy -f flv rtmp://...}) and returns the server once the stream ended. */
    static TestRtmpServer publish(Path flv) throws Exception {
        TestRtmpServer server = new TestRtmpServer();
        try {
            List<String> cmd = List.of(ExternalTools.requireFfmpeg7().toString(), "-hide_banner", "-loglevel", "error", "-nostdin",
                    "-copyts", "-i", flv.toString(), "-c", "copy", "-f", "flv", "rtmp://127.0.0.1:" + server.port() + "/live/key");
            ExternalTools.run(60, cmd).requireSuccess(cmd);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!server.events.contains("ended 1") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.errors).isEmpty();
            assertThat(server.events).containsSubsequence("connect live", "publish key live", "ended 1");
            return server;
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    /** The video frames with a track, in order; an empty sequence start (ffmpeg writes one before libaom's av1C is known) is left out. */
    static List<Frame> videoFrames(List<TestRtmpServer.Received> messages) {
        List<Frame> out = new ArrayList<>();
        for (TestRtmpServer.Received m : messages) {
            if (m.type() == 9) {
                Frame f = Frame.of(m.timestamp(), m.body());
                if (f != null && !(f.videoPacketType() == ExVideoData.SEQUENCE_START && f.payloadHex().isEmpty())) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Audio messages as "timestamp body-hex", in order. */
    static List<String> audio(List<TestRtmpServer.Received> messages) {
        return messages.stream().filter(m -> m.type() == 8).map(m -> m.timestamp() + " " + HexFormat.of().formatHex(m.body())).toList();
    }

    static List<TestRtmpServer.Received> fileMessages(Path flv) throws IOException {
        List<TestRtmpServer.Received> out = new ArrayList<>();
        for (FlvFile.Tag t : FlvFile.tags(Files.readAllBytes(flv))) {
            out.add(new TestRtmpServer.Received(t.type(), t.timestamp(), t.body()));
        }
        return out;
    }

    private void publishAndCompare(String name, FourCc fourCc, int minFrames) throws Exception {
        Path flv = fixture(name);
        List<TestRtmpServer.Received> sent = fileMessages(flv);
        List<TestRtmpServer.Received> received;
        try (TestRtmpServer server = publish(flv)) {
            received = List.copyOf(server.media);
        }
        // ffmpeg's FLV muxer writes the decoder configuration at 0 ms, where the file has it when the
        // encoder gave it late (libaom: 23 ms after an empty one): compare configurations without time
        List<Frame> want = videoFrames(sent).stream().map(EnhancedRtmpInteropTest::configurationAtZero).toList();
        List<Frame> got = videoFrames(received).stream().map(EnhancedRtmpInteropTest::configurationAtZero).toList();
        assertThat(want).hasSizeGreaterThanOrEqualTo(minFrames);
        assertThat(got).containsExactlyElementsOf(want);
        // the decoder configuration record first, byte for byte as in the file
        Frame header = got.get(0);
        assertThat(header.videoPacketType()).isEqualTo(ExVideoData.SEQUENCE_START);
        assertThat(header.fourCc()).isEqualTo(fourCc);
        assertThat(header.payloadHex()).isEqualTo(want.get(0).payloadHex()).isNotEmpty();
        assertThat(got.stream().filter(f -> f.videoPacketType() == ExVideoData.CODED_FRAMES && f.frameType() == 1)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(got).allSatisfy(f -> assertThat(f.fourCc()).isEqualTo(fourCc));
        assertThat(audio(received)).containsExactlyElementsOf(audio(sent));
    }

    private static Frame configurationAtZero(Frame f) {
        return f.videoPacketType() != ExVideoData.SEQUENCE_START ? f
                : new Frame(0, f.frameType(), f.videoPacketType(), f.fourCc(), f.compositionTime(), f.payloadHex());
    }

    @Test
    void ffmpeg7PublishesHevc() throws Exception {
        publishAndCompare(HEVC, FourCc.HVC1, 17);
    }

    @Test
    void ffmpeg7PublishesAv1() throws Exception {
        publishAndCompare(AV1, FourCc.AV01, 13);
    }

    /** What ffmpeg 7.0 sends for HEVC is the FLV file's tags byte for byte (metadata aside), also written back to a file. */
    @Test
    void hevcMessagesAreTheFileTags(@TempDir Path dir) throws Exception {
        Path flv = fixture(HEVC);
        List<TestRtmpServer.Received> sent = fileMessages(flv).stream().filter(m -> m.type() != 18).toList();
        try (TestRtmpServer server = publish(flv)) {
            List<TestRtmpServer.Received> received = List.copyOf(server.media);
            assertThat(received).hasSameSizeAs(sent);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(received.get(i).type()).as("type of message " + i).isEqualTo(sent.get(i).type());
                assertThat(received.get(i).timestamp()).as("timestamp of message " + i).isEqualTo(sent.get(i).timestamp());
                assertThat(received.get(i).body()).as("body of message " + i).isEqualTo(sent.get(i).body());
            }
            List<FlvFile.Tag> tags = received.stream().map(m -> new FlvFile.Tag(m.type(), m.timestamp(), m.body())).toList();
            Path written = dir.resolve("received.flv");
            Files.write(written, FlvFile.write(tags));
            assertThat(videoFrames(fileMessages(written))).containsExactlyElementsOf(videoFrames(sent));
        }
    }
}
