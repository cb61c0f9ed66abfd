package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoasDecoderTest {

    static final String FIXTURE = "latm/sine-48000-stereo.latm";

    static final class Recorder implements LoasDecoder.Listener {
        final List<String> events = new ArrayList<>();
        final List<byte[]> frames = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();
        final List<LatmStreamMuxConfig> configs = new ArrayList<>();

        @Override
        public void onConfig(LatmStreamMuxConfig config, long streamOffset) {
            configs.add(config);
            events.add("config@" + streamOffset + " " + config.audioSpecificConfig().codecString());
        }

        @Override
        public void onRawFrame(ByteBuffer rawFrame, long streamOffset) {
            byte[] copy = new byte[rawFrame.remaining()];
            rawFrame.get(copy);
            frames.add(copy);
            offsets.add(streamOffset);
            events.add("raw@" + streamOffset + " " + copy.length + " " + Arrays.hashCode(copy));
        }

        @Override
        public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
            events.add(anomaly.toString());
        }
    }

    static Recorder decode(List<byte[]> pieces, Chunks.Kind kind) {
        Recorder recorder = new Recorder();
        LoasDecoder decoder = new LoasDecoder(recorder);
        for (byte[] piece : pieces) {
            ByteBuffer buffer = kind.wrap(piece);
            decoder.feed(buffer);
            assertThat(buffer.hasRemaining()).isFalse();
        }
        decoder.endOfInput();
        return recorder;
    }

    /** Raw frames equal the ADTS payloads ffmpeg wrote from the same source; frame count and positions match ffprobe. */
    @Test
    void fixtureMatchesFfprobeAndTheAdtsEncodingOfTheSameSource() {
        byte[] latm = Fixtures.bytes(FIXTURE);
        List<long[]> packets = AdtsFixtureTest.ffprobePackets(Fixtures.lines(FIXTURE + ".packets.csv"));
        List<AdtsFixtureTest.Frame> adts = AdtsFixtureTest.decode(Fixtures.bytes("adts/sine-48000-stereo.aac"), 4096);
        for (int chunk : new int[] {1, 7, 1000, latm.length}) {
            Recorder recorder = decode(Chunks.fixed(latm, chunk), Chunks.Kind.HEAP);
            assertThat(recorder.frames).hasSameSizeAs(packets).hasSameSizeAs(adts);
            for (int i = 0; i < packets.size(); i++) {
                long pos = packets.get(i)[4];
                long size = packets.get(i)[3];
                assertThat(recorder.offsets.get(i)).as("frame %d inside ffprobe's packet", i).isBetween(pos + 3, pos + size - 1);
                assertThat(recorder.frames.get(i)).as("frame %d", i).isEqualTo(adts.get(i).payload());
            }
            assertThat(recorder.configs).hasSize(1);
            LatmStreamMuxConfig config = recorder.configs.get(0);
            assertThat(config.audioMuxVersion()).isZero();
            assertThat(config.numSubFrames()).isZero();
            assertThat(config.audioSpecificConfig()).isEqualTo(AudioSpecificConfig.of(2, 3, 2));
            assertThat(config.audioSpecificConfig()).isEqualTo(AacConversions.audioSpecificConfig(adts.get(0).header()));
            assertThat(recorder.events).noneMatch(e -> e.startsWith("Anomaly"));
        }
    }

    @Test
    void eventsDoNotDependOnChunkingOrBufferKind() {
        byte[] latm = Arrays.copyOf(Fixtures.bytes(FIXTURE), 1200);
        int cut = 0;
        for (int at = 0; at + 3 <= latm.length; ) { // keep whole LOAS frames only
            int length = 3 + (((latm[at + 1] & 0x1F) << 8) | (latm[at + 2] & 0xFF));
            if (at + length > latm.length) {
                break;
            }
            at += length;
            cut = at;
        }
        byte[] input = new byte[cut + 2];
        System.arraycopy(latm, 0, input, 2, cut); // garbage in front (a false 0x56 start)
        input[0] = 0x56;
        input[1] = 0x11;
        List<String> expected = decode(List.of(input), Chunks.Kind.HEAP).events;
        assertThat(expected.get(0)).isEqualTo("Anomaly[kind=BYTES_DISCARDED, offset=0, detail=2 bytes]");
        assertThat(expected.get(1)).startsWith("config@2 mp4a.40.2");
        assertThat(expected).hasSize(2 + 3).allMatch(e -> !e.startsWith("Anomaly") || e.contains("offset=0"));
        for (Chunks.Split split : Chunks.splits(input, 11)) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                assertThat(decode(split.pieces(), kind).events).as(split + " " + kind).isEqualTo(expected);
            }
        }
    }

    @Test
    void frameBeforeAnyStreamMuxConfigIsReported() {
        // useSameStreamMux = 1 with no earlier config.
        byte[] frame = HexFormat.of().parseHex("56e002" + "8000");
        Recorder recorder = decode(List.of(frame), Chunks.Kind.HEAP);
        assertThat(recorder.events).containsExactly("Anomaly[kind=LATM_NO_CONFIG, offset=0, detail=5 bytes]");
    }

    @Test
    void muxSlotLengthPastTheFrameIsRejected() {
        byte[] latm = Fixtures.bytes(FIXTURE);
        // First LOAS frame cut to 20 bytes: its StreamMuxConfig is whole, its payload length is not.
        byte[] cut = Arrays.copyOf(latm, 20);
        cut[1] = (byte) 0xE0;
        cut[2] = 17;
        LoasDecoder decoder = new LoasDecoder(new Recorder());
        decoder.feed(ByteBuffer.wrap(cut));
        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(AacException.class, e -> {
            assertThat(e.field()).isEqualTo("latm MuxSlotLengthBytes");
            assertThat(e.offset()).isBetween(3L, 19L);
            assertThat(e.getMessage()).contains("ISO/IEC 14496-3 §1.7.3.1");
        });
    }

    @Test
    void severalProgramsAreUnsupported() {
        // useSameStreamMux 0, audioMuxVersion 0, allStreamsSameTimeFraming 1, numSubFrames 0, numProgram 1
        String bits = "0" + "0" + "1" + "000000" + "0001" + "0000000";
        String payload = AdtsHeaderTest.bitsToHex(bits);
        byte[] frame = HexFormat.of().parseHex("56e0" + String.format("%02x", payload.length() / 2) + payload);
        LoasDecoder decoder = new LoasDecoder(new Recorder());
        decoder.feed(ByteBuffer.wrap(frame));
        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
            assertThat(e.module()).isEqualTo("aac");
            assertThat(e.field()).isEqualTo("latm numProgram");
        });
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("latm numProgram").cause().isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(decoder::endOfInput).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void truncatedFrameOfASyncedStreamFailsAtEndOfInput() {
        byte[] latm = Fixtures.bytes(FIXTURE);
        byte[] cut = Arrays.copyOf(latm, 322 + 100); // first frame (322 bytes) whole, the second cut
        Recorder recorder = new Recorder();
        LoasDecoder decoder = new LoasDecoder(recorder);
        decoder.feed(ByteBuffer.wrap(cut));
        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("aac");
            assertThat(e.field()).isEqualTo("loas AudioSyncStream");
            assertThat(e.offset()).isEqualTo(322);
        });
        assertThat(recorder.frames).hasSize(1);
        assertThat(decoder.position()).isEqualTo(cut.length);
    }

    @Test
    void frameSizeLimitOnASyncedStream() {
        // Frames of the fixture: 322 bytes, then 419: the second one exceeds a 400-byte limit.
        LoasDecoder decoder = new LoasDecoder(new Recorder(), AacLimits.defaults().withMaxFrameSize(400));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(Fixtures.bytes(FIXTURE))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.module()).isEqualTo("aac");
                    assertThat(e.limitName()).isEqualTo("AacLimits.maxFrameSize()");
                    assertThat(e.getMessage()).contains("see AacLimits.maxFrameSize()");
                    assertThat(e.actual()).isEqualTo(419);
                    assertThat(e.offset()).isEqualTo(322);
                });
    }

    @Test
    void resyncDistanceLimit() {
        LoasDecoder decoder = new LoasDecoder(new Recorder(), AacLimits.defaults().withMaxResyncDistance(100));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(new byte[1000])))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("AacLimits.maxResyncDistance()");
                    assertThat(e.offset()).isZero();
                });
    }

    @Test
    void secondEndOfInputDoesNothingAndFeedAfterItThrows() {
        byte[] latm = Fixtures.bytes(FIXTURE);
        Recorder recorder = new Recorder();
        LoasDecoder decoder = new LoasDecoder(recorder);
        assertThat(decoder.position()).isZero();
        decoder.feed(ByteBuffer.wrap(latm, 0, 100));
        assertThat(decoder.position()).isEqualTo(100);
        decoder.feed(ByteBuffer.wrap(latm, 100, latm.length - 100));
        decoder.endOfInput();
        List<String> events = List.copyOf(recorder.events);
        assertThat(events).hasSize(1 + 48);
        decoder.endOfInput();
        assertThat(recorder.events).isEqualTo(events);
        assertThat(decoder.position()).isEqualTo(latm.length);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(latm))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after endOfInput()");
        decoder.reset();
        assertThat(decoder.position()).isZero();
        recorder.events.clear();
        decoder.feed(ByteBuffer.wrap(latm));
        decoder.endOfInput();
        assertThat(recorder.events).isEqualTo(events);
    }

    @Test
    void listenerExceptionFailsTheDecoder() {
        IllegalStateException boom = new IllegalStateException("listener is full");
        LoasDecoder decoder = new LoasDecoder((raw, offset) -> {
            throw boom;
        });
        assertThatThrownBy(() -> {
            decoder.feed(ByteBuffer.wrap(Fixtures.bytes(FIXTURE)));
            decoder.endOfInput();
        }).isSameAs(boom);
        assertThatThrownBy(decoder::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(boom)
                .hasMessageContaining("listener is full");
    }
}
