package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

/**
 * vui_parameters(): ITU-T H.264 (08/2021) Annex E §E.1.1, semantics §E.2.1. Fields whose presence
 * flag is 0 are 0 here (or null for the HRD parameters). Read as part of the SPS by {@link Sps#parse}
 * (see {@code Sps.read} for why it is read there), written by {@link Sps#writeTo}.
 *
 * <pre>
 * aspect_ratio_info_present_flag u(1) [aspect_ratio_idc u(8) [=255: sar_width u(16) sar_height u(16)]]
 * overscan_info_present_flag u(1) [overscan_appropriate_flag u(1)]
 * video_signal_type_present_flag u(1) [video_format u(3) video_full_range_flag u(1)
 *   colour_description_present_flag u(1) [colour_primaries u(8) transfer_characteristics u(8) matrix_coefficients u(8)]]
 * chroma_loc_info_present_flag u(1) [chroma_sample_loc_type_top_field ue(v) chroma_sample_loc_type_bottom_field ue(v)]
 * timing_info_present_flag u(1) [num_units_in_tick u(32) time_scale u(32) fixed_frame_rate_flag u(1)]
 * nal_hrd_parameters_present_flag u(1) [hrd_parameters()]  vcl_hrd_parameters_present_flag u(1) [hrd_parameters()]
 * [either: low_delay_hrd_flag u(1)]  pic_struct_present_flag u(1)
 * bitstream_restriction_flag u(1) [motion_vectors_over_pic_boundaries_flag u(1) max_bytes_per_pic_denom ue(v)
 *   max_bits_per_mb_denom ue(v) log2_max_mv_length_horizontal ue(v) log2_max_mv_length_vertical ue(v)
 *   max_num_reorder_frames ue(v) max_dec_frame_buffering ue(v)]
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param aspectRatioInfoPresentFlag aspect_ratio_info_present_flag
 * @param aspectRatioIdc aspect_ratio_idc, 8 bits (255 = Extended_SAR)
 * @param sarWidth sar_width, 16 bits (Extended_SAR only)
 * @param sarHeight sar_height, 16 bits (Extended_SAR only)
 * @param overscanInfoPresentFlag overscan_info_present_flag
 * @param overscanAppropriateFlag overscan_appropriate_flag
 * @param videoSignalTypePresentFlag video_signal_type_present_flag
 * @param videoFormat video_format, 3 bits
 * @param videoFullRangeFlag video_full_range_flag
 * @param colourDescriptionPresentFlag colour_description_present_flag
 * @param colourPrimaries colour_primaries, 8 bits
 * @param transferCharacteristics transfer_characteristics, 8 bits
 * @param matrixCoefficients matrix_coefficients, 8 bits
 * @param chromaLocInfoPresentFlag chroma_loc_info_present_flag
 * @param chromaSampleLocTypeTopField chroma_sample_loc_type_top_field, 0..5
 * @param chromaSampleLocTypeBottomField chroma_sample_loc_type_bottom_field, 0..5
 * @param timingInfoPresentFlag timing_info_present_flag
 * @param numUnitsInTick num_units_in_tick, 32 bits, &gt; 0 when present
 * @param timeScale time_scale, 32 bits, &gt; 0 when present
 * @param fixedFrameRateFlag fixed_frame_rate_flag
 * @param nalHrdParameters the NAL HRD (nal_hrd_parameters_present_flag = 1), or null
 * @param vclHrdParameters the VCL HRD (vcl_hrd_parameters_present_flag = 1), or null
 * @param lowDelayHrdFlag low_delay_hrd_flag (only with an HRD)
 * @param picStructPresentFlag pic_struct_present_flag
 * @param bitstreamRestrictionFlag bitstream_restriction_flag
 * @param motionVectorsOverPicBoundariesFlag motion_vectors_over_pic_boundaries_flag
 * @param maxBytesPerPicDenom max_bytes_per_pic_denom, 0..16
 * @param maxBitsPerMbDenom max_bits_per_mb_denom, 0..16
 * @param log2MaxMvLengthHorizontal log2_max_mv_length_horizontal, 0..16 (§E.2.1 says 0..15;
 *     openh264's encoder writes 16, so 16 is accepted)
 * @param log2MaxMvLengthVertical log2_max_mv_length_vertical, 0..16 (as above)
 * @param maxNumReorderFrames max_num_reorder_frames, 0..16
 * @param maxDecFrameBuffering max_dec_frame_buffering, 0..16
 *
 * @since 0.1.0
 */
