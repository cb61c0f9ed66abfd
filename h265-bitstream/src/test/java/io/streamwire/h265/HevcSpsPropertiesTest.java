package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random valid SPS, VPS and PPS records: written then parsed give them back, bit-flipped they raise only this module's errors. */
class HevcSpsPropertiesTest {

    @Provide
    Arbitrary<HevcSps> spss() {
        return Arbitraries.randomValue(RandomParameterSets::sps);
    }

    @Provide
    Arbitrary<HevcPps> ppss() {
        return Arbitraries.randomValue(RandomParameterSets::pps);
    }

    @Provide
    Arbitrary<HevcVps> vpss() {
        return Arbitraries.randomValue(RandomParameterSets::vps);
    }

    @Property(tries = 1000)
    void spsRoundTrips(@ForAll("spss") HevcSps sps) {
        byte[] nal = sps.toNal();
        HevcSps back = HevcSps.parse(ByteBuffer.wrap(nal));
        assertThat(back).isEqualTo(sps);
        assertThat(back.toNal()).isEqualTo(nal);
    }

    @Property(tries = 500)
    void ppsRoundTrips(@ForAll("ppss") HevcPps pps) {
        byte[] nal = pps.toNal();
        assertThat(HevcPps.parse(ByteBuffer.wrap(nal))).isEqualTo(pps);
    }

    @Property(tries = 500)
    void vpsRoundTrips(@ForAll("vpss") HevcVps vps) {
        byte[] nal = vps.toNal();
        assertThat(HevcVps.parse(ByteBuffer.wrap(nal))).isEqualTo(vps);
    }

