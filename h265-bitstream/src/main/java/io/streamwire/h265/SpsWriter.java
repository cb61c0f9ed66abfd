package io.streamwire.h265;

import io.streamwire.core.internal.RbspWriter;

/**
 * Writes an {@link HevcSps} as seq_parameter_set_rbsp() (ITU-T H.265 (09/2023) §7.3.2.2.1) with its
 * rbsp_trailing_bits(), in the order the parser reads it.
 *
 * <p>Stateless and thread-safe.
 */
final class SpsWriter {
    private SpsWriter() {}

    static void write(HevcSps s, RbspWriter w) {
        w.u(4, s.spsVideoParameterSetId()).u(3, s.spsMaxSubLayersMinus1()).flag(s.spsTemporalIdNestingFlag());
        s.profileTierLevel().write(w);
        w.ue(s.spsSeqParameterSetId()).ue(s.chromaFormatIdc());
        if (s.chromaFormatIdc() == 3) {
            w.flag(s.separateColourPlaneFlag());
        }
        w.ue(s.picWidthInLumaSamples()).ue(s.picHeightInLumaSamples()).flag(s.conformanceWindowFlag());
        if (s.conformanceWindowFlag()) {
            w.ue(s.confWinLeftOffset()).ue(s.confWinRightOffset()).ue(s.confWinTopOffset()).ue(s.confWinBottomOffset());
        }
        w.ue(s.bitDepthLumaMinus8()).ue(s.bitDepthChromaMinus8()).ue(s.log2MaxPicOrderCntLsbMinus4())
                .flag(s.spsSubLayerOrderingInfoPresentFlag());
        writeOrdering(w, s.subLayerOrderingInfo());
        w.ue(s.log2MinLumaCodingBlockSizeMinus3()).ue(s.log2DiffMaxMinLumaCodingBlockSize())
                .ue(s.log2MinLumaTransformBlockSizeMinus2()).ue(s.log2DiffMaxMinLumaTransformBlockSize())
                .ue(s.maxTransformHierarchyDepthInter()).ue(s.maxTransformHierarchyDepthIntra()).flag(s.scalingListEnabledFlag());
        if (s.scalingListEnabledFlag()) {
            w.flag(s.spsScalingListData() != null);
            if (s.spsScalingListData() != null) {
                s.spsScalingListData().write(w);
            }
        }
        w.flag(s.ampEnabledFlag()).flag(s.sampleAdaptiveOffsetEnabledFlag()).flag(s.pcm() != null);
        if (s.pcm() != null) {
            HevcSps.Pcm p = s.pcm();
            w.u(4, p.pcmSampleBitDepthLumaMinus1()).u(4, p.pcmSampleBitDepthChromaMinus1()).ue(p.log2MinPcmLumaCodingBlockSizeMinus3())
                    .ue(p.log2DiffMaxMinPcmLumaCodingBlockSize()).flag(p.pcmLoopFilterDisabledFlag());
        }
        int n = s.stRefPicSets().size();
        w.ue(n);
        for (int i = 0; i < n; i++) {
            s.stRefPicSets().get(i).write(w, i, n);
        }
        w.flag(s.longTermRefPicsPresentFlag());
        if (s.longTermRefPicsPresentFlag()) {
            w.ue(s.ltRefPicPocLsbSps().size());
            for (int i = 0; i < s.ltRefPicPocLsbSps().size(); i++) {
                w.u(s.log2MaxPicOrderCntLsb(), s.ltRefPicPocLsbSps().get(i)).flag((s.usedByCurrPicLtSpsFlags() >>> i & 1) != 0);
            }
        }
        w.flag(s.spsTemporalMvpEnabledFlag()).flag(s.strongIntraSmoothingEnabledFlag()).flag(s.vui() != null);
        if (s.vui() != null) {
            s.vui().write(w);
        }
        w.flag(s.spsExtensionPresentFlag());
        if (s.spsExtensionPresentFlag()) {
            w.flag(s.spsRangeExtension() != null).flag(s.spsMultilayerExtensionFlag()).flag(s.sps3dExtensionFlag())
                    .flag(s.spsSccExtensionFlag()).u(4, s.spsExtension4bits());
        }
        if (s.spsRangeExtension() != null) {
            w.u(9, s.spsRangeExtension().bits());
        }
        if (s.spsMultilayerExtensionFlag()) {
            w.flag(s.interViewMvVertConstraintFlag());
        }
        if (s.extensionData() != null) {
            s.extensionData().write(w);
        }
        w.trailingBits();
    }

    static void writeOrdering(RbspWriter w, java.util.List<HevcSps.SubLayerOrderingInfo> ordering) {
        for (HevcSps.SubLayerOrderingInfo o : ordering) {
            w.ue(o.maxDecPicBufferingMinus1()).ue(o.maxNumReorderPics()).ue(o.maxLatencyIncreasePlus1());
        }
    }
}