public record VuiParameters(boolean aspectRatioInfoPresentFlag, int aspectRatioIdc, int sarWidth, int sarHeight,
        boolean overscanInfoPresentFlag, boolean overscanAppropriateFlag, boolean videoSignalTypePresentFlag,
        int videoFormat, boolean videoFullRangeFlag, boolean colourDescriptionPresentFlag, int colourPrimaries,
        int transferCharacteristics, int matrixCoefficients, boolean chromaLocInfoPresentFlag,
        int chromaSampleLocTypeTopField, int chromaSampleLocTypeBottomField, boolean timingInfoPresentFlag,
        long numUnitsInTick, long timeScale, boolean fixedFrameRateFlag, HrdParameters nalHrdParameters,
        HrdParameters vclHrdParameters, boolean lowDelayHrdFlag, boolean picStructPresentFlag,
        boolean bitstreamRestrictionFlag, boolean motionVectorsOverPicBoundariesFlag, int maxBytesPerPicDenom,
        int maxBitsPerMbDenom, int log2MaxMvLengthHorizontal, int log2MaxMvLengthVertical, int maxNumReorderFrames,
        int maxDecFrameBuffering) {

    /** aspect_ratio_idc value meaning sar_width and sar_height follow. */
    public static final int EXTENDED_SAR = 255;

    private static final int[][] SAR = {{0, 0}, {1, 1}, {12, 11}, {10, 11}, {16, 11}, {40, 33}, {24, 11}, {20, 11},
        {32, 11}, {80, 33}, {18, 11}, {15, 11}, {64, 33}, {160, 99}, {4, 3}, {3, 2}, {2, 1}};

    /** Checks bit widths. */
    public VuiParameters {
        // one test for all the checks, as in Sps's constructor (no branch per field on every parse)
        int bad = (aspectRatioIdc | colourPrimaries | transferCharacteristics | matrixCoefficients) >>> 8
                | (sarWidth | sarHeight) >>> 16 | videoFormat >>> 3 | (int) ((numUnitsInTick | timeScale) >>> 32)
                | Sps.outside(chromaSampleLocTypeTopField, 5) | Sps.outside(chromaSampleLocTypeBottomField, 5)
                | Sps.outside(maxBytesPerPicDenom, 16) | Sps.outside(maxBitsPerMbDenom, 16)
                | Sps.outside(log2MaxMvLengthHorizontal, 16) | Sps.outside(log2MaxMvLengthVertical, 16)
                | Sps.outside(maxNumReorderFrames, 16) | Sps.outside(maxDecFrameBuffering, 16);
        if (bad != 0) {
            throw new IllegalArgumentException("VUI fields out of range");
        }
    }

    /** The sample aspect ratio {width, height} (Table E-1 or Extended_SAR); {0, 0} when unspecified. */
    public int[] sampleAspectRatio() {
        if (!aspectRatioInfoPresentFlag) {
            return new int[] {0, 0};
        }
        if (aspectRatioIdc == EXTENDED_SAR) {
            return new int[] {sarWidth, sarHeight};
        }
        return aspectRatioIdc < SAR.length ? SAR[aspectRatioIdc].clone() : new int[] {0, 0};
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
                w.u(8, colourPrimaries).u(8, transferCharacteristics).u(8, matrixCoefficients);
            }
        }
        w.flag(chromaLocInfoPresentFlag);
        if (chromaLocInfoPresentFlag) {
            w.ue(chromaSampleLocTypeTopField).ue(chromaSampleLocTypeBottomField);
        }
        w.flag(timingInfoPresentFlag);
        if (timingInfoPresentFlag) {
            w.u(32, numUnitsInTick).u(32, timeScale).flag(fixedFrameRateFlag);
        }
        w.flag(nalHrdParameters != null);
        if (nalHrdParameters != null) {
            nalHrdParameters.write(w);
        }
        w.flag(vclHrdParameters != null);
        if (vclHrdParameters != null) {
            vclHrdParameters.write(w);
        }
        if (nalHrdParameters != null || vclHrdParameters != null) {
            w.flag(lowDelayHrdFlag);
        }
        w.flag(picStructPresentFlag);
        w.flag(bitstreamRestrictionFlag);
        if (bitstreamRestrictionFlag) {
            w.flag(motionVectorsOverPicBoundariesFlag).ue(maxBytesPerPicDenom).ue(maxBitsPerMbDenom)
                    .ue(log2MaxMvLengthHorizontal).ue(log2MaxMvLengthVertical).ue(maxNumReorderFrames)
                    .ue(maxDecFrameBuffering);
        }
    }
}
