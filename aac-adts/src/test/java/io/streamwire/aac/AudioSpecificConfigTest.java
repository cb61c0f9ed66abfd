package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.aac.ProgramConfigElement.ChannelElement;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AudioSpecificConfigTest {

    static final GaSpecificConfig GA = GaSpecificConfig.simple(false);

    static RawBits zeros(int bits) {
        return RawBits.of(new byte[(bits + 7) / 8], bits);
    }

    static final ProgramConfigElement PCE_5_1 = new ProgramConfigElement(0, 1, 3,
            List.of(new ChannelElement(false, 0), new ChannelElement(true, 1)), List.of(),
            List.of(new ChannelElement(true, 2)), List.of(0), List.of(), List.of(), -1, -1, -1, -1, 0, "AAA");

    /**
     * One case table: name, bytes, expected config, codec string, output rate, output samples per
     * frame, channels.
     */
    static final List<Arguments> CASES = List.of(
            Arguments.of("AAC-LC 44.1 kHz stereo (ffmpeg's extradata for the fixtures)", "1210",
                    new AudioSpecificConfig(2, 4, 0, 2, -1, 0, 2, -1, GA, -1, null, zeros(0)),
                    "mp4a.40.2", 44100, 1024, 2),
            Arguments.of("HE-AAC explicit/hierarchical (fq mpeg_asc-he-aac-hierarchical-signalling)", "2b920800",
                    new AudioSpecificConfig(5, 7, 0, 2, 4, 0, 2, -1, GA, -1, null, zeros(7)),
                    "mp4a.40.5", 44100, 2048, 2),
            Arguments.of("HE-AAC v2 explicit: AOT 29, 24 kHz core, 48 kHz output", "eb118800",
                    new AudioSpecificConfig(29, 6, 0, 2, 3, 0, 2, -1, GA, -1, null, zeros(7)),
                    "mp4a.40.29", 48000, 2048, 2),
            Arguments.of("HE-AAC backward-compatible: sync extension 0x2B7, SBR, 24 -> 48 kHz", "131056e598",
                    new AudioSpecificConfig(2, 6, 0, 2, -1, 0, 2, -1, GA, -1, SyncExtension.sbr(3, false), zeros(3)),
                    "mp4a.40.5", 48000, 2048, 2),
            Arguments.of("HE-AAC v2 backward-compatible: 0x2B7 then 0x548 psPresentFlag", "131056e59d4880",
                    new AudioSpecificConfig(2, 6, 0, 2, -1, 0, 2, -1, GA, -1, SyncExtension.sbr(3, true), zeros(7)),
                    "mp4a.40.29", 48000, 2048, 2),
            Arguments.of("explicit 24-bit sampling frequency, mono", "1780562208",
                    new AudioSpecificConfig(2, 15, 44100, 1, -1, 0, 2, -1, GA, -1, null, zeros(0)),
                    "mp4a.40.2", 44100, 1024, 1),
            Arguments.of("AOT escape: 31 -> 32 + 10 = 42 (USAC), specific config kept as trailing bits", "f9465555",
                    new AudioSpecificConfig(42, 3, 0, 2, -1, 0, 42, -1, null, -1, null,
                            RawBits.of(HexFormat.of().parseHex("aaa8"), 13)),
                    "mp4a.40.42", 48000, -1, 2),
            Arguments.of("channelConfiguration 0 with a 5.1 program_config_element and a comment", "118004c8050001190003414141",
                    new AudioSpecificConfig(2, 3, 0, 0, -1, 0, 2, -1,
                            new GaSpecificConfig(0, 0, -1, 0, PCE_5_1, -1, -1, -1, -1, -1, -1, -1), -1, null, zeros(0)),
                    "mp4a.40.2", 48000, 1024, 6),
            Arguments.of("960-sample frames (frameLengthFlag 1)", "1214",
                    new AudioSpecificConfig(2, 4, 0, 2, -1, 0, 2, -1, GaSpecificConfig.simple(true), -1, null, zeros(0)),
                    "mp4a.40.2", 44100, 960, 2));

    static Stream<Arguments> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodes(String name, String hex, AudioSpecificConfig expected, String codec, int rate, int samples, int channels) {
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(HexFormat.of().parseHex(hex));
            AudioSpecificConfig config = AudioSpecificConfig.parse(in);
            assertThat(config).as(kind.name()).isEqualTo(expected);
            assertThat(in.hasRemaining()).isFalse();
        }
        assertThat(expected.codecString()).isEqualTo(codec);
        assertThat(expected.outputSampleRateHz()).isEqualTo(rate);
        assertThat(expected.outputSamplesPerFrame()).isEqualTo(samples);
        assertThat(expected.channelCount()).isEqualTo(channels);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodes(String name, String hex, AudioSpecificConfig config) {
        assertThat(HexFormat.of().formatHex(config.toByteArray())).isEqualTo(hex);
        ByteBuffer out = ByteBuffer.allocate(config.encodedSize());
        config.writeTo(out);
        assertThat(out.hasRemaining()).isFalse();
    }

    /** The two-byte fast path and the general bit reader agree on every two-byte input. */
    @Test
    void twoByteFastPathEqualsTheGeneralPath() {
        int fast = 0;
        for (int value = 0; value < 0x10000; value++) {
            ByteBuffer bytes = ByteBuffer.wrap(new byte[] {(byte) (value >>> 8), (byte) value});
            AudioSpecificConfig quick = AudioSpecificConfig.tryParseTwoByteGa(value >>> 8, value & 0xFF);
            AudioSpecificConfig general;
            try {
                general = AudioSpecificConfig.read(AacException.bitReader(bytes, 0, 2, 0, "test"), true);
            } catch (StreamwireException e) {
                assertThat(e.module()).isEqualTo("aac");
                assertThat(quick).as("0x%04x", value).isNull();
                continue;
            }
            if (quick != null) {
                fast++;
                assertThat(quick).as("0x%04x", value).isEqualTo(general);
            }
            assertThat(AudioSpecificConfig.parse(bytes)).isEqualTo(general);
        }
        assertThat(fast).isEqualTo(4 * 13 * 7 * 2);
    }

    @Test
    void signallingHelpers() {
        AudioSpecificConfig hierarchical = AudioSpecificConfig.parse(ByteBuffer.wrap(HexFormat.of().parseHex("2b920800")));
        assertThat(hierarchical.sbrPresent()).isTrue();
        assertThat(hierarchical.psPresent()).isFalse();
        assertThat(hierarchical.sampleRateHz()).isEqualTo(22050);
        assertThat(AacTiming.of(hierarchical)).isEqualTo(new AacTiming(2048, 44100));
        AudioSpecificConfig v2 = AudioSpecificConfig.parse(ByteBuffer.wrap(HexFormat.of().parseHex("131056e59d4880")));
        assertThat(v2.psPresent()).isTrue();
        assertThat(v2.sbrPresent()).isTrue();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("reserved sampling index 13", "1690", AacException.class, "samplingFrequencyIndex", 0),
                Arguments.of("reserved channel configuration 8", "1240", AacException.class, "channelConfiguration", 1),
                Arguments.of("AOT escape past the table (95)", "ffe840", AacException.class, "audioObjectType", 0),
                Arguments.of("AOT 0 (null object)", "0000", AacException.class, "audioObjectType", 0),
                Arguments.of("one byte only", "12", TruncatedInputException.class, "samplingFrequencyIndex", 0),
                Arguments.of("PCE comment_field_bytes past the end", "118004c805000119000541", AacException.class,
                        "pce comment_field_bytes", 9),
                Arguments.of("PCE counts past the bits left", "118004fffffe00", TruncatedInputException.class,
                        "pce channel element list", 6),
                Arguments.of("explicit frequency 0", "1780000008", AacException.class, "samplingFrequency", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejects(String name, String hex, Class<? extends StreamwireException> type, String field, long offset) {
        ByteBuffer in = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        assertThatThrownBy(() -> AudioSpecificConfig.parse(in)).isInstanceOfSatisfying(type, e -> {
            assertThat(e.module()).isEqualTo("aac");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.getMessage()).contains("ISO/IEC 14496-3");
        });
        assertThat(in.position()).isZero();
    }
}
