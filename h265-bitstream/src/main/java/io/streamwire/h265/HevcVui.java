package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;

/**
 * vui_parameters() of the SPS: ITU-T H.265 (09/2023) §E.2.1, semantics §E.3.1, with the
 * hrd_parameters() it may carry ({@link HevcHrd}).
 *
 * <pre>
 * aspect_ratio_info_present_flag u(1) [aspect_ratio_idc u(8) [=255: sar_width u(16) sar_height u(16)]]
 * overscan_info_present_flag u(1) [overscan_appropriate_flag u(1)]
 * video_signal_type_present_flag u(1) [video_format u(3) video_full_range_flag u(1) colour_description_present_flag u(1)
 *   [colour_primaries u(8) transfer_characteristics u(8) matrix_coeffs u(8)]]
 * chroma_loc_info_present_flag u(1) [chroma_sample_loc_type_top_field ue(v) 0..5 chroma_sample_loc_type_bottom_field ue(v) 0..5]
 * neutral_chroma_indication_flag u(1) field_seq_flag u(1) frame_field_info_present_flag u(1)
 * default_display_window_flag u(1) [def_disp_win_left/right/top/bottom_offset ue(v) x4]
 * vui_timing_info_present_flag u(1) [vui_num_units_in_tick u(32) vui_time_scale u(32)
 *   vui_poc_proportional_to_timing_flag u(1) [vui_num_ticks_poc_diff_one_minus1 ue(v)]
 *   vui_hrd_parameters_present_flag u(1) [hrd_parameters(1, sps_max_sub_layers_minus1)]]
 * bitstream_restriction_flag u(1) [tiles_fixed_structure_flag u(1) motion_vectors_over_pic_boundaries_flag u(1)
 *   restricted_ref_pic_lists_flag u(1) min_spatial_segmentation_idc ue(v) 0..4095 max_bytes_per_pic_denom ue(v) 0..16
 *   max_bits_per_min_cu_denom ue(v) 0..16 log2_max_mv_length_horizontal ue(v) 0..15 log2_max_mv_length_vertical ue(v) 0..15]
 * </pre>
 *
 * <p>Fields not coded are 0 or false (their inferred values, where the spec gives one, are methods of
 * the caller, e.g. {@link HevcSps#colourPrimaries()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param aspectRatioInfoPresentFlag aspect_ratio_info_present_flag
 * @param aspectRatioIdc aspect_ratio_idc, 8 bits (255: EXTENDED_SAR)
 * @param sarWidth sar_width, 16 bits
 * @param sarHeight sar_height, 16 bits
 * @param overscanInfoPresentFlag overscan_info_present_flag
 * @param overscanAppropriateFlag overscan_appropriate_flag
 * @param videoSignalTypePresentFlag video_signal_type_present_flag
 * @param videoFormat video_format, 3 bits
 * @param videoFullRangeFlag video_full_range_flag
 * @param colourDescriptionPresentFlag colour_description_present_flag
 * @param colourPrimaries colour_primaries, 8 bits (ITU-T H.273 Table 2)
 * @param transferCharacteristics transfer_characteristics, 8 bits (H.273 Table 3)
 * @param matrixCoeffs matrix_coeffs, 8 bits (H.273 Table 4)
 * @param chromaLocInfoPresentFlag chroma_loc_info_present_flag
 * @param chromaSampleLocTypeTopField chroma_sample_loc_type_top_field, 0..5
 * @param chromaSampleLocTypeBottomField chroma_sample_loc_type_bottom_field, 0..5
 * @param neutralChromaIndicationFlag neutral_chroma_indication_flag
 * @param fieldSeqFlag field_seq_flag
 * @param frameFieldInfoPresentFlag frame_field_info_present_flag
 * @param defaultDisplayWindowFlag default_display_window_flag
 * @param defDispWinLeftOffset def_disp_win_left_offset
 * @param defDispWinRightOffset def_disp_win_right_offset
 * @param defDispWinTopOffset def_disp_win_top_offset
 * @param defDispWinBottomOffset def_disp_win_bottom_offset
 * @param vuiTimingInfoPresentFlag vui_timing_info_present_flag
 * @param vuiNumUnitsInTick vui_num_units_in_tick, 1..2^32-1
 * @param vuiTimeScale vui_time_scale, 1..2^32-1
 * @param vuiPocProportionalToTimingFlag vui_poc_proportional_to_timing_flag
 * @param vuiNumTicksPocDiffOneMinus1 vui_num_ticks_poc_diff_one_minus1, 0..2^32-2
 * @param hrdParameters the hrd_parameters() when vui_hrd_parameters_present_flag is 1, else null
 * @param bitstreamRestrictionFlag bitstream_restriction_flag
 * @param tilesFixedStructureFlag tiles_fixed_structure_flag
 * @param motionVectorsOverPicBoundariesFlag motion_vectors_over_pic_boundaries_flag
 * @param restrictedRefPicListsFlag restricted_ref_pic_lists_flag
 * @param minSpatialSegmentationIdc min_spatial_segmentation_idc, 0..4095
 * @param maxBytesPerPicDenom max_bytes_per_pic_denom, 0..16
 * @param maxBitsPerMinCuDenom max_bits_per_min_cu_denom, 0..16
 * @param log2MaxMvLengthHorizontal log2_max_mv_length_horizontal, 0..15
 * @param log2MaxMvLengthVertical log2_max_mv_length_vertical, 0..15
 *
 * @since 0.2.0
 */
