package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks ffmpeg-made ADTS files frame by frame and compares with ffprobe's committed view of them
 * ({@code *.packets.csv}, {@code *.streams.txt}, written by {@code scripts/make-fixtures.sh}).
 */
class AdtsFixtureTest {

    /** Offset and size of each frame, found by following aac_frame_length from header to header. */
    static List<long[]> frames(byte[] file) {
        List<long[]> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(file);
        while (in.hasRemaining()) {
            int at = in.position();
            AdtsHeader header = AdtsHeader.parse(in);
            frames.add(new long[] {at, header.aacFrameLength()});
            in.position(at + header.aacFrameLength());
        }
        return frames;
    }

    /** ffprobe packet rows as {pos, size}. */
    static List<long[]> ffprobePackets(List<String> csv) {
        return csv.stream().filter(l -> !l.startsWith("#")).map(l -> {
            String[] f = l.split(",");
            return new long[] {Long.parseLong(f[4]), Long.parseLong(f[3])};
        }).toList();
    }

    static Map<String, String> ffprobeStream(List<String> lines) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return fields;
    }

    static void assertMatchesFfprobe(byte[] file, List<String> packetsCsv, List<String> streamLines) {
        List<long[]> ours = frames(file);
        List<long[]> theirs = ffprobePackets(packetsCsv);
        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).as("frame %d {pos, size}", i).containsExactly(theirs.get(i));
        }
        Map<String, String> stream = ffprobeStream(streamLines);
        AdtsHeader first = AdtsHeader.parse(ByteBuffer.wrap(file));
        assertThat(stream).containsEntry("codec_name", "aac");
        assertThat(String.valueOf(first.sampleRateHz())).isEqualTo(stream.get("sample_rate"));
        assertThat(String.valueOf(first.channelConfiguration())).isEqualTo(stream.get("channels"));
        assertThat(first.audioObjectType() == 2 ? "LC" : "other").isEqualTo(stream.get("profile"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine-44100-stereo.aac", "sine-8000-mono.aac"})
    void framesMatchFfprobe(String name) {
        assertMatchesFfprobe(
                Fixtures.bytes("adts/" + name),
                Fixtures.lines("adts/" + name + ".packets.csv"),
                Fixtures.lines("adts/" + name + ".streams.txt"));
    }
}
