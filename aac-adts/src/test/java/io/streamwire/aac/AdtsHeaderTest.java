package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.ByteOrders;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdtsHeaderTest {

    /** One case table for decoding, encoding and property seeds: name, bytes, expected header. */
    static final List<Arguments> CASES = List.of(
            Arguments.of("ffmpeg LC 44.1 kHz stereo, first frame of sine-44100-stereo.aac",
                    "fff15080221ffc",
                    new AdtsHeader(0, 0, true, 1, 4, 0, 2, 0, 0, 0, 0, 272, 0x7FF, 0)),
            Arguments.of("ffmpeg LC 8 kHz mono",
                    "fff16c40417ffc",
                    new AdtsHeader(0, 0, true, 1, 11, 0, 1, 0, 0, 0, 0, 523, 0x7FF, 0)),
            Arguments.of("MPEG-2 ID, CRC present, every single-bit flag set, 4 raw blocks",
                    // FFF | ID=1 layer=00 prot=0 | prof=01 sfi=0011 priv=1 ch=110 orig=1 home=1
                    // cid=1 cis=1 len=0x0123 full=0x155 blocks=3
                    bitsToHex("111111111111" + "1" + "00" + "0" + "01" + "0011" + "1" + "110" + "1" + "1"
                            + "1" + "1" + "0000100100011" + "00101010101" + "11"),
                    new AdtsHeader(1, 0, false, 1, 3, 1, 6, 1, 1, 1, 1, 0x123, 0x155, 3)));

    static Stream<Arguments> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodes(String name, String hex, AdtsHeader expected) {
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(HexFormat.of().parseHex(hex));
            int start = in.position();
            assertThat(AdtsHeader.parse(in)).as(kind.name()).isEqualTo(expected);
            assertThat(in.position()).isEqualTo(start + 7);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodes(String name, String hex, AdtsHeader header) {
        assertThat(HexFormat.of().formatHex(ByteOrders.writtenInEveryOrder(7, header::writeTo))).isEqualTo(hex);
    }

    @org.junit.jupiter.api.Test
    void derivedValues() {
        AdtsHeader header = AdtsHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("fff15080221ffc")));
        assertThat(header.sampleRateHz()).isEqualTo(44100);
        assertThat(header.audioObjectType()).isEqualTo(2);
        assertThat(header.headerLengthBytes()).isEqualTo(7);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("short input", "fff1508022", "adts header", "needs 7 bytes, 5 remain"),
                Arguments.of("bad syncword", "fff05080221ffc".replace("fff0", "ffe1"), "adts syncword", "0xFFE is not 0xFFF"),
                Arguments.of("escape sampling index 15", "fff17c80221ffc", "adts sampling_frequency_index", "15 (escape) is forbidden"),
                Arguments.of("reserved sampling index 13", "fff17480221ffc", "adts sampling_frequency_index", "13 is reserved"),
                Arguments.of("frame length 6 < 7", "fff1508000dffc", "adts aac_frame_length", "6 is shorter than the header (7)"),
                Arguments.of("frame length 8 < 9 with CRC", "fff05080011ffc", "adts aac_frame_length", "8 is shorter than the header (9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedWithOffsetAndField(String name, String hex, String field, String problem) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            int start = in.position();
            assertThatThrownBy(() -> AdtsHeader.parse(in))
                    .isInstanceOfSatisfying(AacException.class, e -> {
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(e.offset()).isEqualTo(start);
                        assertThat(e.getMessage()).contains(problem).contains("at offset " + start).contains("ISO/IEC 14496-3");
                    });
            assertThat(in.position()).as("position unchanged on failure").isEqualTo(start);
        }
    }

    static String bitsToHex(String bits) {
        byte[] out = new byte[bits.length() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
        }
        return HexFormat.of().formatHex(out);
    }
}
