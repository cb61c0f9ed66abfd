package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs ffmpeg-made ADTS files through {@link AdtsDecoder} and compares with ffprobe's committed view
 * of them ({@code *.packets.csv}, {@code *.streams.txt}, {@code *.time_base.txt}, written by
 * {@code scripts/make-fixtures.sh aac-adts}): every frame's position, size, pts and duration, and
 * the stream's sample rate, channels and profile.
 */
class AdtsFixtureTest {

    static final String[] FIXTURES = {
        "sine-8000-mono.aac", "sine-22050-stereo.aac", "sine-44100-stereo.aac", "sine-48000-stereo.aac",
        "sine-48000-5.1.aac", "sine-96000-stereo.aac", "from-ts-48000-stereo.aac"
    };

    /** A frame as the decoder reported it. */
    record Frame(long offset, int length, AdtsHeader header, byte[] payload) {}

    static List<Frame> decode(byte[] file, int chunk) {
        List<Frame> frames = new ArrayList<>();
        List<Anomaly<AacAnomalyKind>> anomalies = new ArrayList<>();
        AdtsDecoder decoder = new AdtsDecoder(new AdtsDecoder.Listener() {
            @Override
            public void onFrame(AdtsFrameView frame) {
                byte[] payload = new byte[frame.payloadLength()];
                frame.buffer().get(frame.payloadOffset(), payload);
                frames.add(new Frame(frame.streamOffset(), frame.aacFrameLength(), frame.header(), payload));
            }

            @Override
            public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        });
        for (byte[] piece : Chunks.fixed(file, chunk)) {
            decoder.feed(ByteBuffer.wrap(piece));
        }
        decoder.endOfInput();
        assertThat(anomalies).isEmpty();
        return frames;
    }

    /** ffprobe packet rows as {pts, dts, duration, size, pos}. */
    static List<long[]> ffprobePackets(List<String> csv) {
        return csv.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> {
            String[] f = l.split(",");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4])};
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

    static void assertMatchesFfprobe(byte[] file, List<String> packetsCsv, List<String> streamLines, long timescale) {
        List<Frame> ours = decode(file, 1000);
        List<long[]> theirs = ffprobePackets(packetsCsv);
        assertThat(ours).hasSameSizeAs(theirs);
        AacTiming timing = AacTiming.of(ours.get(0).header());
        for (int i = 0; i < ours.size(); i++) {
            Frame frame = ours.get(i);
            long[] packet = theirs.get(i);
            assertThat(new long[] {timing.timestamp(i, timescale), timing.timestamp(i, timescale),
                timing.duration(i, timescale), frame.length(), frame.offset()})
                    .as("frame %d {pts, dts, duration, size, pos}", i).containsExactly(packet);
        }
        Map<String, String> stream = ffprobeStream(streamLines);
        AdtsHeader first = ours.get(0).header();
        assertThat(stream).containsEntry("codec_name", "aac");
        assertThat(String.valueOf(first.sampleRateHz())).isEqualTo(stream.get("sample_rate"));
        assertThat(String.valueOf(first.channelConfiguration())).isEqualTo(stream.get("channels"));
        assertThat(first.audioObjectType() == 2 ? "LC" : "other").isEqualTo(stream.get("profile"));
    }

    static long timescale(String name) {
        String timeBase = Fixtures.lines("adts/" + name + ".time_base.txt").get(0).trim();
        assertThat(timeBase).startsWith("1/");
        return Long.parseLong(timeBase.substring(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine-8000-mono.aac", "sine-22050-stereo.aac", "sine-44100-stereo.aac", "sine-48000-stereo.aac",
        "sine-48000-5.1.aac", "sine-96000-stereo.aac", "from-ts-48000-stereo.aac"})
    void framesAndTimestampsMatchFfprobe(String name) {
        assertMatchesFfprobe(Fixtures.bytes("adts/" + name), Fixtures.lines("adts/" + name + ".packets.csv"),
                Fixtures.lines("adts/" + name + ".streams.txt"), timescale(name));
    }

    /** ADTS → (AudioSpecificConfig, raw frames) → ADTS gives the same bytes. */
    @ParameterizedTest
    @ValueSource(strings = {"sine-8000-mono.aac", "sine-22050-stereo.aac", "sine-44100-stereo.aac", "sine-48000-stereo.aac",
        "sine-48000-5.1.aac", "sine-96000-stereo.aac", "from-ts-48000-stereo.aac"})
    void roundTripThroughRawFramesIsByteIdentical(String name) {
        byte[] file = Fixtures.bytes("adts/" + name);
        List<Frame> frames = decode(file, 4096);
        AudioSpecificConfig config = AacConversions.audioSpecificConfig(frames.get(0).header());
        byte[] asc = config.toByteArray();
        AudioSpecificConfig reparsed = AudioSpecificConfig.parse(ByteBuffer.wrap(asc));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(7);
        for (Frame frame : frames) {
            assertThat(AacConversions.audioSpecificConfig(frame.header())).isEqualTo(config);
            AacConversions.writeAdtsHeader(reparsed, frame.payload().length, header.clear());
            out.write(header.array(), 0, 7);
            out.writeBytes(frame.payload());
        }
        assertThat(out.toByteArray()).isEqualTo(file);
    }
}