public record HevcVui(boolean aspectRatioInfoPresentFlag, int aspectRatioIdc, int sarWidth, int sarHeight,
        boolean overscanInfoPresentFlag, boolean overscanAppropriateFlag, boolean videoSignalTypePresentFlag, int videoFormat,
        boolean videoFullRangeFlag, boolean colourDescriptionPresentFlag, int colourPrimaries, int transferCharacteristics,
        int matrixCoeffs, boolean chromaLocInfoPresentFlag, int chromaSampleLocTypeTopField, int chromaSampleLocTypeBottomField,
        boolean neutralChromaIndicationFlag, boolean fieldSeqFlag, boolean frameFieldInfoPresentFlag,
        boolean defaultDisplayWindowFlag, int defDispWinLeftOffset, int defDispWinRightOffset, int defDispWinTopOffset,
        int defDispWinBottomOffset, boolean vuiTimingInfoPresentFlag, long vuiNumUnitsInTick, long vuiTimeScale,
        boolean vuiPocProportionalToTimingFlag, long vuiNumTicksPocDiffOneMinus1, HevcHrd hrdParameters,
        boolean bitstreamRestrictionFlag, boolean tilesFixedStructureFlag, boolean motionVectorsOverPicBoundariesFlag,
        boolean restrictedRefPicListsFlag, int minSpatialSegmentationIdc, int maxBytesPerPicDenom, int maxBitsPerMinCuDenom,
        int log2MaxMvLengthHorizontal, int log2MaxMvLengthVertical) {

    /** aspect_ratio_idc EXTENDED_SAR (Table E.1). */
    public static final int EXTENDED_SAR = 255;

    /** Checks ranges and that what a flag says is absent is zero. */
    public HevcVui {
        int window = defDispWinLeftOffset | defDispWinRightOffset | defDispWinTopOffset | defDispWinBottomOffset;
        if (aspectRatioIdc >>> 8 != 0 || (sarWidth | sarHeight) >>> 16 != 0 || videoFormat >>> 3 != 0
                || (colourPrimaries | transferCharacteristics | matrixCoeffs) >>> 8 != 0
                || outside(chromaSampleLocTypeTopField, 5) || outside(chromaSampleLocTypeBottomField, 5) || window < 0
                || vuiNumUnitsInTick < 0 || vuiNumUnitsInTick > 0xFFFFFFFFL || vuiTimeScale < 0 || vuiTimeScale > 0xFFFFFFFFL
                || vuiNumTicksPocDiffOneMinus1 < 0 || vuiNumTicksPocDiffOneMinus1 > 0xFFFFFFFEL
                || outside(minSpatialSegmentationIdc, 4095) || outside(maxBytesPerPicDenom, 16) || outside(maxBitsPerMinCuDenom, 16)
                || outside(log2MaxMvLengthHorizontal, 15) || outside(log2MaxMvLengthVertical, 15)) {
            throw new IllegalArgumentException("VUI field out of range");
        }
        if ((!aspectRatioInfoPresentFlag && aspectRatioIdc != 0) || (aspectRatioIdc != EXTENDED_SAR && (sarWidth | sarHeight) != 0)
                || (!overscanInfoPresentFlag && overscanAppropriateFlag)
                || (!videoSignalTypePresentFlag && (videoFormat != 0 || videoFullRangeFlag || colourDescriptionPresentFlag))
                || (!colourDescriptionPresentFlag && (colourPrimaries | transferCharacteristics | matrixCoeffs) != 0)
                || (!chromaLocInfoPresentFlag && (chromaSampleLocTypeTopField | chromaSampleLocTypeBottomField) != 0)
                || (!defaultDisplayWindowFlag && window != 0)
                || (vuiTimingInfoPresentFlag ? vuiNumUnitsInTick == 0 || vuiTimeScale == 0
                        : vuiNumUnitsInTick != 0 || vuiTimeScale != 0 || vuiPocProportionalToTimingFlag || hrdParameters != null)
                || (!vuiPocProportionalToTimingFlag && vuiNumTicksPocDiffOneMinus1 != 0)
                || (hrdParameters != null && !hrdParameters.commonInfPresentFlag())
                || (!bitstreamRestrictionFlag && (tilesFixedStructureFlag || motionVectorsOverPicBoundariesFlag
                        || restrictedRefPicListsFlag || minSpatialSegmentationIdc != 0 || maxBytesPerPicDenom != 0
                        || maxBitsPerMinCuDenom != 0 || log2MaxMvLengthHorizontal != 0 || log2MaxMvLengthVertical != 0))) {
            throw new IllegalArgumentException("VUI fields inconsistent with their presence flags");
        }
    }

    private static boolean outside(int v, int max) {
        return v < 0 || v > max;
    }

    /**
     * Reads vui_parameters() for an SPS of {@code maxSubLayersMinus1} (0..6).
     *
     * @implNote vui_num_units_in_tick and vui_time_scale of 0 are refused ("shall be greater than 0",
     *     §E.3.1): a frame rate could not be derived from them.
     */
    static HevcVui read(BitReader r, int maxSubLayersMinus1) {
        boolean ar = r.flag("aspect_ratio_info_present_flag");
        int arIdc = 0;
        int sarW = 0;
        int sarH = 0;
        if (ar) {
            arIdc = r.u(8, "aspect_ratio_idc");
            if (arIdc == EXTENDED_SAR) {
                sarW = r.u(16, "sar_width");
                sarH = r.u(16, "sar_height");
            }
        }
        boolean overscan = r.flag("overscan_info_present_flag");
        boolean overscanAppropriate = overscan && r.flag("overscan_appropriate_flag");
        boolean signal = r.flag("video_signal_type_present_flag");
        int format = 0;
        boolean fullRange = false;
        boolean colour = false;
        int primaries = 0;
        int transfer = 0;
        int matrix = 0;
        if (signal) {
            format = r.u(3, "video_format");
            fullRange = r.flag("video_full_range_flag");
            colour = r.flag("colour_description_present_flag");
            if (colour) {
                primaries = r.u(8, "colour_primaries");
                transfer = r.u(8, "transfer_characteristics");
                matrix = r.u(8, "matrix_coeffs");
            }
        }
        boolean loc = r.flag("chroma_loc_info_present_flag");
        int locTop = loc ? r.ue("chroma_sample_loc_type_top_field", 5) : 0;
        int locBottom = loc ? r.ue("chroma_sample_loc_type_bottom_field", 5) : 0;
        boolean neutral = r.flag("neutral_chroma_indication_flag");
        boolean fieldSeq = r.flag("field_seq_flag");
        boolean frameField = r.flag("frame_field_info_present_flag");
        boolean window = r.flag("default_display_window_flag");
        int left = 0;
        int right = 0;
        int top = 0;
        int bottom = 0;
        if (window) {
            left = r.ue("def_disp_win_left_offset");
            right = r.ue("def_disp_win_right_offset");
            top = r.ue("def_disp_win_top_offset");
            bottom = r.ue("def_disp_win_bottom_offset");
        }
        boolean timing = r.flag("vui_timing_info_present_flag");
        long unitsInTick = 0;
        long timeScale = 0;
        boolean pocProportional = false;
        long ticksPocDiff = 0;
        HevcHrd hrd = null;
        if (timing) {
            unitsInTick = r.readBitsLong(32, "vui_num_units_in_tick");
            if (unitsInTick == 0) {
                throw r.error("vui_num_units_in_tick", "is 0 (expected: > 0)");
            }
            timeScale = r.readBitsLong(32, "vui_time_scale");
            if (timeScale == 0) {
                throw r.error("vui_time_scale", "is 0 (expected: > 0)");
            }
            pocProportional = r.flag("vui_poc_proportional_to_timing_flag");
            ticksPocDiff = pocProportional ? r.ueLong("vui_num_ticks_poc_diff_one_minus1") : 0;
            if (r.flag("vui_hrd_parameters_present_flag")) {
                hrd = HevcHrd.read(r, true, maxSubLayersMinus1, null);
            }
        }
        boolean restriction = r.flag("bitstream_restriction_flag");
        boolean tilesFixed = false;
        boolean mvOver = false;
        boolean restricted = false;
        int segmentation = 0;
        int bytesDenom = 0;
        int bitsDenom = 0;
        int mvH = 0;
        int mvV = 0;
        if (restriction) {
            tilesFixed = r.flag("tiles_fixed_structure_flag");
            mvOver = r.flag("motion_vectors_over_pic_boundaries_flag");
            restricted = r.flag("restricted_ref_pic_lists_flag");
            segmentation = r.ue("min_spatial_segmentation_idc", 4095);
            bytesDenom = r.ue("max_bytes_per_pic_denom", 16);
            bitsDenom = r.ue("max_bits_per_min_cu_denom", 16);
            mvH = r.ue("log2_max_mv_length_horizontal", 15);
            mvV = r.ue("log2_max_mv_length_vertical", 15);
        }
        return new HevcVui(ar, arIdc, sarW, sarH, overscan, overscanAppropriate, signal, format, fullRange, colour, primaries,
                transfer, matrix, loc, locTop, locBottom, neutral, fieldSeq, frameField, window, left, right, top, bottom, timing,
                unitsInTick, timeScale, pocProportional, ticksPocDiff, hrd, restriction, tilesFixed, mvOver, restricted,
                segmentation, bytesDenom, bitsDenom, mvH, mvV);
    }

    void write(RbspWriter w) {
        w.flag(aspectRatioInfoPresentFlag);
        if (aspectRatioInfoPresentFlag) {
            w.u(8, aspectRatioIdc);
            if (aspectRatioIdc == EXTENDED_SAR) {
                w.u(16, sarWidth).u(16, sarHeight);
            }
        }
        w.flag(overscanInfoPresentFlag);
        if (overscanInfoPresentFlag) {
            w.flag(overscanAppropriateFlag);
        }
        w.flag(videoSignalTypePresentFlag);
        if (videoSignalTypePresentFlag) {
            w.u(3, videoFormat).flag(videoFullRangeFlag).flag(colourDescriptionPresentFlag);
            if (colourDescriptionPresentFlag) {
                w.u(8, colourPrimaries).u(8, transferCharacteristics).u(8, matrixCoeffs);
            }
        }
        w.flag(chromaLocInfoPresentFlag);
        if (chromaLocInfoPresentFlag) {
            w.ue(chromaSampleLocTypeTopField).ue(chromaSampleLocTypeBottomField);
        }
        w.flag(neutralChromaIndicationFlag).flag(fieldSeqFlag).flag(frameFieldInfoPresentFlag).flag(defaultDisplayWindowFlag);
        if (defaultDisplayWindowFlag) {
            w.ue(defDispWinLeftOffset).ue(defDispWinRightOffset).ue(defDispWinTopOffset).ue(defDispWinBottomOffset);
        }
        w.flag(vuiTimingInfoPresentFlag);
        if (vuiTimingInfoPresentFlag) {
            w.u(32, vuiNumUnitsInTick).u(32, vuiTimeScale).flag(vuiPocProportionalToTimingFlag);
            if (vuiPocProportionalToTimingFlag) {
                w.ue(vuiNumTicksPocDiffOneMinus1);
            }
            w.flag(hrdParameters != null);
            if (hrdParameters != null) {
                hrdParameters.write(w);
            }
        }
        w.flag(bitstreamRestrictionFlag);
        if (bitstreamRestrictionFlag) {
            w.flag(tilesFixedStructureFlag).flag(motionVectorsOverPicBoundariesFlag).flag(restrictedRefPicListsFlag)
                    .ue(minSpatialSegmentationIdc).ue(maxBytesPerPicDenom).ue(maxBitsPerMinCuDenom).ue(log2MaxMvLengthHorizontal)
                    .ue(log2MaxMvLengthVertical);
        }
    }
}
