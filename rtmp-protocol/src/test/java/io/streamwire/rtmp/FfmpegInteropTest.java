package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ffmpeg 5.1 publishes to and plays from a server built on {@link ServerSession}, over loopback. */
@Tag("interop")
class FfmpegInteropTest {
    static final String FIXTURE = "flv/h264-aac-4s.flv";
    /** 16,800 s: every timestamp is past 2^24 ms (4 h 39 min 37 s). */
    static final long OFFSET_MS = 16_800_000L;

    static List<FlvFile.Tag> mediaTags() {
        List<FlvFile.Tag> media = new ArrayList<>();
        for (FlvFile.Tag t : FlvFile.tags(Fixtures.bytes(FIXTURE))) {
            if (t.type() == 8 || t.type() == 9) {
                media.add(t);
            }
        }
        return media;
    }

    private void publishAndCompare(Path dir, List<String> extra, long offset) throws Exception {
        Path flv = Fixtures.copyTo(FIXTURE, dir);
        try (TestRtmpServer server = new TestRtmpServer()) {
            List<String> cmd = new ArrayList<>(List.of(ExternalTools.require("ffmpeg", "ffmpeg").toString(),
                    "-hide_banner", "-loglevel", "error", "-nostdin", "-i", flv.toString(), "-c", "copy"));
            cmd.addAll(extra);
            cmd.addAll(List.of("-f", "flv", "rtmp://127.0.0.1:" + server.port() + "/live/key?token=abc"));
            ExternalTools.run(60, cmd).requireSuccess(cmd);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!server.events.contains("ended 1") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.errors).isEmpty();
            assertThat(server.digestSeen).as("ffmpeg's digest handshake accepted").isTrue();
            assertThat(server.events).containsSubsequence("connect live", "publish key live", "ended 1");
            List<FlvFile.Tag> expected = mediaTags();
            assertThat(server.media).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                TestRtmpServer.Received got = server.media.get(i);
                FlvFile.Tag want = expected.get(i);
                assertThat(got.type()).as("type of message " + i).isEqualTo(want.type());
                // ffmpeg's FLV muxer writes the codec configuration tags at 0 whatever the offset
                long shift = isSequenceHeader(want) ? 0 : offset;
                assertThat(got.timestamp()).as("timestamp of message " + i).isEqualTo(want.timestamp() + shift);
                assertThat(got.body()).as("body of message " + i).isEqualTo(want.body());
            }
            assertThat(server.data).anySatisfy(d -> {
                assertThat(d).isInstanceOf(DataMessage.MetaData.class);
                DataMessage.MetaData m = (DataMessage.MetaData) d;
                assertThat(m.setDataFrame()).isTrue();
                assertThat(m.metadata().asProperties().get("width").asNumber()).isEqualTo(320.0);
                assertThat(m.metadata().asProperties().get("height").asNumber()).isEqualTo(240.0);
            });
        }
    }

    static boolean isSequenceHeader(FlvFile.Tag t) {
        byte[] b = t.body();
        return b.length >= 2 && b[1] == 0 && (t.type() == 9 ? (b[0] & 0x0F) == 7 : (b[0] & 0xF0) == 0xA0);
    }

    @Test
    void ffmpegPublishesEveryTagWithItsTimestampAndSize(@TempDir Path dir) throws Exception {
        publishAndCompare(dir, List.of(), 0);
    }

    @Test
    void ffmpegPublishesPast2To24Milliseconds(@TempDir Path dir) throws Exception {
        publishAndCompare(dir, List.of("-output_ts_offset", String.valueOf(OFFSET_MS / 1000)), OFFSET_MS);
    }

    private void playAndCompare(Path dir, long offset) throws Exception {
        List<FlvFile.Tag> tags = FlvFile.tags(Fixtures.bytes(FIXTURE));
        Path source = Fixtures.copyTo(FIXTURE, dir);
        Path out = dir.resolve("played.flv");
        try (TestRtmpServer server = new TestRtmpServer()) {
            server.onPlay = TestRtmpServer.serveTags(tags, offset);
            List<String> cmd = List.of(ExternalTools.require("ffmpeg", "ffmpeg").toString(), "-hide_banner", "-loglevel",
                    "error", "-nostdin", "-copyts", "-i", "rtmp://127.0.0.1:" + server.port() + "/live/file", "-c", "copy",
                    "-f", "flv", out.toString());
            ExternalTools.run(60, cmd).requireSuccess(cmd);
            assertThat(server.errors).isEmpty();
            assertThat(server.events).contains("connect live", "play file");
        }
        assertThat(packets(out, offset)).isEqualTo(packets(source, 0));
        assertThat(Files.size(out)).isPositive();
    }

    /** ffprobe's packets as "pts,dts,size,flags" (pos differs between files), shifted back by {@code offset}. */
    static List<String> packets(Path file, long offset) {
        List<String> cmd = List.of(ExternalTools.require("ffprobe", "ffmpeg").toString(), "-v", "error", "-show_entries",
                "packet=codec_type,pts,dts,size,flags", "-of", "csv=p=0", file.toString());
        List<String> rows = new ArrayList<>();
        for (String line : ExternalTools.run(60, cmd).requireSuccess(cmd).stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            rows.add(f[0] + "," + (Long.parseLong(f[1]) - offset) + "," + (Long.parseLong(f[2]) - offset) + "," + f[3] + "," + f[4]);
        }
        return rows;
    }

    @Test
    void ffmpegPlaysTheSamePackets(@TempDir Path dir) throws Exception {
        playAndCompare(dir, 0);
    }

    @Test
    void ffmpegPlaysPast2To24Milliseconds(@TempDir Path dir) throws Exception {
        playAndCompare(dir, OFFSET_MS);
    }
}
