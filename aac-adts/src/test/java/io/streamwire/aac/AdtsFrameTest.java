package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.ByteOrders;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdtsFrameTest {

    static ByteBuffer hex(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    /** One case table: name, frame bytes, expected frame. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no CRC, one block",
                        "fff15080013ffc" + "aabb",
                        new AdtsFrame(new AdtsHeader(0, 0, true, 1, 4, 0, 2, 0, 0, 0, 0, 9, 0x7FF, 0),
                                List.of(), List.of(), List.of(hex("aabb")))),
                Arguments.of("CRC, one block: adts_error_check then the block",
                        "fff05080019ffc" + "1234" + "aabbcc",
                        new AdtsFrame(new AdtsHeader(0, 0, false, 1, 4, 0, 2, 0, 0, 0, 0, 12, 0x7FF, 0),
                                List.of(), List.of(0x1234), List.of(hex("aabbcc")))),
                Arguments.of("CRC, three blocks: positions, header CRC, block + CRC each",
                        // length 7 + 2*2 + 2 + (2+2) + (1+2) + (3+2) = 25, blocks-1 = 2; blocks 1 and 2 at 17 and 20
                        "fff05080033ffe" + "0011" + "0014" + "abcd" + "1111" + "c001" + "22" + "c002" + "333333" + "c003",
                        new AdtsFrame(new AdtsHeader(0, 0, false, 1, 4, 0, 2, 0, 0, 0, 0, 25, 0x7FF, 2),
                                List.of(17, 20), List.of(0xabcd, 0xc001, 0xc002, 0xc003),
                                List.of(hex("1111"), hex("22"), hex("333333")))),
                Arguments.of("no CRC, two blocks: one slice holds both",
                        "fff1508001bffd" + "0102030405" + "06",
                        new AdtsFrame(new AdtsHeader(0, 0, true, 1, 4, 0, 2, 0, 0, 0, 0, 13, 0x7FF, 1),
                                List.of(), List.of(), List.of(hex("010203040506")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodes(String name, String hex, AdtsFrame expected) {
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(HexFormat.of().parseHex(hex));
            int start = in.position();
            assertThat(AdtsFrame.parse(in)).as(kind.name()).isEqualTo(expected);
            assertThat(in.position()).isEqualTo(start + expected.encodedSize());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodes(String name, String hex, AdtsFrame frame) {
        // big-endian whatever order the output buffer has (raw_data_block_position, CRC words)
        assertThat(HexFormat.of().formatHex(ByteOrders.writtenInEveryOrder(frame.encodedSize(), frame::writeTo))).isEqualTo(hex);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("frame longer than the buffer", "fff15080013ffc" + "aa", TruncatedInputException.class, "adts_frame", 0),
                Arguments.of("position going backwards",
                        "fff05080033ffe" + "0014" + "0011" + "abcd" + "1111" + "c001" + "22" + "c002" + "333333" + "c003",
                        AacException.class, "adts raw_data_block_position", 9),
                Arguments.of("position past the frame",
                        "fff05080033ffe" + "0011" + "0040" + "abcd" + "1111" + "c001" + "22" + "c002" + "333333" + "c003",
                        AacException.class, "adts raw_data_block_position", 9),
                Arguments.of("too short for protected blocks", "fff05080013ffe" + "0000", AacException.class, "adts aac_frame_length", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejects(String name, String hex, Class<? extends StreamwireException> type, String field, long offset) {
        ByteBuffer in = hex(hex);
        assertThatThrownBy(() -> AdtsFrame.parse(in)).isInstanceOfSatisfying(type, e -> {
            assertThat(e.module()).isEqualTo("aac");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.offset()).isEqualTo(offset);
        });
        assertThat(in.position()).isZero();
    }
}
