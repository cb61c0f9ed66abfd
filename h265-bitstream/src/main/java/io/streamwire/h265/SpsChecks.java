package io.streamwire.h265;

import java.util.List;

/**
 * The checks of {@link HevcSps}'s constructor: the same ranges and relations the parser enforces
 * (ITU-T H.265 (09/2023) §7.4.3.2.1), so that a record that constructs writes an SPS that parses back
 * to it.
 *
 * <p>Stateless and thread-safe.
 */
final class SpsChecks {
    private SpsChecks() {}

    private static boolean outside(int v, int min, int max) {
        return v < min || v > max;
    }

    /** What is wrong with the fields, or null. */
    static String problem(int vpsId, int maxSubLayers, ProfileTierLevel ptl, int id, int chroma, boolean separate, int width,
            int height, boolean window, int left, int right, int top, int bottom, int depthLuma, int depthChroma, int log2PocLsb,
            boolean orderingAll, List<HevcSps.SubLayerOrderingInfo> ordering, int minCb, int diffCb, int minTb, int diffTb,
            int depthInter, int depthIntra, boolean scaling, ScalingListData lists, HevcSps.Pcm pcm, List<ShortTermRefPicSet> sets,
            boolean longTerm, List<Integer> ltLsbs, long ltUsed, HevcVui vui, boolean extension, HevcSps.SpsRangeExtension range,
            boolean multilayer, boolean interView, boolean ext3d, boolean scc, int ext4, HevcExtensionData data) {
        if (outside(vpsId, 0, 15) || outside(maxSubLayers, 0, 6) || ptl == null || !ptl.profilePresentFlag()
                || ptl.maxNumSubLayersMinus1() != maxSubLayers || outside(id, 0, 15) || outside(chroma, 0, 3)
                || (separate && chroma != 3) || outside(depthLuma, 0, 8) || outside(depthChroma, 0, 8) || outside(log2PocLsb, 0, 12)
                || outside(ext4, 0, 15)) {
            return "SPS field out of range";
        }
        if (outside(width, 1, HevcSps.MAX_PIC_DIMENSION) || outside(height, 1, HevcSps.MAX_PIC_DIMENSION)) {
            return "picture size " + width + "x" + height + " out of range";
        }
        int subW = chroma == 1 || chroma == 2 ? 2 : 1;
        int subH = chroma == 1 ? 2 : 1;
        if ((left | right | top | bottom) < 0 || (!window && (left | right | top | bottom) != 0)
                || (long) subW * ((long) left + right) >= width || (long) subH * ((long) top + bottom) >= height) {
            return "conformance window out of range";
        }
        if (ordering.size() != (orderingAll ? maxSubLayers + 1 : 1)) {
            return ordering.size() + " sub-layer ordering entries";
        }
        int ctb = minCb + 3 + diffCb;
        if (outside(minCb, 0, 3) || diffCb < 0 || ctb > 6 || width % (8 << minCb) != 0 || height % (8 << minCb) != 0
                || outside(minTb, 0, minCb) || diffTb < 0 || minTb + 2 + diffTb > Math.min(ctb, 5)
                || outside(depthInter, 0, ctb - minTb - 2) || outside(depthIntra, 0, ctb - minTb - 2)) {
            return "block sizes out of range";
        }
        if (lists != null && !scaling) {
            return "scaling list data without scaling_list_enabled_flag";
        }
        if (pcm != null && (pcm.pcmSampleBitDepthLumaMinus1() >= depthLuma + 8 || pcm.pcmSampleBitDepthChromaMinus1() >= depthChroma + 8
                || pcm.log2MinPcmLumaCodingBlockSizeMinus3() < Math.min(minCb + 3, 5) - 3
                || pcm.log2MinPcmLumaCodingBlockSizeMinus3() + pcm.log2DiffMaxMinPcmLumaCodingBlockSize() > Math.min(ctb, 5) - 3)) {
            return "PCM fields out of range";
        }
        String rps = refPicSetProblem(sets, ordering.get(ordering.size() - 1).maxDecPicBufferingMinus1());
        if (rps != null) {
            return rps;
        }
        if (ltLsbs.size() > HevcSps.MAX_LONG_TERM_REF_PICS_SPS || (!longTerm && !ltLsbs.isEmpty())
                || ltUsed >>> ltLsbs.size() != 0 || ltUsed < 0) {
            return "long-term reference pictures out of range";
        }
        for (int lsb : ltLsbs) {
            if (lsb >>> (log2PocLsb + 4) != 0) {
                return "lt_ref_pic_poc_lsb_sps " + lsb + " wider than " + (log2PocLsb + 4) + " bits";
            }
        }
        if (vui != null && vui.hrdParameters() != null && vui.hrdParameters().subLayers().size() != maxSubLayers + 1) {
            return "VUI HRD parameters for " + vui.hrdParameters().subLayers().size() + " sub-layers";
        }
        if (!extension && (range != null || multilayer || ext3d || scc || ext4 != 0) || (interView && !multilayer)
                || ((data != null) != (ext3d || scc || ext4 != 0))) {
            return "SPS extension fields inconsistent with their flags";
        }
        return null;
    }

    /** Each set as the parser would derive it: set 0 explicit, predicted sets from the set before. */
    private static String refPicSetProblem(List<ShortTermRefPicSet> sets, int maxDec) {
        if (sets.size() > HevcSps.MAX_SHORT_TERM_REF_PIC_SETS) {
            return sets.size() + " short-term reference picture sets";
        }
        for (int i = 0; i < sets.size(); i++) {
            ShortTermRefPicSet s = sets.get(i);
            if (!s.interRefPicSetPredictionFlag()) {
                if (s.numNegativePics() > maxDec || s.numDeltaPocs() > maxDec) {
                    return "st_ref_pic_set(" + i + ") holds more than sps_max_dec_pic_buffering_minus1 pictures";
                }
                continue;
            }
            if (i == 0 || s.deltaIdxMinus1() != 0 || s.refEntries() != sets.get(i - 1).numDeltaPocs() + 1
                    || !ShortTermRefPicSet.predict(sets.get(i - 1), 0, s.deltaRpsSign(), s.absDeltaRpsMinus1(),
                            s.usedByCurrPicFlags(), s.useDeltaFlags()).equals(s)) {
                return "st_ref_pic_set(" + i + ") is not predicted from st_ref_pic_set(" + (i - 1) + ")";
            }
        }
        return null;
    }
}
