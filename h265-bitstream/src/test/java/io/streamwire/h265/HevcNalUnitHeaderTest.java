package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link HevcNalUnitHeader} and {@link NalUnitType} against ITU-T H.265 (09/2023) §7.3.1.2 and Table 7-1. */
class HevcNalUnitHeaderTest {

    /** The case table: header bytes as x265 and the spec lay them out, and the fields. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // bytes, nal_unit_type, nuh_layer_id, nuh_temporal_id_plus1, name
        "4001, 32, 0, 1, VPS_NUT",          // 0 100000 000000 001
        "4201, 33, 0, 1, SPS_NUT",
        "4401, 34, 0, 1, PPS_NUT",
        "4601, 35, 0, 1, AUD_NUT",
        "4e01, 39, 0, 1, PREFIX_SEI_NUT",
        "5001, 40, 0, 1, SUFFIX_SEI_NUT",
        "2601, 19, 0, 1, IDR_W_RADL",
        "2801, 20, 0, 1, IDR_N_LP",
        "2a01, 21, 0, 1, CRA_NUT",
        "0201, 1, 0, 1, TRAIL_R",
        "0003, 0, 0, 3, TRAIL_N",           // a sub-layer non-reference picture of temporal layer 2
        "1001, 8, 0, 1, RASL_N",
        "4009, 32, 1, 1, VPS_NUT",          // nuh_layer_id 1 (MV-HEVC / SHVC)
        "41ff, 32, 63, 7, VPS_NUT",         // every layer bit set, TemporalId 6
        "7c01, 62, 0, 1, UNSPEC62",         // unspecified (Dolby Vision RPU): kept
        "5801, 44, 0, 1, RSV_NVCL44",       // reserved non-VCL: kept
        "1401, 10, 0, 1, RSV_VCL_N10",
    })
    void caseTable(String hex, int type, int layer, int tid1, String name) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        HevcNalUnitHeader header = HevcNalUnitHeader.parse(in);
        assertThat(header).isEqualTo(new HevcNalUnitHeader(type, layer, tid1));
        assertThat(in.position()).isEqualTo(2);
        assertThat(NalUnitType.name(header.nalUnitType())).isEqualTo(name);
        assertThat(NalUnitType.fromHeaderByte(bytes[0] & 0xFF)).isEqualTo(type);
        ByteBuffer out = ByteBuffer.allocate(2);
        header.writeTo(out);
        assertThat(out.array()).isEqualTo(bytes);
        assertThat(header.toShort()).isEqualTo(ByteBuffer.wrap(bytes).getShort() & 0xFFFF);
    }

    /** Every header value with forbidden_zero_bit 0 and nuh_temporal_id_plus1 != 0 survives a round trip. */
    @Property(tries = 2000)
    void everyValidHeaderRoundTrips(@ForAll @IntRange(min = 0, max = 0x7FFF) int value) {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {(byte) (value >>> 8), (byte) value});
        if ((value & 7) == 0) {
            assertThatThrownBy(() -> HevcNalUnitHeader.parse(in)).isInstanceOf(H265Exception.class);
            assertThat(in.position()).isZero();
            return;
        }
        HevcNalUnitHeader header = HevcNalUnitHeader.parse(in);
        assertThat(header.toShort()).isEqualTo(value);
        assertThat(header.temporalId()).isEqualTo((value & 7) - 1);
    }

    @Test
    void forbiddenZeroBitIsRefusedWithOffsetAndField() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0, 0, (byte) 0xC0, 0x01});
        in.position(2);
        assertThatThrownBy(() -> HevcNalUnitHeader.parse(in)).isInstanceOfSatisfying(H265Exception.class, e -> {
            assertThat(e.field()).isEqualTo("nal_unit_header forbidden_zero_bit");
            assertThat(e.offset()).isEqualTo(2);
            assertThat(e.specRef()).contains("§7.4.2.2");
            assertThat(e.module()).isEqualTo("h265");
        });
        assertThat(in.position()).isEqualTo(2);
    }

    @Test
    void temporalIdPlus1ZeroIsRefusedAtTheSecondByte() {
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {0x40, 0x00});
        assertThatThrownBy(() -> HevcNalUnitHeader.parse(buf, 0, 1000)).isInstanceOfSatisfying(H265Exception.class, e -> {
            assertThat(e.field()).isEqualTo("nal_unit_header nuh_temporal_id_plus1");
            assertThat(e.offset()).isEqualTo(1001);
        });
    }

    @Test
    void oneByteIsTruncated() {
        assertThatThrownBy(() -> HevcNalUnitHeader.parse(ByteBuffer.wrap(new byte[] {0x40})))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> assertThat(e.module()).isEqualTo("h265"));
    }

    @Test
    void constructorRefusesOutOfRange() {
        assertThatThrownBy(() -> new HevcNalUnitHeader(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HevcNalUnitHeader(1, 64, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HevcNalUnitHeader(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HevcNalUnitHeader(1, 0, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Table 7-1 classes, row by row. */
    @Test
    void typeClassesFollowTable71() {
        for (int t = 0; t < 64; t++) {
            assertThat(NalUnitType.isVcl(t)).as("VCL %d", t).isEqualTo(t < 32);
            assertThat(NalUnitType.isIrap(t)).as("IRAP %d", t).isEqualTo(t >= 16 && t <= 23);
            assertThat(NalUnitType.isIdr(t)).as("IDR %d", t).isEqualTo(t == 19 || t == 20);
            assertThat(NalUnitType.isBla(t)).as("BLA %d", t).isEqualTo(t >= 16 && t <= 18);
            assertThat(NalUnitType.isCra(t)).as("CRA %d", t).isEqualTo(t == 21);
            assertThat(NalUnitType.isRadl(t)).as("RADL %d", t).isEqualTo(t == 6 || t == 7);
            assertThat(NalUnitType.isRasl(t)).as("RASL %d", t).isEqualTo(t == 8 || t == 9);
            assertThat(NalUnitType.isLeading(t)).as("leading %d", t).isEqualTo(t >= 6 && t <= 9);
            assertThat(NalUnitType.isParameterSet(t)).as("PS %d", t).isEqualTo(t >= 32 && t <= 34);
            assertThat(NalUnitType.isSei(t)).as("SEI %d", t).isEqualTo(t == 39 || t == 40);
            assertThat(NalUnitType.isSubLayerNonReference(t)).as("SLNR %d", t).isEqualTo(t <= 14 && t % 2 == 0);
            assertThat(NalUnitType.isReserved(t)).as("reserved %d", t).isEqualTo(NalUnitType.name(t).startsWith("RSV_"));
            assertThat(NalUnitType.isUnspecified(t)).as("unspecified %d", t).isEqualTo(NalUnitType.name(t).startsWith("UNSPEC"));
            assertThat(new HevcNalUnitHeader(t, 0, 1).isKnownType()).isEqualTo(!NalUnitType.name(t).matches("(RSV_|UNSPEC).*"));
        }
        assertThatThrownBy(() -> NalUnitType.name(64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NalUnitType.isIrap(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
