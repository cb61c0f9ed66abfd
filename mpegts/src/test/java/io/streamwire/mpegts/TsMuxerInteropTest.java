package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The muxer's output checked by ffmpeg/ffprobe (interop profile only): it decodes without a message,
 * ffprobe sees the same packets as in the source, and every segment cut at a keyframe probes and
 * decodes on its own.
 */
@Tag("interop")
class TsMuxerInteropTest {

    static List<String> ffprobePackets(Path file) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        List<String> cmd = List.of(ffprobe.toString(), "-v", "error", "-show_entries", "packet=stream_index,pts,dts,duration,size,pos,flags",
                "-of", "csv=p=0", file.toString());
        ExternalTools.Result result = ExternalTools.run(120, cmd).requireSuccess(cmd);
        assertThat(result.stderr()).as("ffprobe messages for " + file.getFileName()).isEmpty();
        return result.stdout().lines().filter(l -> !l.isBlank()).toList();
    }

    static void assertDecodesSilently(Path file) {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        List<String> cmd = List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", file.toString(), "-f", "null", "-");
        ExternalTools.Result result = ExternalTools.run(120, cmd).requireSuccess(cmd);
        assertThat(result.stderr()).as("ffmpeg -v error output for " + file.getFileName()).isEmpty();
    }

    /** {stream_index, pts, dts, size, key} without positions. */
    static List<long[]> rows(List<String> csv) {
        List<long[]> rows = new ArrayList<>();
        for (String line : csv) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            rows.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[4]),
                    f[6].startsWith("K") ? 1 : 0});
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264-aac.ts", "hevc-aac.ts", "wrap.ts", "h264-aac-720p.ts"})
    void remuxDecodesAndProbesLikeTheSource(String name, @TempDir Path dir) throws IOException {
        List<Remux.Unit> units = Remux.units(Fixtures.bytes("mpegts/" + name));
        TsMuxerConfig config = TsMuxerConfig.h264Aac().withVideo(name.startsWith("hevc") ? TsMuxerConfig.VideoCodec.HEVC
                : TsMuxerConfig.VideoCodec.H264);
        List<Integer> segments = new ArrayList<>();
        byte[] ts = Remux.mux(units, new TsMuxer(config), segments);
        Path out = dir.resolve("out.ts");
        Files.write(out, ts);
        assertDecodesSilently(out);
        List<long[]> source = rows(Fixtures.lines("mpegts/" + name + ".packets.csv"));
        List<long[]> ours = rows(ffprobePackets(out));
        assertThat(ours).hasSameSizeAs(source);
        for (int stream = 0; stream < 2; stream++) {
            int s = stream;
            List<long[]> a = source.stream().filter(r -> r[0] == s).toList();
            List<long[]> b = ours.stream().filter(r -> r[0] == s).toList();
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(Arrays.copyOfRange(b.get(i), 1, 5)).as("%s stream %d packet %d {pts, dts, size, key}", name, s, i)
                        .containsExactly(Arrays.copyOfRange(a.get(i), 1, 5));
            }
        }
        // every segment the muxer cut (PAT, PMT, keyframe first) probes and decodes on its own
        // GOP 25 at 25 fps: two segments in 2 s; the 720p fixture has one 50-frame GOP
        assertThat(segments).hasSizeGreaterThanOrEqualTo(name.contains("720p") ? 1 : 2);
        for (int i = 0; i < segments.size(); i++) {
            int from = segments.get(i);
            int to = i + 1 < segments.size() ? segments.get(i + 1) : ts.length;
            Path segment = dir.resolve("segment-" + i + ".ts");
            Files.write(segment, Arrays.copyOfRange(ts, from, to));
            assertDecodesSilently(segment);
            List<long[]> packets = rows(ffprobePackets(segment));
            long[] firstVideo = packets.stream().filter(r -> r[0] == 0).findFirst().orElseThrow();
            assertThat(firstVideo[4]).as("segment %d starts with a keyframe", i).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264-aac.ts"})
    void liveFfprobeStillAgreesWithTheCommittedView(String name, @TempDir Path dir) {
        Path file = Fixtures.copyTo("mpegts/" + name, dir);
        List<String> live = ffprobePackets(file);
        List<String> committed = Fixtures.lines("mpegts/" + name + ".packets.csv").stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(live).isEqualTo(committed);
        Map<Integer, String[]> streams = TsDemuxerFixtureTest.ffprobeStreams(Fixtures.lines("mpegts/" + name + ".streams.txt"));
        assertThat(streams).hasSize(2);
    }
}
