package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import io.streamwire.core.internal.EmulationPrevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.Fixtures;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpsTest {
    static final HexFormat HEX = HexFormat.of();
    static final String[] FIXTURES = {"baseline", "main-bframes", "high", "high10", "yuv444", "interlaced", "slices4",
        "aud-hrd", "crop-318x238", "bench-720p"};

    static Map<String, String> keyValues(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : lines) {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return m;
    }

    static List<ByteBuffer> nalsOfType(byte[] stream, int type) {
        List<ByteBuffer> out = new ArrayList<>();
        for (ByteBuffer nal : AnnexB.split(ByteBuffer.wrap(stream))) {
            if ((nal.get(nal.position()) & 0x1F) == type) {
                out.add(nal);
            }
        }
        return out;
    }

    static byte[] rbspOf(ByteBuffer nal) {
        ByteBuffer payload = nal.duplicate().position(nal.position() + 1);
        ByteBuffer rbsp = EmulationPrevention.remove(payload);
        byte[] b = new byte[rbsp.remaining()];
        rbsp.get(b);
        return b;
    }

    /** Asserts that SPS fields agree with ffprobe's committed stream view of the same file. */
    static void assertMatchesFfprobe(Sps sps, Map<String, String> probe, String name) {
        assertThat(sps.widthPixels()).as(name + " width").isEqualTo(Integer.parseInt(probe.get("width")));
        assertThat(sps.heightPixels()).as(name + " height").isEqualTo(Integer.parseInt(probe.get("height")));
        assertThat(sps.profileName()).as(name + " profile").isEqualTo(probe.get("profile"));
        assertThat(sps.levelIdc()).as(name + " level").isEqualTo(Integer.parseInt(probe.get("level")));
        assertThat(sps.pixelFormat()).as(name + " pix_fmt").isEqualTo(probe.get("pix_fmt"));
        assertThat(sps.frameRateNumerator() + "/" + sps.frameRateDenominator()).as(name + " r_frame_rate")
                .isEqualTo(probe.get("r_frame_rate"));
        assertThat(sps.frameMbsOnlyFlag()).as(name + " field_order").isEqualTo("progressive".equals(probe.get("field_order")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "main-bframes", "high", "high10", "yuv444", "interlaced", "slices4", "aud-hrd",
        "crop-318x238", "bench-720p"})
    void fixtureSpsMatchesFfprobeAndRoundTripsBitExactly(String name) {
        byte[] stream = Fixtures.bytes("h264/" + name + ".h264");
        Map<String, String> probe = keyValues(Fixtures.lines("h264/" + name + ".h264.sps.txt"));
        List<ByteBuffer> spss = nalsOfType(stream, 7);
        assertThat(spss).isNotEmpty();
        for (ByteBuffer nal : spss) {
            ByteBuffer in = nal.duplicate();
            Sps sps = Sps.parse(in);
            assertThat(in.hasRemaining()).isFalse();
            assertMatchesFfprobe(sps, probe, name);
            assertThat(sps.toRbsp()).as(name + " write(parse(x)) == x").isEqualTo(rbspOf(nal));
            byte[] original = new byte[nal.remaining()];
            nal.duplicate().get(original);
            assertThat(sps.toNal(3)).isEqualTo(original);
        }
    }

    @Test
    void derivedValuesOfKnownStreams() {
        Sps crop = Sps.parse(nalsOfType(Fixtures.bytes("h264/crop-318x238.h264"), 7).get(0));
        assertThat(crop.frameCroppingFlag()).isTrue();
        assertThat(crop.codedWidthPixels()).isEqualTo(320);
        assertThat(crop.codedHeightPixels()).isEqualTo(240);
        assertThat(crop.frameCropRightOffset()).isEqualTo(1);
        assertThat(crop.frameCropBottomOffset()).isEqualTo(1);
        assertThat(crop.framesPerSecond()).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.01));
        Sps high = Sps.parse(nalsOfType(Fixtures.bytes("h264/high.h264"), 7).get(0));
        assertThat(high.codecString()).isEqualTo("avc1.64000D");
        Sps hrd = Sps.parse(nalsOfType(Fixtures.bytes("h264/aud-hrd.h264"), 7).get(0));
        assertThat(hrd.vuiParameters().nalHrdParameters()).isNotNull();
        assertThat(hrd.vuiParameters().nalHrdParameters().cpbs().get(0).cbrFlag()).isTrue();
        // x264 codes 300 kbit/s as (bit_rate_value_minus1 + 1) << (6 + bit_rate_scale): a multiple of 64 just under
        assertThat(hrd.vuiParameters().nalHrdParameters().bitRateBitsPerSecond(0)).isBetween(299_900L, 300_000L);
        Sps interlaced = Sps.parse(nalsOfType(Fixtures.bytes("h264/interlaced.h264"), 7).get(0));
        assertThat(interlaced.frameMbsOnlyFlag()).isFalse();
        assertThat(interlaced.frameHeightInMbs()).isEqualTo(16); // field pairs: 240 rounds up to 2 x 8 MB rows
        assertThat(interlaced.cropUnitY()).isEqualTo(4);
        assertThat(interlaced.heightPixels()).isEqualTo(240);
        Sps baseline = Sps.parse(nalsOfType(Fixtures.bytes("h264/baseline.h264"), 7).get(0));
        assertThat(baseline.codecString()).startsWith("avc1.42C0");
    }

    @Test
    void scalingListDefaultsAndFallBack() {
        assertThat(ScalingMatrix.DEFAULT_8X8_INTRA).hasSize(64);
        assertThat(ScalingMatrix.DEFAULT_8X8_INTER).hasSize(64);
        List<ScalingMatrix.ScalingList> lists = new ArrayList<>();
        lists.add(new ScalingMatrix.ScalingList(true, List.of(-8))); // useDefaultScalingMatrixFlag
        lists.add(new ScalingMatrix.ScalingList(false, List.of())); // falls back to list 0
        lists.add(new ScalingMatrix.ScalingList(true, List.of(2, -10))); // 10, then repeat 10... nextScale 0 at j=1
        for (int i = 3; i < 8; i++) {
            lists.add(new ScalingMatrix.ScalingList(false, List.of()));
        }
        ScalingMatrix m = new ScalingMatrix(lists);
        assertThat(m.effectiveList(0, null)).isEqualTo(ScalingMatrix.DEFAULT_4X4_INTRA);
        assertThat(m.effectiveList(1, null)).isEqualTo(ScalingMatrix.DEFAULT_4X4_INTRA);
        assertThat(m.effectiveList(2, null)).containsOnly(10);
        assertThat(m.effectiveList(3, null)).isEqualTo(ScalingMatrix.DEFAULT_4X4_INTER);
        assertThat(m.effectiveList(7, null)).isEqualTo(ScalingMatrix.DEFAULT_8X8_INTER);
    }

    @Test
    void errorsNameTheFieldAndOffset() {
        // profile 66, level 30, seq_parameter_set_id = 32 (ue 000001 00001)
        RbspWriter w = new RbspWriter().u(8, 66).u(8, 0).u(8, 30).ue(32).trailingBits();
        byte[] nal = w.toNal(0x67);
        assertThatThrownBy(() -> Sps.parse(ByteBuffer.wrap(nal), 100))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.module()).isEqualTo("h264");
                    assertThat(e.field()).isEqualTo("sps seq_parameter_set_id");
                    assertThat(e.getMessage()).contains("32 out of range (expected: 0..31)");
                    assertThat(e.offset()).isEqualTo(104);
                });
        RbspWriter poc = new RbspWriter().u(8, 66).u(8, 0).u(8, 30).ue(0).ue(0).ue(1).flag(false).se(0).se(0).ue(256).trailingBits();
        assertThatThrownBy(() -> Sps.parse(ByteBuffer.wrap(poc.toNal(0x67))))
                .hasMessageContaining("sps num_ref_frames_in_pic_order_cnt_cycle 256 out of range (expected: 0..255)");
        RbspWriter frameNum = new RbspWriter().u(8, 66).u(8, 0).u(8, 30).ue(0).ue(13).trailingBits();
        assertThatThrownBy(() -> Sps.parse(ByteBuffer.wrap(frameNum.toNal(0x67))))
                .hasMessageContaining("sps log2_max_frame_num_minus4 13 out of range (expected: 0..12)")
                .hasMessageContaining("ITU-T H.264 §7.3.2.1.1");
        ByteBuffer pps = ByteBuffer.wrap(HEX.parseHex("68ce3c80"));
        assertThatThrownBy(() -> Sps.parse(pps)).isInstanceOf(H264Exception.class);
        assertThat(pps.position()).isZero();
    }

    /** Baseline SPS with a VUI whose num_units_in_tick = 1 forces emulation prevention bytes, then max_dec_frame_buffering. */
    private static RbspWriter spsWithTimingUpTo(RbspWriter w) {
        w.u(8, 66).u(8, 0).u(8, 30).ue(0).ue(0).ue(2).ue(1).flag(false).ue(10).ue(10).flag(true).flag(true).flag(false);
        w.flag(true); // vui_parameters_present_flag
        w.flag(false).flag(false).flag(false).flag(false); // aspect ratio, overscan, video signal, chroma loc
        w.flag(true).u(32, 1).u(32, 50).flag(false); // timing: 00 00 00 01 in the RBSP
        w.flag(false).flag(false).flag(false); // nal hrd, vcl hrd, pic_struct
        return w.flag(true).flag(true).ue(0).ue(0).ue(11).ue(11).ue(0); // bitstream restriction, up to max_dec_frame_buffering
    }

    @Test
    void errorOffsetsCountEmulationPreventionBytes() {
        byte[] okNal = spsWithTimingUpTo(new RbspWriter()).ue(4).trailingBits().toNal(0x67);
        Sps ok = Sps.parse(ByteBuffer.wrap(okNal));
        assertThat(ok.vuiParameters().numUnitsInTick()).isEqualTo(1);
        assertThat(ok.vuiParameters().maxDecFrameBuffering()).isEqualTo(4);

        RbspWriter w = spsWithTimingUpTo(new RbspWriter());
        int fieldByte = (int) (w.bitsWritten() / 8);
        byte[] rbsp = w.ue(17).trailingBits().toRbsp();
        int inserted = 0; // emulation prevention bytes an encoder puts before RBSP byte fieldByte (§7.4.1)
        int zeros = 0;
        for (int k = 0; k <= fieldByte; k++) {
            int b = rbsp[k] & 0xFF;
            if (zeros >= 2 && b <= 3) {
                inserted++;
                zeros = 0;
            }
            zeros = b == 0 ? zeros + 1 : 0;
        }
        assertThat(inserted).isGreaterThanOrEqualTo(1);
        byte[] escaped = spsWithTimingUpTo(new RbspWriter()).ue(17).trailingBits().toNal(0x67);
        long expected = 1000 + 1 + fieldByte + inserted;
        assertThatThrownBy(() -> Sps.parse(ByteBuffer.wrap(escaped), 1000))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("sps max_dec_frame_buffering");
                    assertThat(e.getMessage()).contains("17 out of range (expected: 0..16)");
                    assertThat(e.offset()).isEqualTo(expected);
                });
        // every truncation of the valid one fails with the module's exception and leaves the position alone
        for (int n = 0; n < okNal.length - 1; n++) {
            ByteBuffer cut = ByteBuffer.wrap(okNal, 0, n).slice();
            assertThatThrownBy(() -> Sps.parse(cut)).isInstanceOfSatisfying(StreamwireException.class, ModuleErrors::requireH264);
            assertThat(cut.position()).isZero();
        }
    }

    @Test
    void everyTruncationOfARealSpsRaisesTheModulesException() {
        for (String name : FIXTURES) {
            ByteBuffer nal = nalsOfType(Fixtures.bytes("h264/" + name + ".h264"), 7).get(0);
            for (int n = 0; n < nal.remaining() - 1; n++) {
                ByteBuffer cut = nal.slice(nal.position(), n);
                try {
                    Sps.parse(cut);
                    // a cut after the trailing bits' byte could still parse; anything else must fail
                    assertThat(n).isGreaterThanOrEqualTo(nal.remaining() - 1);
                } catch (StreamwireException expected) {
                    ModuleErrors.requireH264(expected);
                    assertThat(cut.position()).isZero();
                    if (n > 1) {
                        // cut inside the RBSP: the syntax ends early, named with an offset inside the cut NAL unit
                        assertThat(expected).isInstanceOfAny(TruncatedInputException.class, H264Exception.class);
                        assertThat(expected.offset()).isBetween(1L, (long) n);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<Sps> spss() {
        return Arbitraries.randomValue(SpsTest::randomSps);
    }

    static HrdParameters randomHrd(Random r) {
        List<HrdParameters.Cpb> cpbs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            cpbs.add(new HrdParameters.Cpb(r.nextInt(1 << 20) * (r.nextBoolean() ? 1L : 4000L), r.nextInt(1 << 20), r.nextBoolean()));
        }
        return new HrdParameters(r.nextInt(16), r.nextInt(16), cpbs, r.nextInt(32), r.nextInt(32), r.nextInt(32), r.nextInt(32));
    }

    static Sps randomSps(Random r) {
        int[] profiles = {66, 77, 88, 100, 110, 122, 244, 44};
        int profile = profiles[r.nextInt(profiles.length)];
        boolean high = Sps.hasChromaFields(profile);
        int chroma = high ? r.nextInt(4) : 1;
        ScalingMatrix matrix = null;
        if (high && r.nextBoolean()) {
            List<ScalingMatrix.ScalingList> lists = new ArrayList<>();
            for (int i = 0; i < (chroma != 3 ? 8 : 12); i++) {
                if (r.nextBoolean()) {
                    lists.add(new ScalingMatrix.ScalingList(false, List.of()));
                    continue;
                }
                int size = i < 6 ? 16 : 64;
                List<Integer> deltas = new ArrayList<>();
                int last = 8;
                int next = 8;
                for (int j = 0; j < size && next != 0; j++) {
                    int zeroing = (256 - last) % 256 > 127 ? (256 - last) % 256 - 256 : (256 - last) % 256;
                    int d = r.nextInt(10) == 0 ? zeroing : r.nextInt(256) - 128;
                    int candidate = (last + d + 256) % 256;
                    deltas.add(d);
                    next = candidate;
                    last = next == 0 ? last : next;
                }
                lists.add(new ScalingMatrix.ScalingList(true, deltas));
            }
            matrix = new ScalingMatrix(lists);
        }
        int poc = r.nextInt(3);
        List<Integer> refs = new ArrayList<>();
        if (poc == 1) {
            for (int i = r.nextInt(5); i > 0; i--) {
                refs.add(r.nextInt() / 2);
            }
        }
        boolean frameMbsOnly = r.nextBoolean();
        boolean cropping = r.nextBoolean();
        VuiParameters vui = null;
        if (r.nextBoolean()) {
            boolean ar = r.nextBoolean();
            int arIdc = ar ? (r.nextBoolean() ? 255 : r.nextInt(17)) : 0;
            boolean signal = r.nextBoolean();
            boolean colour = signal && r.nextBoolean();
            boolean loc = r.nextBoolean();
            boolean timing = r.nextBoolean();
            HrdParameters nal = r.nextBoolean() ? randomHrd(r) : null;
            HrdParameters vcl = r.nextBoolean() ? randomHrd(r) : null;
            boolean restriction = r.nextBoolean();
            boolean overscan = r.nextBoolean();
            vui = new VuiParameters(ar, arIdc, arIdc == 255 ? r.nextInt(65536) : 0, arIdc == 255 ? r.nextInt(65536) : 0,
                    overscan, overscan && r.nextBoolean(), signal, signal ? r.nextInt(8) : 0, signal && r.nextBoolean(), colour,
                    colour ? r.nextInt(256) : 0, colour ? r.nextInt(256) : 0, colour ? r.nextInt(256) : 0, loc,
                    loc ? r.nextInt(6) : 0, loc ? r.nextInt(6) : 0, timing, timing ? 1 + (r.nextInt() & 0x7FFFFFFFL) : 0,
                    timing ? 1 + (r.nextInt() & 0xFFFFFFFL) : 0, timing && r.nextBoolean(), nal, vcl,
                    (nal != null || vcl != null) && r.nextBoolean(), r.nextBoolean(), restriction, restriction && r.nextBoolean(),
                    restriction ? r.nextInt(17) : 0, restriction ? r.nextInt(17) : 0, restriction ? r.nextInt(16) : 0,
                    restriction ? r.nextInt(16) : 0, restriction ? r.nextInt(17) : 0, restriction ? r.nextInt(17) : 0);
        }
        return new Sps(profile, r.nextInt(64), r.nextInt(4), r.nextInt(256), r.nextInt(32), chroma, chroma == 3 && r.nextBoolean(),
                high ? r.nextInt(7) : 0, high ? r.nextInt(7) : 0, high && r.nextBoolean(), matrix, r.nextInt(13), poc,
                poc == 0 ? r.nextInt(13) : 0, poc == 1 && r.nextBoolean(), poc == 1 ? r.nextInt(1000) - 500 : 0,
                poc == 1 ? r.nextInt(1000) - 500 : 0, refs, r.nextInt(17), r.nextBoolean(), 10 + r.nextInt(200), 10 + r.nextInt(200),
                frameMbsOnly, !frameMbsOnly && r.nextBoolean(), r.nextBoolean(), cropping, cropping ? r.nextInt(4) : 0,
                cropping ? r.nextInt(4) : 0, cropping ? r.nextInt(4) : 0, cropping ? r.nextInt(4) : 0, vui);
    }

    @Property(tries = 500)
    void generatedSpsRoundTrips(@ForAll("spss") Sps sps) {
        byte[] nal = sps.toNal(3);
        assertThat(Sps.parse(ByteBuffer.wrap(nal))).isEqualTo(sps);
        assertThat(Sps.parse(ByteBuffer.wrap(nal)).toNal(3)).isEqualTo(nal);
    }

    @Property(tries = 500)
    void mutatedSpsOnlyRaisesTheModulesExceptions(@ForAll("spss") Sps sps, @ForAll int flip) {
        byte[] nal = sps.toNal(3);
        int bit = Math.floorMod(flip, (nal.length - 1) * 8) + 8;
        nal[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        try {
            Sps.parse(ByteBuffer.wrap(nal));
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
        }
    }

    @Property(tries = 500)
    void mutatedAndCutSpsGiveTheSameOutcomeInEveryBufferKind(@ForAll("spss") Sps sps, @ForAll int flip, @ForAll int cut) {
        byte[] nal = sps.toNal(3);
        int bit = Math.floorMod(flip, (nal.length - 1) * 8) + 8;
        nal[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
        SpsFuzzTest.assertSameInEveryBufferKind(nal);
        SpsFuzzTest.assertSameInEveryBufferKind(java.util.Arrays.copyOf(nal, 1 + Math.floorMod(cut, nal.length)));
    }

    @Test
    void mutatedFixtureSpssGiveTheSameOutcomeInEveryBufferKind() {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : FIXTURES) {
            ByteBuffer nal = nalsOfType(Fixtures.bytes("h264/" + name + ".h264"), 7).get(0);
            byte[] b = new byte[nal.remaining()];
            nal.duplicate().get(b);
            seeds.add(b);
        }
        Random r = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] m = seeds.get(r.nextInt(seeds.size())).clone();
            switch (r.nextInt(3)) {
                case 0:
                    m = java.util.Arrays.copyOf(m, 1 + r.nextInt(m.length));
                    break;
                case 1:
                    for (int k = 0; k <= r.nextInt(3); k++) {
                        int bit = 8 + r.nextInt((m.length - 1) * 8);
                        m[bit >> 3] ^= (byte) (0x80 >> (bit & 7));
                    }
                    break;
                default:
                    m[1 + r.nextInt(m.length - 1)] = (byte) r.nextInt(256);
                    break;
            }
            SpsFuzzTest.assertSameInEveryBufferKind(m);
        }
    }

    /** An SPS of the common shape whose crop offset needs a 33-bit exp-Golomb code (16 leading zeros). */
    @Test
    void longExpGolombCodesAndRangeLimitsOfMaxNumRefFrames() {
        Random r = new Random(3);
        Sps base = null;
        while (base == null || base.vuiParameters() == null || base.seqScalingMatrix() != null || base.picOrderCntType() == 1) {
            base = randomSps(r);
        }
        Sps wide = new Sps(base.profileIdc(), base.constraintSetFlags(), base.reservedZero2bits(), base.levelIdc(),
                base.seqParameterSetId(), base.chromaFormatIdc(), base.separateColourPlaneFlag(), base.bitDepthLumaMinus8(),
                base.bitDepthChromaMinus8(), base.qpprimeYZeroTransformBypassFlag(), null, base.log2MaxFrameNumMinus4(),
                base.picOrderCntType(), base.log2MaxPicOrderCntLsbMinus4(), false, 0, 0, List.of(),
                base.maxNumRefFrames(), base.gapsInFrameNumValueAllowedFlag(), 65535, 31, // PicSizeInMapUnits 2^21, the most
                base.frameMbsOnlyFlag(), base.mbAdaptiveFrameFieldFlag(), base.direct8x8InferenceFlag(), true, 70_000, 0, 0, 0,
                base.vuiParameters());
        assertThat(Sps.parse(ByteBuffer.wrap(wide.toNal(3)))).isEqualTo(wide);
        assertThat(wide.picSizeInMapUnits()).isEqualTo(Sps.MAX_PIC_SIZE_IN_MAP_UNITS);
        // max_num_ref_frames 17 is out of range and named; 16 is read
        byte[] tooMany = new RbspWriter().u(8, 66).u(8, 0).u(8, 30).ue(0).ue(0).ue(0).ue(0).ue(17).flag(false).ue(19).ue(14)
                .flag(true).flag(true).flag(false).flag(false).trailingBits().toNal(0x67);
        assertThatThrownBy(() -> Sps.parse(ByteBuffer.wrap(tooMany))).isInstanceOf(H264Exception.class)
                .hasMessageContaining("sps max_num_ref_frames 17 out of range (expected: 0..16)");
        byte[] ok = new RbspWriter().u(8, 66).u(8, 0).u(8, 30).ue(0).ue(0).ue(0).ue(0).ue(16).flag(false).ue(19).ue(14)
                .flag(true).flag(true).flag(false).flag(false).trailingBits().toNal(0x67);
        assertThat(Sps.parse(ByteBuffer.wrap(ok)).maxNumRefFrames()).isEqualTo(16);
    }

    /** A baseline SPS of the given size in macroblocks (POC type 0, no cropping, no VUI). */
    static byte[] spsOfSize(int picWidthInMbsMinus1, int picHeightInMapUnitsMinus1, boolean frameMbsOnly, boolean mbaff) {
        RbspWriter w = new RbspWriter().u(8, 77).u(8, 0).u(8, 30).ue(0).ue(0).ue(0).ue(0).ue(1).flag(false)
                .ue(picWidthInMbsMinus1).ue(picHeightInMapUnitsMinus1).flag(frameMbsOnly);
        if (!frameMbsOnly) {
            w.flag(mbaff);
        }
        return w.flag(true).flag(false).flag(false).trailingBits().toNal(0x67);
    }

    /**
     * PicSizeInMapUnits is bounded at parse time by {@link Sps#MAX_PIC_SIZE_IN_MAP_UNITS}, so every
     * derived size is an int. 65,536 x 65,536 macroblocks (each dimension inside 0..65535) used to
     * parse and then throw ArithmeticException from picSizeInMapUnits(), inside Pps.parse,
     * AccessUnit.split and ParameterSets.accept.
     */
    @Test
    void pictureSizeIsBoundedAtParseTime() {
        byte[] huge = HEX.parseHex("6742c01eda000040000000200019");
        ByteBuffer buf = ByteBuffer.wrap(huge);
        assertThatThrownBy(() -> Sps.parse(buf, 100)).isInstanceOfSatisfying(H264Exception.class, e -> {
            assertThat(e.field()).isEqualTo("sps pic_height_in_map_units_minus1");
            assertThat(e.getMessage()).contains("PicSizeInMapUnits 65536 x 65536 = 4294967296 (expected: at most 2097152)");
            assertThat(e.offset()).isBetween(104L, 113L);
        });
        assertThat(buf.position()).isZero();
        assertThatThrownBy(() -> new ParameterSets().accept(ByteBuffer.wrap(huge), 0))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.field()).isEqualTo("sps pic_height_in_map_units_minus1"));
        // a stream of that SPS, a PPS with two slice groups (68c5) and an IDR slice
        byte[] stream = HEX.parseHex("00000001" + "6742c01eda000040000000200019" + "00000001" + "68c5" + "00000001" + "65888480");
        assertThatThrownBy(() -> AccessUnit.split(ByteBuffer.wrap(stream)))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.field()).isEqualTo("sps pic_height_in_map_units_minus1"));
        // one macroblock more than the bound is refused, the bound itself parses
        assertThatThrownBy(() -> Sps.parse(ByteBuffer.wrap(spsOfSize(2048, 1023, true, false))))
                .hasMessageContaining("PicSizeInMapUnits 2049 x 1024 = 2098176 (expected: at most 2097152)");
        Sps largest = Sps.parse(ByteBuffer.wrap(spsOfSize(2047, 1023, false, false)));
        assertThat(largest.picSizeInMapUnits()).isEqualTo(1 << 21);
        assertThat(largest.frameSizeInMbs()).isEqualTo(1 << 22);
        assertThat(largest.codedWidthPixels()).isEqualTo(32768);
        assertThat(largest.codedHeightPixels()).isEqualTo(32768);
        // the record refuses it too, as an API misuse
        Sps base = Sps.parse(ByteBuffer.wrap(spsOfSize(19, 14, true, false)));
        assertThatThrownBy(() -> new Sps(base.profileIdc(), base.constraintSetFlags(), base.reservedZero2bits(), base.levelIdc(),
                base.seqParameterSetId(), base.chromaFormatIdc(), base.separateColourPlaneFlag(), base.bitDepthLumaMinus8(),
                base.bitDepthChromaMinus8(), base.qpprimeYZeroTransformBypassFlag(), null, base.log2MaxFrameNumMinus4(),
                base.picOrderCntType(), base.log2MaxPicOrderCntLsbMinus4(), false, 0, 0, List.of(), base.maxNumRefFrames(),
                false, 65535, 65535, true, false, true, false, 0, 0, 0, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An SPS of any chroma format (High 4:4:4 Predictive codes them all) with a video signal type. */
    static Sps withSignal(int chromaFormatIdc, int bitDepthMinus8, boolean fullRange, int matrixCoefficients) {
        boolean colour = matrixCoefficients >= 0;
        VuiParameters vui = new VuiParameters(false, 0, 0, 0, false, false, true, 5, fullRange, colour, colour ? 1 : 0,
                colour ? 1 : 0, colour ? matrixCoefficients : 0, false, 0, 0, false, 0, 0, false, null, null, false, false,
                false, false, 0, 0, 0, 0, 0, 0);
        Sps sps = new Sps(244, 0, 0, 30, 0, chromaFormatIdc, false, bitDepthMinus8, bitDepthMinus8, false, null, 0, 2, 0,
                false, 0, 0, List.of(), 1, false, 19, 14, true, false, true, false, 0, 0, 0, 0, vui);
        return Sps.parse(ByteBuffer.wrap(sps.toNal(3)));
    }

    /**
     * ffmpeg 5.1's H.264 decoder names 8-bit full-range formats yuvj420p, yuvj422p and yuvj444p, and
     * 4:4:4 with matrix_coefficients 0 gbrp; pixelFormat() ignored the VUI and said yuv420p.
     */
    @Test
    void pixelFormatFollowsTheVideoSignalTypeAsFfmpegDoes() {
        assertThat(withSignal(1, 0, false, -1).pixelFormat()).isEqualTo("yuv420p");
        assertThat(withSignal(1, 0, true, -1).pixelFormat()).isEqualTo("yuvj420p");
        assertThat(withSignal(1, 0, true, 1).pixelFormat()).isEqualTo("yuvj420p");
        assertThat(withSignal(2, 0, true, 1).pixelFormat()).isEqualTo("yuvj422p");
        assertThat(withSignal(3, 0, true, 1).pixelFormat()).isEqualTo("yuvj444p");
        assertThat(withSignal(3, 0, false, 1).pixelFormat()).isEqualTo("yuv444p");
        // no full-range names beyond 8 bits
        assertThat(withSignal(1, 2, true, 1).pixelFormat()).isEqualTo("yuv420p10le");
        assertThat(withSignal(2, 2, true, -1).pixelFormat()).isEqualTo("yuv422p10le");
        // GBR (matrix_coefficients 0) is planar RGB whatever the range
        assertThat(withSignal(3, 0, true, 0).pixelFormat()).isEqualTo("gbrp");
        assertThat(withSignal(3, 0, false, 0).pixelFormat()).isEqualTo("gbrp");
        assertThat(withSignal(3, 2, false, 0).pixelFormat()).isEqualTo("gbrp10le");
        assertThat(withSignal(1, 0, false, 0).pixelFormat()).isEqualTo("yuv420p");
        // ffmpeg 5.1 decodes monochrome (4:0:0) to 4:2:0: ffprobe says yuvj420p for x264's -pix_fmt gray
        assertThat(withSignal(0, 0, true, 1).pixelFormat()).isEqualTo("yuvj420p");
        assertThat(withSignal(0, 0, false, -1).pixelFormat()).isEqualTo("yuv420p");
        assertThat(withSignal(0, 2, true, 1).pixelFormat()).isEqualTo("yuv420p10le");
    }
}
