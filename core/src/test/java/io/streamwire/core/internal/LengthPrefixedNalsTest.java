package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The length-prefixed code shared by the H.264 and H.265 modules ({@link LengthPrefixedNals},
 * {@link LengthPrefixedAnnexB}), with both codecs' formats as the
 * modules declare them: round trips at every length size, the Annex B conversion against a plain
 * reading of its rule (parameter sets after a leading AUD, before the first NAL unit otherwise; only
 * when a random access picture is not preceded by all of them), and each error's field and offset.
 */
class LengthPrefixedNalsTest {
    private static final HexFormat HEX = HexFormat.of();
    /** H.264: type in the low 5 bits, IDR 5 needs SPS 7 and PPS 8, AUD 9. */
    static final LengthPrefixedNals.Format AVC = new LengthPrefixedNals.Format("h264", "avcc", "AVC SPEC", "H264Limits.maxNalSize()",
            BitReaderTest.TestException::new, "NAL SPEC", false, 0, 0x1F, 9, 1L << 5, 1L << 7 | 1L << 8);
    /** H.265: type in bits 1-6, IRAP 16..23 needs VPS 32, SPS 33 and PPS 34, AUD 35. */
    static final LengthPrefixedNals.Format HEVC = new LengthPrefixedNals.Format("h265", "hvcc", "HEVC SPEC", "H265Limits.maxNalSize()",
            BitReaderTest.TestException::new, "NAL SPEC", true, 1, 0x3F, 35, 0xFFL << 16, 7L << 32);

    /** The test's configuration is the list of its parameter sets. */
    static final LengthPrefixedAnnexB.ParameterSets<List<ByteBuffer>> SETS = new LengthPrefixedAnnexB.ParameterSets<>() {
        @Override
        public long annexBSize(List<ByteBuffer> config) {
            return LengthPrefixedAnnexB.annexBSize(config, "config nalUnit", HEVC);
        }

        @Override
        public void writeAnnexB(List<ByteBuffer> config, ByteBuffer out) {
            LengthPrefixedAnnexB.writeAnnexB(config, out);
        }
    };

    private static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    @Provide
    Arbitrary<List<byte[]>> nalUnits() {
        // non-empty, no trailing zero, no 00 00 (so no start code): Annex B carries them unchanged
        Arbitrary<byte[]> one = Arbitraries.bytes().filter(b -> b != 0).array(byte[].class).ofMinSize(1).ofMaxSize(255);
        return one.list().ofMaxSize(8);
    }

    @Property(tries = 300)
    void splitGivesBackWhatWasWritten(@ForAll("nalUnits") List<byte[]> nals, @ForAll("lengthSizes") int lengthSize) {
        List<ByteBuffer> in = new ArrayList<>();
        nals.forEach(b -> in.add(ByteBuffer.wrap(b)));
        byte[] sample = LengthPrefixedNals.toByteArray(in, lengthSize);
        assertThat(sample).hasSize(LengthPrefixedNals.encodedSize(in, lengthSize));
        assertThat(LengthPrefixedNals.split(ByteBuffer.wrap(sample), lengthSize, 1 << 20, 0, AVC)).isEqualTo(in);
    }

    @Provide
    Arbitrary<Integer> lengthSizes() {
        return Arbitraries.of(1, 2, 4);
    }

    /**
     * Annex B of a sample, with {@code sets} inserted by the rule read plainly: before the first NAL
     * unit, or after it when it is an AUD, if some IRAP unit is not preceded by every required set.
     */
    private static byte[] expectedAnnexB(List<byte[]> nals, List<ByteBuffer> sets, LengthPrefixedNals.Format f) {
        long seen = 0;
        boolean insert = false;
        for (byte[] n : nals) {
            int type = f.type(n[0] & 0xFF);
            if ((f.parameterSetTypes >>> type & 1) != 0) {
                seen |= 1L << type;
            } else if ((f.irapTypes >>> type & 1) != 0 && seen != f.parameterSetTypes) {
                insert = true;
            }
        }
        List<ByteBuffer> out = new ArrayList<>();
        for (int i = 0; i < nals.size(); i++) {
            boolean leadingAud = i == 0 && f.type(nals.get(0)[0] & 0xFF) == f.audType;
            if (insert && !leadingAud) {
                out.addAll(sets);
                insert = false;
            }
            out.add(ByteBuffer.wrap(nals.get(i)));
        }
        return AnnexBNals.toByteArray(out);
    }

