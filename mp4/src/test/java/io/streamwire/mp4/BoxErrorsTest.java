package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Malformed boxes in {@link Boxes#parse}: each refusal names the box path, the element and the
 * stream offset, and declared counts are checked against the limits and the bytes of the box before
 * anything is allocated.
 */
class BoxErrorsTest {
    private static final HexFormat HEX = HexFormat.of();

    /** {@code inner} (a box, hex) wrapped in moov/trak/mdia/minf/stbl: its header lands at offset 40. */
    static byte[] inStbl(String inner) {
        byte[] box = HEX.parseHex(inner.replace(" ", ""));
        for (String type : new String[] {"stbl", "minf", "mdia", "trak", "moov"}) {
            ByteBuffer b = ByteBuffer.allocate(8 + box.length);
            b.putInt(8 + box.length).put(type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put(box);
            box = b.array();
        }
        return box;
    }

    private static StreamwireException refuse(byte[] input, Mp4Limits limits) {
        try {
            Boxes.parse(ByteBuffer.wrap(input), limits);
        } catch (StreamwireException e) {
            Mp4Fixtures.requireMp4(e);
            return e;
        }
        throw new AssertionError("accepted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "stsz entries past the box | 00000014 7374737a 00000000 00000000 000003e8 | moov/trak[1]/mdia/minf/stbl/stsz sample_count 1000 entries need 4000 bytes, 0 remain in the box at offset 56; ISO/IEC 14496-12:2022 §8.7.3.2",
        "stts cut inside an entry  | 00000014 73747473 00000000 00000001 00000001 | moov/trak[1]/mdia/minf/stbl/stts entry_count 1 entries need 8 bytes, 4 remain in the box at offset 52; ISO/IEC 14496-12:2022 §8.6.1.2",
        "stco entry count          | 00000010 7374636f 00000000 00000002         | moov/trak[1]/mdia/minf/stbl/stco entry_count 2 entries need 8 bytes, 0 remain in the box at offset 52; ISO/IEC 14496-12:2022 §8.7.5",
        "stsd entry count mismatch | 00000018 73747364 00000000 00000000 00000008 66726565 | moov/trak[1]/mdia/minf/stbl/stsd entry_count 0 but the box holds 1 entries at offset 52; ISO/IEC 14496-12:2022 §8.5.2",
        "stsd entry past stsd      | 00000018 73747364 00000000 00000001 00000010 61766331 | moov/trak[1]/mdia/minf/stbl/stsd/avc1[1] size 16 runs past the end of the parent (8 bytes remain) at offset 56; ISO/IEC 14496-12:2022 §4.2",
        "avc1 cut in fixed fields  | 00000020 73747364 00000000 00000001 00000010 61766331 0000000000000001 | moov/trak[1]/mdia/minf/stbl/stsd/avc1[1] pre_defined needs 2 bytes, 0 remain in the box at offset 72; ISO/IEC 14496-15:2022 §5.4.2",
        "stbl trailing bytes       | 00000008 66726565 00000000                  | moov/trak[1]/mdia/minf/stbl box header needs 8 bytes, 4 remain in the parent at offset 48; ISO/IEC 14496-12:2022 §8.5.1"})
    void malformedTablesNameTheirPath(String name, String inner, String message) {
        assertThat(refuse(inStbl(inner), Mp4Limits.defaults())).isInstanceOf(Mp4Exception.class).hasMessage(message);
    }

    @Test
    void tableCountsHitTheLimitBeforeAllocation() {
        // 2^30 sizes declared in a 20-byte box: refused by the limit, nothing of 4 GiB allocated
        StreamwireException e = refuse(inStbl("00000014 7374737a 00000000 00000000 40000000"), Mp4Limits.defaults());
        assertThat(e).isInstanceOfSatisfying(LimitExceededException.class, l -> {
            assertThat(l.limitName()).isEqualTo("Mp4Limits.maxEntriesPerTable()");
            assertThat(l.actual()).isEqualTo(1L << 30);
            assertThat(l.offset()).isEqualTo(56);
            assertThat(l.field()).isEqualTo("moov/trak[1]/mdia/minf/stbl/stsz sample_count");
        });
    }

    @Test
    void trunSampleCountHitsTheFragmentLimit() {
        byte[] moof = HEX.parseHex("00000024 6d6f6f66 0000001c 74726166 00000014 7472756e 00000100 00010001 00000000".replace(" ", ""));
        assertThat(refuse(moof, Mp4Limits.defaults().withMaxSamplesPerFragment(65536)))
                .isInstanceOfSatisfying(LimitExceededException.class, l -> {
                    assertThat(l.limitName()).isEqualTo("Mp4Limits.maxSamplesPerFragment()");
                    assertThat(l.field()).isEqualTo("moof/traf[1]/trun[1] sample_count");
                    assertThat(l.offset()).isEqualTo(28);
                });
        assertThat(refuse(moof, Mp4Limits.defaults().withMaxSamplesPerFragment(1 << 20)))
                .hasMessage("moof/traf[1]/trun[1] sample_count 65537 entries need 262148 bytes, 4 remain in the box at offset 28;"
                        + " ISO/IEC 14496-12:2022 §8.8.8");
    }

    @Test
    void esdsDescriptorsAreChecked() {
        // ES_Descriptor claims 0x20 bytes, 3 remain
        byte[] esds = HEX.parseHex("00000010 65736473 00000000 0320 0000".replace(" ", ""));
        assertThat(refuse(esds, Mp4Limits.defaults()))
                .hasMessage("esds ES_Descriptor size 32 runs past the end of the box (2 bytes remain) at offset 13; ISO/IEC 14496-1:2010 §7.2.6.5");
    }

    @Test
    void depthAndTruncationAtTheTopLevel() {
        assertThat(refuse(inStbl("00000008 66726565"), Mp4Limits.defaults().withMaxDepth(5)))
                .isInstanceOfSatisfying(LimitExceededException.class, l -> {
                    assertThat(l.limitName()).isEqualTo("Mp4Limits.maxDepth()");
                    assertThat(l.offset()).isEqualTo(40);
                });
        byte[] cut = java.util.Arrays.copyOf(inStbl("00000008 66726565"), 30);
        assertThatThrownBy(() -> Boxes.parse(ByteBuffer.wrap(cut))).isInstanceOf(TruncatedInputException.class)
                .hasMessage("moov size 48 bytes declared, 30 remain in the input at offset 0; ISO/IEC 14496-12:2022 §4.2");
    }

    @Test
    void failedParseLeavesThePosition() {
        ByteBuffer in = ByteBuffer.wrap(inStbl("00000010 7374636f 00000000 00000002"));
        assertThatThrownBy(() -> Boxes.parse(in)).isInstanceOf(Mp4Exception.class);
        assertThat(in.position()).isZero();
    }
}