    @Property(tries = 1000)
    void mutatedParameterSetsRaiseOnlyTheModulesErrors(@ForAll("spss") HevcSps sps, @ForAll("ppss") HevcPps pps,
            @ForAll("vpss") HevcVps vps, @ForAll int flip, @ForAll int cut) {
        for (byte[] nal : List.of(sps.toNal(), pps.toNal(), vps.toNal())) {
            int bit = 16 + Math.floorMod(flip, (nal.length - 2) * 8);
            nal[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
            byte[] shorter = java.util.Arrays.copyOf(nal, 2 + Math.floorMod(cut, nal.length - 1));
            for (byte[] input : List.of(nal, shorter)) {
                try {
                    switch (input[0] >>> 1 & 0x3F) {
                        case 32: HevcVps.parse(ByteBuffer.wrap(input)); break;
                        case 33: HevcSps.parse(ByteBuffer.wrap(input)).pixelFormat(); break;
                        default: HevcPps.parse(ByteBuffer.wrap(input)); break;
                    }
                } catch (StreamwireException expected) {
                    FixtureNals.requireH265(expected);
                }
            }
        }
    }

    /** The fixtures' parameter sets as seeds: each parsed, written and parsed again gives the same record. */
    @Property(tries = 50)
    void seedsFromFixturesRoundTrip(@ForAll("fixtureNames") String name) {
        for (ByteBuffer nal : FixtureNals.ofType(name, 34)) {
            HevcPps pps = HevcPps.parse(nal.duplicate());
            assertThat(pps.toNal()).isEqualTo(FixtureNals.bytes(nal));
        }
    }

    @Provide
    Arbitrary<String> fixtureNames() {
        return Arbitraries.of(FixtureNals.FIXTURES);
    }

    /** Makes random valid records (also used by the fuzz tests' seeds). */
    static final class RandomParameterSets {
        private RandomParameterSets() {}

        static ProfileTierLevel ptl(Random r, int subLayers) {
            List<ProfileTierLevel.SubLayer> subs = new ArrayList<>();
            for (int i = 0; i < subLayers; i++) {
                boolean p = r.nextBoolean();
                boolean l = r.nextBoolean();
                subs.add(new ProfileTierLevel.SubLayer(p, l, p ? r.nextInt(4) : 0, p && r.nextBoolean(), p ? r.nextInt(32) : 0,
                        p ? r.nextInt() : 0, p ? r.nextLong() >>> 16 : 0, l ? r.nextInt(256) : 0));
            }
            return new ProfileTierLevel(true, r.nextInt(4), r.nextBoolean(), r.nextInt(32), r.nextInt(), r.nextLong() >>> 16,
                    r.nextInt(256), subs, subLayers == 0 ? 0 : r.nextInt(1 << (2 * (8 - subLayers))));
        }

        static HevcHrd hrd(Random r, int subLayers, boolean common, HevcHrd previous) {
            boolean nal = common ? r.nextBoolean() : previous.nalHrdParametersPresentFlag();
            boolean vcl = common ? r.nextBoolean() : previous.vclHrdParametersPresentFlag();
            boolean any = nal || vcl;
            boolean subPic = common ? any && r.nextBoolean() : previous.subPicHrdParamsPresentFlag();
            List<HevcHrd.SubLayer> subs = new ArrayList<>();
            for (int i = 0; i < subLayers; i++) {
                boolean general = r.nextBoolean();
                boolean within = general || r.nextBoolean();
                boolean lowDelay = !within && r.nextBoolean();
                int cnt = lowDelay ? 0 : r.nextInt(3);
                subs.add(new HevcHrd.SubLayer(general, within, within ? r.nextInt(2048) : 0, lowDelay, cnt,
                        nal ? cpbs(r, cnt, subPic) : null, vcl ? cpbs(r, cnt, subPic) : null));
            }
            if (!common) {
                HevcHrd p = previous;
                return new HevcHrd(false, nal, vcl, subPic, p.tickDivisorMinus2(), p.duCpbRemovalDelayIncrementLengthMinus1(),
                        p.subPicCpbParamsInPicTimingSeiFlag(), p.dpbOutputDelayDuLengthMinus1(), p.bitRateScale(), p.cpbSizeScale(),
                        p.cpbSizeDuScale(), p.initialCpbRemovalDelayLengthMinus1(), p.auCpbRemovalDelayLengthMinus1(),
                        p.dpbOutputDelayLengthMinus1(), subs);
            }
            return new HevcHrd(true, nal, vcl, subPic, subPic ? r.nextInt(256) : 0, subPic ? r.nextInt(32) : 0, subPic && r.nextBoolean(),
                    subPic ? r.nextInt(32) : 0, any ? r.nextInt(16) : 0, any ? r.nextInt(16) : 0, subPic ? r.nextInt(16) : 0,
                    any ? r.nextInt(32) : 0, any ? r.nextInt(32) : 0, any ? r.nextInt(32) : 0, subs);
        }

        private static List<HevcHrd.Cpb> cpbs(Random r, int cnt, boolean subPic) {
            List<HevcHrd.Cpb> list = new ArrayList<>();
            for (int j = 0; j <= cnt; j++) {
                list.add(new HevcHrd.Cpb(r.nextInt(1 << 24), r.nextInt(1 << 24), subPic ? r.nextInt(1000) : 0,
                        subPic ? 0xFFFFFFFEL - r.nextInt(3) : 0, r.nextBoolean()));
            }
            return list;
        }

        static HevcVui vui(Random r, int subLayers) {
            boolean ar = r.nextBoolean();
            int arIdc = ar ? (r.nextBoolean() ? 255 : r.nextInt(17)) : 0;
            boolean overscan = r.nextBoolean();
            boolean signal = r.nextBoolean();
            boolean colour = signal && r.nextBoolean();
            boolean loc = r.nextBoolean();
            boolean window = r.nextBoolean();
            boolean timing = r.nextBoolean();
            boolean poc = timing && r.nextBoolean();
            boolean restriction = r.nextBoolean();
            return new HevcVui(ar, arIdc, arIdc == 255 ? r.nextInt(65536) : 0, arIdc == 255 ? r.nextInt(65536) : 0, overscan,
                    overscan && r.nextBoolean(), signal, signal ? r.nextInt(8) : 0, signal && r.nextBoolean(), colour,
                    colour ? r.nextInt(256) : 0, colour ? r.nextInt(256) : 0, colour ? r.nextInt(256) : 0, loc, loc ? r.nextInt(6) : 0,
                    loc ? r.nextInt(6) : 0, r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), window, window ? r.nextInt(9) : 0,
                    window ? r.nextInt(9) : 0, window ? r.nextInt(9) : 0, window ? r.nextInt(9) : 0, timing,
                    timing ? 1 + (r.nextInt() & 0xFFFFFFFEL) : 0, timing ? 1 + (r.nextInt() & 0x7FFFFFFFL) : 0, poc,
                    poc ? r.nextInt(1000) : 0, timing && r.nextBoolean() ? hrd(r, subLayers, true, null) : null, restriction,
                    restriction && r.nextBoolean(), restriction && r.nextBoolean(), restriction && r.nextBoolean(),
                    restriction ? r.nextInt(4096) : 0, restriction ? r.nextInt(17) : 0, restriction ? r.nextInt(17) : 0,
                    restriction ? r.nextInt(16) : 0, restriction ? r.nextInt(16) : 0);
        }

        static ScalingListData lists(Random r) {
            List<ScalingListData.ScalingList> lists = new ArrayList<>();
            for (int k = 0; k < ScalingListData.LIST_COUNT; k++) {
                int size = ScalingListData.sizeIdOf(k);
                int matrix = ScalingListData.matrixIdOf(k);
                if (r.nextBoolean()) {
                    lists.add(new ScalingListData.ScalingList(size, matrix, false, 0, 0, List.of()));
                    lists.set(k, new ScalingListData.ScalingList(size, matrix, false, r.nextInt((size == 3 ? matrix / 3 : matrix) + 1), 0, List.of()));
                    continue;
                }
                List<Integer> coefs = new ArrayList<>();
                for (int i = 0; i < (size == 0 ? 16 : 64); i++) {
                    coefs.add(1 + r.nextInt(255));
                }
                lists.add(new ScalingListData.ScalingList(size, matrix, true, 0, size > 1 ? r.nextInt(255) - 7 : 0, coefs));
            }
            return new ScalingListData(lists);
        }

        static List<ShortTermRefPicSet> refPicSets(Random r, int maxDec) {
            List<ShortTermRefPicSet> sets = new ArrayList<>();
            int n = r.nextInt(8);
            for (int i = 0; i < n; i++) {
                if (i > 0 && r.nextBoolean()) {
                    ShortTermRefPicSet ref = sets.get(i - 1);
                    int entries = ref.numDeltaPocs() + 1;
                    for (int attempt = 0; attempt < 20; attempt++) {
                        int used = r.nextInt(1 << entries);
                        int use = used | r.nextInt(1 << entries);
                        try {
                            ShortTermRefPicSet s = ShortTermRefPicSet.predict(ref, 0, r.nextBoolean(), r.nextInt(8), used, use);
                            if (s.numDeltaPocs() <= Math.min(ShortTermRefPicSet.MAX_DELTA_POCS, 15)) {
                                sets.add(s);
                                break;
                            }
                        } catch (IllegalArgumentException tooMany) {
                            // try other flags
                        }
                    }
                    if (sets.size() == i + 1) {
                        continue;
                    }
                }
                int neg = r.nextInt(maxDec + 1);
                int pos = r.nextInt(maxDec - neg + 1);
                int[] s0 = new int[neg];
                int[] s1 = new int[pos];
                for (int k = 0, p = 0; k < neg; k++) {
                    p -= 1 + (r.nextInt(10) == 0 ? r.nextInt(32768) : r.nextInt(4));
                    s0[k] = p;
                }
                for (int k = 0, p = 0; k < pos; k++) {
                    p += 1 + r.nextInt(4);
                    s1[k] = p;
                }
                sets.add(new ShortTermRefPicSet(false, 0, false, 0, 0, 0, 0, s0, r.nextInt(1 << neg), s1, r.nextInt(1 << pos)));
            }
            return sets;
        }

        static HevcSps sps(Random r) {
            int subLayers = r.nextInt(7);
            int chroma = r.nextInt(4);
            int minCb = r.nextInt(4);
            int diffCb = r.nextInt(4 - minCb);
            int ctb = minCb + 3 + diffCb;
            int minTb = r.nextInt(minCb + 1);
            int diffTb = r.nextInt(Math.min(ctb, 5) - (minTb + 2) + 1);
            int width = (8 << minCb) * (1 + r.nextInt(40));
            int height = (8 << minCb) * (1 + r.nextInt(40));
            int subW = chroma == 1 || chroma == 2 ? 2 : 1;
            int subH = chroma == 1 ? 2 : 1;
            boolean window = r.nextBoolean();
            int depthY = r.nextInt(9);
            int depthC = r.nextInt(9);
            List<HevcSps.SubLayerOrderingInfo> ordering = new ArrayList<>();
            boolean all = r.nextBoolean();
            for (int i = 0; i < (all ? subLayers + 1 : 1); i++) {
                int dec = r.nextInt(16);
                ordering.add(new HevcSps.SubLayerOrderingInfo(dec, r.nextInt(dec + 1), r.nextBoolean() ? 0xFFFFFFFEL : r.nextInt(9)));
            }
            int log2Poc = r.nextInt(13);
            boolean scaling = r.nextBoolean();
            HevcSps.Pcm pcm = null;
            if (r.nextBoolean()) {
                int lowest = Math.min(minCb + 3, 5) - 3;
                int highest = Math.min(ctb, 5) - 3;
                int min = lowest + r.nextInt(highest - lowest + 1);
                pcm = new HevcSps.Pcm(r.nextInt(depthY + 8), r.nextInt(depthC + 8), min, r.nextInt(highest - min + 1), r.nextBoolean());
            }
            boolean longTerm = r.nextBoolean();
            List<Integer> lts = new ArrayList<>();
            long used = 0;
            if (longTerm) {
                int n = r.nextInt(33);
                for (int i = 0; i < n; i++) {
                    lts.add(r.nextInt(1 << (log2Poc + 4)));
                    used |= (long) r.nextInt(2) << i;
                }
            }
            boolean extension = r.nextBoolean();
            boolean range = extension && r.nextBoolean();
            boolean multilayer = extension && r.nextBoolean();
            boolean ext3d = extension && r.nextBoolean();
            boolean scc = extension && r.nextBoolean();
            int ext4 = extension && r.nextBoolean() ? r.nextInt(16) : 0;
            HevcExtensionData data = null;
            if (ext3d || scc || ext4 != 0) {
                byte[] b = new byte[r.nextInt(6)];
                r.nextBytes(b);
                int bits = 8 * b.length;
                if (b.length > 0) {
                    int drop = r.nextInt(8);
                    bits -= drop;
                    b[b.length - 1] &= (byte) (0xFF << drop);
                }
                data = new HevcExtensionData(ByteBuffer.wrap(b), bits);
            }
            return new HevcSps(r.nextInt(16), subLayers, r.nextBoolean(), ptl(r, subLayers), r.nextInt(16), chroma,
                    chroma == 3 && r.nextBoolean(), width, height, window, window ? r.nextInt(width / subW / 2 + 1) : 0,
                    window ? r.nextInt(width / subW / 2) : 0, window ? r.nextInt(height / subH / 2 + 1) : 0,
                    window ? r.nextInt(height / subH / 2) : 0, depthY, depthC, log2Poc, all, ordering, minCb, diffCb, minTb, diffTb,
                    r.nextInt(ctb - minTb - 1), r.nextInt(ctb - minTb - 1), scaling, scaling && r.nextBoolean() ? lists(r) : null,
                    r.nextBoolean(), r.nextBoolean(), pcm, refPicSets(r, ordering.get(ordering.size() - 1).maxDecPicBufferingMinus1()),
                    longTerm, lts, used, r.nextBoolean(), r.nextBoolean(), r.nextBoolean() ? vui(r, subLayers + 1) : null, extension,
                    range ? HevcSps.SpsRangeExtension.of(r.nextInt(512)) : null, multilayer, multilayer && r.nextBoolean(), ext3d, scc,
                    ext4, data);
        }

        static HevcPps pps(Random r) {
            boolean tiles = r.nextBoolean();
            int cols = tiles ? r.nextInt(20) : 0;
            int rows = tiles ? r.nextInt(22) : 0;
            boolean uniform = !tiles || r.nextBoolean();
            List<Integer> widths = new ArrayList<>();
            List<Integer> heights = new ArrayList<>();
            if (!uniform) {
                for (int i = 0; i < cols; i++) {
                    widths.add(r.nextInt(20));
                }
                for (int i = 0; i < rows; i++) {
                    heights.add(r.nextInt(20));
                }
            }
            boolean cuQp = r.nextBoolean();
            boolean deblocking = r.nextBoolean();
            boolean disabled = deblocking && r.nextBoolean();
            boolean skip = r.nextBoolean();
            boolean extension = r.nextBoolean();
            HevcPps.PpsRangeExtension range = null;
            if (extension && r.nextBoolean()) {
                boolean list = r.nextBoolean();
                List<Integer> cb = new ArrayList<>();
                List<Integer> cr = new ArrayList<>();
                for (int i = 0; list && i < 1 + r.nextInt(6); i++) {
                    cb.add(r.nextInt(25) - 12);
                    cr.add(r.nextInt(25) - 12);
                }
                range = new HevcPps.PpsRangeExtension(skip ? r.nextInt(4) : 0, r.nextBoolean(), list, list ? r.nextInt(4) : 0, cb, cr,
                        r.nextInt(7), r.nextInt(7));
            }
            boolean multilayer = extension && r.nextBoolean();
            int ext4 = extension && r.nextBoolean() ? r.nextInt(16) : 0;
            HevcExtensionData data = multilayer || ext4 != 0 ? new HevcExtensionData(ByteBuffer.wrap(new byte[] {(byte) 0xA0}), 3) : null;
            return new HevcPps(r.nextInt(64), r.nextInt(16), r.nextBoolean(), r.nextBoolean(), r.nextInt(8), r.nextBoolean(),
                    r.nextBoolean(), r.nextInt(15), r.nextInt(15), r.nextInt(100) - 74, r.nextBoolean(), skip, cuQp,
                    cuQp ? r.nextInt(4) : 0, r.nextInt(25) - 12, r.nextInt(25) - 12, r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
                    r.nextBoolean(), tiles, r.nextBoolean(), cols, rows, uniform, widths, heights, !tiles || r.nextBoolean(),
                    r.nextBoolean(), deblocking, deblocking && r.nextBoolean(), disabled, deblocking && !disabled ? r.nextInt(13) - 6 : 0,
                    deblocking && !disabled ? r.nextInt(13) - 6 : 0, r.nextBoolean() ? lists(r) : null, r.nextBoolean(), r.nextInt(5),
                    r.nextBoolean(), extension, range, multilayer, false, false, ext4, data);
        }

        static HevcVps vps(Random r) {
            int subLayers = r.nextInt(7);
            boolean all = r.nextBoolean();
            List<HevcSps.SubLayerOrderingInfo> ordering = new ArrayList<>();
            for (int i = 0; i < (all ? subLayers + 1 : 1); i++) {
                int dec = r.nextInt(16);
                ordering.add(new HevcSps.SubLayerOrderingInfo(dec, r.nextInt(dec + 1), r.nextInt(100)));
            }
            int maxLayerId = r.nextInt(64);
            int sets = r.nextInt(4);
            List<Long> included = new ArrayList<>();
            for (int i = 0; i < sets; i++) {
                included.add(maxLayerId == 63 ? r.nextLong() : r.nextLong() & ((1L << (maxLayerId + 1)) - 1));
            }
            boolean internal = r.nextBoolean();
            boolean timing = r.nextBoolean();
            boolean poc = timing && r.nextBoolean();
            List<Integer> idx = new ArrayList<>();
            List<HevcHrd> hrds = new ArrayList<>();
            if (timing) {
                int n = r.nextInt(sets + 2);
                for (int i = 0; i < n; i++) {
                    idx.add((internal ? 0 : 1) + r.nextInt(sets + (internal ? 1 : 0) == 0 ? 1 : sets + (internal ? 1 : 0)));
                    hrds.add(hrd(r, subLayers + 1, i == 0 || r.nextBoolean(), i == 0 ? null : hrds.get(i - 1)));
                }
                if (!internal && sets == 0) {
                    idx.clear();
                    hrds.clear();
                }
            }
            boolean extension = r.nextBoolean();
            return new HevcVps(r.nextInt(16), internal, r.nextBoolean(), r.nextInt(64), subLayers, r.nextBoolean(), r.nextInt(65536),
                    ptl(r, subLayers), all, ordering, maxLayerId, included, timing, timing ? r.nextInt() & 0xFFFFFFFFL : 0,
                    timing ? r.nextInt() & 0xFFFFFFFFL : 0, poc, poc ? r.nextInt(99) : 0, idx, hrds, extension,
                    extension ? new HevcExtensionData(ByteBuffer.wrap(new byte[] {(byte) 0xFF, 0x40}), 10) : null);
        }
    }
}