    @Property(tries = 500)
    void annexBConversionFollowsTheInsertionRule(@ForAll("typedNalUnits") List<byte[]> nals, @ForAll boolean hevc) {
        LengthPrefixedNals.Format f = hevc ? HEVC : AVC;
        List<byte[]> typed = new ArrayList<>();
        for (byte[] n : nals) {
            byte[] c = n.clone();
            c[0] = (byte) (hevc ? (n[0] & 0x3F) << 1 : n[0] & 0x1F); // header byte from the drawn type
            typed.add(c);
        }
        List<ByteBuffer> sets = hevc ? List.of(nal("40010c"), nal("42010180"), nal("4401c1"))
                : List.of(nal("6764001f"), nal("68ee3cb0"));
        List<ByteBuffer> bufs = new ArrayList<>();
        typed.forEach(b -> bufs.add(ByteBuffer.wrap(b)));
        ByteBuffer sample = ByteBuffer.wrap(LengthPrefixedNals.toByteArray(bufs, 4));
        byte[] expected = expectedAnnexB(typed, sets, f);
        assertThat(LengthPrefixedAnnexB.annexBSize(sample, 4, 1 << 20, sets, SETS, f)).isEqualTo(expected.length);
        assertThat(LengthPrefixedAnnexB.toAnnexB(sample, 4, 1 << 20, sets, SETS, f)).isEqualTo(expected);
        ByteBuffer out = ByteBuffer.allocate(expected.length + 3).position(3);
        assertThat(LengthPrefixedAnnexB.toAnnexB(sample, 4, 1 << 20, sets, SETS, f, out)).isEqualTo(expected.length);
        assertThat(out.hasRemaining()).isFalse();
        assertThat(java.util.Arrays.copyOfRange(out.array(), 3, out.limit())).isEqualTo(expected);
        assertThat(sample.position()).isZero();
        // without a configuration nothing goes in
        assertThat(LengthPrefixedAnnexB.toAnnexB(sample, 4, 1 << 20, null, SETS, f)).isEqualTo(AnnexBNals.toByteArray(bufs));
    }

    @Provide
    Arbitrary<List<byte[]>> typedNalUnits() {
        // first byte: a type among those the rule looks at (AUD, sets, IRAP) or another one
        Arbitrary<Byte> type = Arbitraries.of((byte) 5, (byte) 7, (byte) 8, (byte) 9, (byte) 1, (byte) 16, (byte) 19, (byte) 32,
                (byte) 33, (byte) 34, (byte) 35, (byte) 39);
        Arbitrary<byte[]> rest = Arbitraries.bytes().filter(b -> b != 0).array(byte[].class).ofMinSize(1).ofMaxSize(20);
        return net.jqwik.api.Combinators.combine(type, rest).as((t, r) -> {
            byte[] n = new byte[r.length + 1];
            n[0] = t;
            System.arraycopy(r, 0, n, 1, r.length);
            return n;
        }).list().ofMaxSize(6);
    }

