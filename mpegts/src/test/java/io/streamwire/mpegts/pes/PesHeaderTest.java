package io.streamwire.mpegts.pes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.mpegts.TsException;
import io.streamwire.testkit.ByteOrders;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PesHeaderTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // ffmpeg's first video PES: stream_id E0, length 0, '10' 0000 0 0 → 0x80, PTS+DTS flags 0xC0, 10 bytes
                Arguments.of("ffmpeg video PTS+DTS", "000001e00000" + "80c00a" + "3100079d81" + "1100076591",
                        new PesHeader(0xE0, 0, 0, false, false, false, false, 118_464, 111_304, -1, 0, -1, -1, -1, -1, null, 0)),
                Arguments.of("audio PTS only", "000001c00010" + "8480052100077f21",
                        new PesHeader(0xC0, 16, 0, false, true, false, false, 114_576, -1, -1, 0, -1, -1, -1, -1, null, 0)),
                Arguments.of("padding stream, no optional header", "000001be0004", new PesHeader(0xBE, 4, 0, false, false, false,
                        false, -1, -1, -1, 0, -1, -1, -1, -1, null, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesAndEncodes(String name, String hex, PesHeader ignored) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        PesHeader h = PesHeader.parse(ByteBuffer.wrap(bytes));
        ByteBuffer out = ByteBuffer.allocate(h.encodedSize());
        h.writeTo(out);
        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo(hex);
        assertThat(PesHeader.peekLength(ByteBuffer.wrap(bytes), 0, bytes.length, 0)).isEqualTo(bytes.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isBigEndianInEveryBufferOrder(String name, String hex, PesHeader expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(ByteOrders.parsedFromEveryKind(bytes, PesHeader::parse)).allSatisfy(h -> assertThat(h).isEqualTo(expected));
        assertThat(ByteOrders.parsedFromEveryKind(bytes, in -> PesHeader.peekLength(in, in.position(), in.remaining(), 0)))
                .containsOnly(bytes.length);
        assertThat(HexFormat.of().formatHex(ByteOrders.writtenInEveryOrder(64, expected::writeTo))).isEqualTo(hex);
    }

    @Test
    void readsTimestampsAsTheSpecLaysThemOut() {
        PesHeader h = PesHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("000001e00000" + "80c00a" + "3100079d81" + "1100076591")));
        // PTS: 0011 000 1 | 0000 0000 0000 011 1 | 1001 1101 1000 000 1 → (3 << 15) | 0x4EC0 = 118,464
        assertThat(h.pts()).isEqualTo(((0x00L) << 30) | (0x0003L << 15) | 0x4EC0L);
        assertThat(h.dts()).isEqualTo((0x0003L << 15) | 0x32C8L);
    }

    @Test
    void rejectsBadHeadersWithField() {
        assertThatThrownBy(() -> PesHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("000002e0000080800521000100"))))
                .isInstanceOfSatisfying(TsException.class, e -> assertThat(e.field()).isEqualTo("packet_start_code_prefix"));
        // PTS flag but PES_header_data_length 2
        assertThatThrownBy(() -> PesHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("000001e00000808002ffff"))))
                .isInstanceOfSatisfying(TsException.class, e -> {
                    assertThat(e.field()).isEqualTo("PTS");
                    assertThat(e.offset()).isEqualTo(9);
                });
        // header data length past PES_packet_length
        assertThatThrownBy(() -> PesHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("000001c00004808005210001000100"))))
                .isInstanceOfSatisfying(TsException.class, e -> assertThat(e.field()).isEqualTo("PES_header_data_length"));
    }

    /** Each field of the PES extension is checked where it starts and named when it runs past the header. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // PES_extension_flag, PES_header_data_length 3: flags 0x41 (pack_header_field_flag, PES_extension_flag_2),
        // pack_field_length 255 with 1 byte left
        "000001e0000080010341ff00, pack_field_length, 10",
        // flags 0x40 (pack_header_field_flag only), pack_field_length 255
        "000001e0000080010340ff00, pack_field_length, 10",
        // flags 0x40, PES_header_data_length 1: no room for pack_field_length itself
        "000001e000008001014000, pack_field_length, 10",
        // flags 0x80 (PES_private_data_flag): 16 bytes announced, 2 left
        "000001e0000080010380ffff, PES_private_data, 10",
        // flags 0x20 (program_packet_sequence_counter_flag): 2 bytes announced, 1 left
        "000001e00000800102208000, program_packet_sequence_counter, 10",
        // flags 0x10 (P-STD_buffer_flag): 2 bytes announced, 1 left
        "000001e00000800102104000, P-STD_buffer, 10",
        // flags 0x21: program_packet_sequence_counter fits, PES_extension_field_length 127 with 0 bytes left
        "000001e000008001042180017f, PES_extension_field_length, 12",
        // flags 0x01, PES_header_data_length 1: no room for PES_extension_field_length itself
        "000001e00000800101010000, PES_extension_field_length, 10",
        // PES_extension_flag with PES_header_data_length 0: the flags byte itself is missing
        "000001e000008001000000, PES_extension, 9",
    })
    void extensionErrorsNameTheFieldAtItsOffset(String hex, String field, long offset) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> PesHeader.parse(ByteBuffer.wrap(bytes))).isInstanceOfSatisfying(TsException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.getMessage()).contains(" runs past PES_header_data_length at offset " + offset + ";");
        });
        // the demuxer's in-place check says the same, counted from the offset it is given
        assertThatThrownBy(() -> PesHeader.requireWellFormed(ByteBuffer.wrap(bytes), 0, bytes.length, 1000))
                .isInstanceOfSatisfying(TsException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.offset()).isEqualTo(1000 + offset);
                });
    }

    @Test
    void aLengthPastTheHeaderIsNamedWithItsValue() {
        assertThatThrownBy(() -> PesHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("000001e0000080010341ff00"))))
                .hasMessage("pack_field_length 255 runs past PES_header_data_length at offset 10; ISO/IEC 13818-1 §2.4.3.6");
        assertThatThrownBy(() -> PesHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("000001e000008001042180017f"))))
                .hasMessage("PES_extension_field_length 127 runs past PES_header_data_length at offset 12; ISO/IEC 13818-1 §2.4.3.6");
    }

    @Test
    void aHeaderCutShortIsTruncated() {
        byte[] whole = HexFormat.of().parseHex("000001e00000" + "80c00a" + "3100079d81" + "1100076591");
        for (int cut = 0; cut < whole.length; cut++) {
            int n = cut;
            assertThatThrownBy(() -> PesHeader.parse(ByteBuffer.wrap(whole, 0, n))).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                assertThat(e.module()).isEqualTo("mpegts");
                assertThat(e.field()).isEqualTo("PES header");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theInPlaceReadersAgreeWithTheRecord(String name, String hex, PesHeader expected) {
        byte[] bytes = HexFormat.of().parseHex("aaaa" + hex + "bbbb"); // at index 2, payload after it
        for (ByteBuffer in : new ByteBuffer[] {ByteBuffer.wrap(bytes), ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)}) {
            assertThat(PesHeader.requireWellFormed(in, 2, bytes.length - 2, 1000)).isEqualTo(expected.encodedSize());
            assertThat(PesHeader.getStreamId(in, 2)).isEqualTo(expected.streamId());
            assertThat(PesHeader.getPesPacketLength(in, 2)).isEqualTo(expected.pesPacketLength());
            assertThat(PesHeader.getPts(in, 2)).isEqualTo(expected.pts());
            assertThat(PesHeader.getDts(in, 2)).isEqualTo(expected.dts());
            assertThat(in.position()).isZero();
        }
    }

    @Test
    void requireWellFormedCountsOffsetsFromTheGivenOne() {
        byte[] bytes = HexFormat.of().parseHex("000001e00000808002ffff"); // PTS flag, PES_header_data_length 2
        assertThatThrownBy(() -> PesHeader.requireWellFormed(ByteBuffer.wrap(bytes), 0, bytes.length, 5000))
                .isInstanceOfSatisfying(TsException.class, e -> {
                    assertThat(e.field()).isEqualTo("PTS");
                    assertThat(e.offset()).isEqualTo(5009);
                });
        assertThatThrownBy(() -> PesHeader.requireWellFormed(ByteBuffer.wrap(bytes), 0, bytes.length, -1))
                .isInstanceOfSatisfying(TsException.class, e -> assertThat(e.offset()).isEqualTo(-1));
        assertThatThrownBy(() -> PesHeader.requireWellFormed(ByteBuffer.wrap(bytes), 0, 8, 5000))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> assertThat(e.offset()).isEqualTo(5000));
    }

    @Test
    void writePtsDtsWritesWhatWriteToWrites() {
        for (long dts : new long[] {-1, 0, 111_304, (1L << 33) - 1}) {
            PesHeader h = PesHeader.of(0xE0, 0, (1L << 33) - 2, dts);
            ByteBuffer expected = ByteBuffer.allocate(h.encodedSize());
            h.writeTo(expected);
            ByteBuffer out = ByteBuffer.allocate(h.encodedSize() + 7).position(3);
            assertThat(PesHeader.writePtsDts(out, 5, 0xE0, 0, (1L << 33) - 2, dts)).isEqualTo(h.encodedSize());
            assertThat(out.position()).isEqualTo(3);
            assertThat(java.util.Arrays.copyOfRange(out.array(), 5, 5 + h.encodedSize())).isEqualTo(expected.array());
        }
        assertThatThrownBy(() -> PesHeader.writePtsDts(ByteBuffer.allocate(18), 0, 0xE0, 0, 1, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Provide
    Arbitrary<PesHeader> headers() {
        Arbitrary<Long> ts = Arbitraries.longs().between(-1, (1L << 33) - 1);
        Arbitrary<Long> escr = Arbitraries.longs().between(-1, (1L << 33) - 1);
        Arbitrary<Integer> small = Arbitraries.integers().between(-1, 127);
        return Combinators.combine(Arbitraries.of(0xE0, 0xC0, 0xBD, 0xFC), Arbitraries.integers().between(0, 0xFFFF), ts, ts, escr,
                Arbitraries.integers().between(-1, 0x3FFFFF), small, Arbitraries.integers().between(0, 32))
                .as((id, len0, pts, dts, e, rate, copy, stuffing) -> new PesHeader(id, len0 < 300 ? 0 : len0, 1, true, false, true, false, pts,
                        pts >= 0 ? dts : -1, e, e >= 0 ? (int) (e & 511) : 0, rate, copy >= 0 ? copy * 2 : -1, copy, copy >= 0 ? copy * 500 : -1,
                        copy % 2 == 0 ? ByteBuffer.wrap(new byte[] {0x3E, 0x12, 0x34, 0x56, 0x78}) : null, stuffing));
    }

    @Property
    void roundTrips(@ForAll("headers") PesHeader h) {
        ByteBuffer out = ByteBuffer.allocate(h.encodedSize());
        h.writeTo(out);
        assertThat(out.hasRemaining()).isFalse();
        PesHeader back = PesHeader.parse(out.flip());
        // PES_packet_length is written as given even if it is too short for the header; parse then rejects it,
        // so compare only where it is consistent
        assertThat(back).isEqualTo(h);
    }
}
