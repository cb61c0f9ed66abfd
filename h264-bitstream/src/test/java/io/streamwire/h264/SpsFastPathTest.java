package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SpsFastPath} against the general reader ({@link Sps#read}): the same {@link Sps} or null,
 * never a different answer, and null exactly for the shapes it leaves to the general reader. The
 * whole of {@link Sps#parse} (fast path, then the two passes) is compared with the exact pass alone
 * by {@link SpsTwoPassTest}, whose fuzz target covers the fast path too.
 */
class SpsFastPathTest {

    /** The fast path's answer for an SPS NAL unit (header byte first). */
    private static Sps fast(byte[] nal) {
        ByteBuffer b = ByteBuffer.wrap(nal);
        long[] words = SpsReader.words(nal.length - 1);
        return SpsFastPath.read(words, SpsReader.unescape(b, 1, nal.length, words));
    }

    /** The general reader's answer (exact pass), or null when it raises an error. */
    private static Sps general(byte[] nal) {
        try {
            return Sps.read(SpsReader.over(ByteBuffer.wrap(nal), 1, nal.length, 1).exactPass());
        } catch (H264Exception e) {
            return null;
        }
    }

    /** True for the shapes the fast path reads (see its class comment). */
    private static boolean commonShape(Sps s) {
        VuiParameters v = s.vuiParameters();
        return s.seqScalingMatrix() == null && s.picOrderCntType() != 1
                && (v == null || (v.nalHrdParameters() == null && v.vclHrdParameters() == null))
                && Math.max(Math.max(s.frameCropLeftOffset(), s.frameCropRightOffset()),
                        Math.max(s.frameCropTopOffset(), s.frameCropBottomOffset())) < 65535;
    }

    @Provide
    Arbitrary<Sps> spss() {
        return Arbitraries.randomValue(SpsTest::randomSps);
    }

    @Property(tries = 2000)
    void readsEveryCommonShapeAsTheGeneralReaderDoes(@ForAll("spss") Sps sps) {
        byte[] nal = sps.toNal(3);
        Sps fast = fast(nal);
        if (commonShape(sps)) {
            assertThat(fast).isEqualTo(sps).isEqualTo(general(nal));
        } else {
            assertThat(fast).isNull();
        }
    }

    @Property(tries = 2000)
    void mutatedSpsGivesTheGeneralAnswerOrNone(@ForAll("spss") Sps sps, @ForAll int flip, @ForAll int cut) {
        byte[] nal = sps.toNal(3);
        int bit = Math.floorMod(flip, (nal.length - 1) * 8) + 8;
        nal[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
        byte[] cutNal = java.util.Arrays.copyOf(nal, 1 + Math.floorMod(cut, nal.length));
        for (byte[] m : new byte[][] {nal, cutNal}) {
            Sps fast = fast(m);
            if (fast != null) {
                assertThat(fast).isEqualTo(general(m));
            }
        }
    }

    /** Escaped bytes rich in 00 and 03, so that emulation prevention bytes fall at every place in a word. */
    @Provide
    Arbitrary<byte[]> escaped() {
        return Arbitraries.bytes().edgeCases(e -> e.add((byte) 0, (byte) 3)).array(byte[].class).ofMaxSize(80)
                .map(b -> {
                    for (int i = 0; i < b.length; i++) {
                        if ((b[i] & 0xFF) % 3 == 0) {
                            b[i] = (byte) ((b[i] & 0xFF) % 2 == 0 ? 0 : 3);
                        }
                    }
                    return b;
                });
    }

    @Property(tries = 3000)
    void packsTheRbspAsEmulationPreventionRemovalDoes(@ForAll("escaped") byte[] escaped) {
        ByteBuffer expected = EmulationPrevention.remove(ByteBuffer.wrap(escaped));
        byte[] want = new byte[expected.remaining()];
        expected.get(want);
        // the word loads read up to seven bytes past the input: from the caller's array when it has
        // them (FF there, so a stray byte would show), else from a copy
        byte[] wide = java.util.Arrays.copyOf(escaped, escaped.length + 8);
        java.util.Arrays.fill(wide, escaped.length, wide.length, (byte) 0xFF);
        for (ByteBuffer in : new ByteBuffer[] {ByteBuffer.wrap(wide, 0, escaped.length).slice(), ByteBuffer.wrap(escaped)}) {
            long[] w = SpsReader.words(escaped.length);
            int length = SpsReader.unescape(in, 0, escaped.length, w);
            assertThat(length).isEqualTo(want.length);
            ByteBuffer packed = ByteBuffer.allocate(w.length * 8);
            for (long x : w) {
                packed.putLong(x);
            }
            assertThat(java.util.Arrays.copyOf(packed.array(), length)).isEqualTo(want);
            // everything past the RBSP is zero (the readers' padding)
            for (int i = length; i < packed.capacity(); i++) {
                assertThat(packed.get(i)).isZero();
            }
        }
    }

    @Test
    void fixtureSpssTakeTheFastPathUnlessTheyCarryHrd() {
        int fastCount = 0;
        for (String name : SpsTest.FIXTURES) {
            ByteBuffer n = SpsTest.nalsOfType(Fixtures.bytes("h264/" + name + ".h264"), 7).get(0);
            byte[] nal = new byte[n.remaining()];
            n.duplicate().get(nal);
            Sps general = general(nal);
            assertThat(general).as(name).isNotNull();
            Sps fast = fast(nal);
            if (commonShape(general)) {
                assertThat(fast).as(name).isEqualTo(general);
                fastCount++;
            } else {
                assertThat(fast).as(name).isNull();
            }
        }
        // only aud-hrd (x264 --nal-hrd) carries HRD parameters among the fixtures
        assertThat(fastCount).isEqualTo(SpsTest.FIXTURES.length - 1);
    }

    @Test
    void longExpGolombCodesAndBadValuesGoToTheGeneralReader() {
        Random r = new Random(3);
        Sps base = null;
        while (base == null || !commonShape(base) || base.vuiParameters() == null) {
            base = SpsTest.randomSps(r);
        }
        // a crop offset of 70,000 needs a 33-bit code (16 leading zeros): the general reader takes it
        Sps wide = new Sps(base.profileIdc(), base.constraintSetFlags(), base.reservedZero2bits(), base.levelIdc(),
                base.seqParameterSetId(), base.chromaFormatIdc(), base.separateColourPlaneFlag(), base.bitDepthLumaMinus8(),
                base.bitDepthChromaMinus8(), base.qpprimeYZeroTransformBypassFlag(), null, base.log2MaxFrameNumMinus4(),
                base.picOrderCntType(), base.log2MaxPicOrderCntLsbMinus4(), false, 0, 0, java.util.List.of(),
                base.maxNumRefFrames(), base.gapsInFrameNumValueAllowedFlag(), 65535, base.picHeightInMapUnitsMinus1(),
                base.frameMbsOnlyFlag(), base.mbAdaptiveFrameFieldFlag(), base.direct8x8InferenceFlag(), true, 70_000, 0, 0, 0,
                base.vuiParameters());
        byte[] nal = wide.toNal(3);
        assertThat(fast(nal)).isNull();
        assertThat(Sps.parse(ByteBuffer.wrap(nal))).isEqualTo(wide);
        // max_num_ref_frames 17, out of range: the fast path declines and the general reader names it
        RbspWriter w = new RbspWriter().u(8, 66).u(8, 0).u(8, 30).ue(0).ue(0).ue(0).ue(0).ue(17).flag(false).ue(19).ue(14)
                .flag(true).flag(true).flag(false).flag(false).trailingBits();
        byte[] tooMany = w.toNal(0x67);
        assertThat(fast(tooMany)).isNull();
        assertThatThrownBy(() -> Sps.parse(ByteBuffer.wrap(tooMany))).isInstanceOf(H264Exception.class)
                .hasMessageContaining("max_num_ref_frames");
        // the same SPS with 16 is read by the fast path
        byte[] ok = new RbspWriter().u(8, 66).u(8, 0).u(8, 30).ue(0).ue(0).ue(0).ue(0).ue(16).flag(false).ue(19).ue(14)
                .flag(true).flag(true).flag(false).flag(false).trailingBits().toNal(0x67);
        assertThat(fast(ok)).isNotNull().isEqualTo(general(ok));
        assertThat(fast(ok).maxNumRefFrames()).isEqualTo(16);
    }
}