    @Test
    void lengthErrorsNameTheFieldAndTheOffset() {
        // a 2-byte length field with 1 byte left, after one whole unit: at offset 100 + 3
        assertThatThrownBy(() -> LengthPrefixedNals.split(nal("0001aa00"), 2, 100, 100, AVC))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("avcc NALUnitLength");
                    assertThat(e.offset()).isEqualTo(103);
                    assertThat(e.module()).isEqualTo("h264");
                    assertThat(e.getMessage()).contains("needs 2 bytes, 1 remain");
                });
        assertThatThrownBy(() -> LengthPrefixedNals.split(nal("0005aa"), 2, 100, 0, HEVC))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> assertThat(e.getMessage())
                        .contains("hvcc NALUnitLength 5 runs past the sample end (1 bytes remain)"));
        assertThatThrownBy(() -> LengthPrefixedNals.split(nal("7fffffff01"), 4, 100, 7, HEVC))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("H265Limits.maxNalSize()");
                    assertThat(e.actual()).isEqualTo(0x7fffffffL);
                    assertThat(e.offset()).isEqualTo(7);
                });
        assertThatThrownBy(() -> LengthPrefixedNals.split(nal("00"), 3, 100, 0, AVC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LengthPrefixedNals.toByteArray(List.of(ByteBuffer.allocate(256)), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitsAnnexBCannotCarryAreRefused() {
        // zero bytes only: no NAL unit header (offset of the unit, after its 1-byte length)
        assertThatThrownBy(() -> LengthPrefixedAnnexB.annexBSize(nal("01aa" + "020000"), 1, 100, null, SETS, AVC))
                .isInstanceOfSatisfying(BitReaderTest.TestException.class, e -> {
                    assertThat(e.field()).isEqualTo("avcc nal_unit");
                    assertThat(e.offset()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("2 zero bytes: no NAL unit header");
                });
        // 00 00 01 at byte 1 of the unit at 3: H.264 points at the start code, H.265 at the unit
        byte[] sample = HEX.parseHex("01aa" + "0541000001bb");
        assertThatThrownBy(() -> LengthPrefixedAnnexB.annexBSize(ByteBuffer.wrap(sample), 1, 100, null, SETS, AVC))
                .isInstanceOfSatisfying(BitReaderTest.TestException.class, e -> {
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.specRef()).isEqualTo("NAL SPEC");
                    assertThat(e.getMessage()).contains("at its byte 1 (emulation prevention missing)");
                });
        assertThatThrownBy(() -> LengthPrefixedAnnexB.annexBSize(ByteBuffer.wrap(sample), 1, 100, null, SETS, HEVC))
                .isInstanceOfSatisfying(BitReaderTest.TestException.class, e -> assertThat(e.offset()).isEqualTo(3));
        assertThatThrownBy(() -> LengthPrefixedAnnexB.annexBSize(List.of(nal("4401000001")), "hvcC nalUnit", HEVC))
                .isInstanceOfSatisfying(BitReaderTest.TestException.class, e -> {
                    assertThat(e.field()).isEqualTo("hvcC nalUnit");
                    assertThat(e.offset()).isEqualTo(-1);
                });
        // trailing zeros are dropped, a parameter set of zeros only is left out
        assertThat(LengthPrefixedAnnexB.annexBSize(List.of(nal("680000"), nal("0000")), "c", AVC)).isEqualTo(5);
        assertThat(LengthPrefixedAnnexB.toAnnexB(nal("03418000" + "00"), 1, 100, null, SETS, AVC)).isEqualTo(HEX.parseHex("000000014180"));
        // the configuration is checked only when its parameter sets go in: an IDR slice (5) without SPS and PPS
        assertThatThrownBy(() -> LengthPrefixedAnnexB.annexBSize(nal("026588"), 1, 100, List.of(nal("68000001")), SETS, AVC))
                .isInstanceOfSatisfying(BitReaderTest.TestException.class, e -> assertThat(e.field()).isEqualTo("config nalUnit"));
        assertThat(LengthPrefixedAnnexB.annexBSize(nal("024188"), 1, 100, List.of(nal("68000001")), SETS, AVC)).isEqualTo(6);
    }

    @Test
    void aBufferTooSmallIsRefusedBeforeWriting() {
        ByteBuffer out = ByteBuffer.allocate(5);
        assertThatThrownBy(() -> LengthPrefixedAnnexB.toAnnexB(nal("024188"), 1, 100, null, SETS, AVC, out))
                .isInstanceOf(java.nio.BufferOverflowException.class);
        assertThat(out.position()).isZero();
        assertThatThrownBy(() -> LengthPrefixedAnnexB.toAnnexB(nal("024188"), 3, 100, null, SETS, AVC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromAnnexBDropsTheTypesAsked() {
        ByteBuffer annexB = nal("00000001" + "0910" + "00000001" + "6764" + "000001" + "6588");
        assertThat(LengthPrefixedNals.fromAnnexB(annexB, 2, 1L << 9 | 1L << 7, AVC)).isEqualTo(HEX.parseHex("0002" + "6588"));
        assertThat(LengthPrefixedNals.fromAnnexB(annexB, 1, 0, AVC)).isEqualTo(HEX.parseHex("020910" + "026764" + "026588"));
        assertThat(annexB.position()).isZero();
    }
}
