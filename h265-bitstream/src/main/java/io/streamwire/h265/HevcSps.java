package io.streamwire.h265;

import io.streamwire.core.internal.RbspWriter;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Sequence parameter set: seq_parameter_set_rbsp() of ITU-T H.265 (09/2023) §7.3.2.2.1, semantics
 * §7.4.3.2.1, with profile_tier_level() (§7.3.3), scaling_list_data() (§7.3.4), st_ref_pic_set()
 * (§7.3.7), vui_parameters() (§E.2.1) and sps_range_extension() (§7.3.2.2.2). Every field is kept, so
 * {@link #toRbsp()} reproduces the parsed RBSP bit for bit; derived values (display size after the
 * conformance window, frame rate, ffmpeg's profile and pixel format names, the RFC 6381 codec string)
 * are methods.
 *
 * <pre>
 * sps_video_parameter_set_id u(4) sps_max_sub_layers_minus1 u(3) 0..6 sps_temporal_id_nesting_flag u(1)
 * profile_tier_level(1, sps_max_sub_layers_minus1) sps_seq_parameter_set_id ue(v) 0..15
 * chroma_format_idc ue(v) 0..3 [=3: separate_colour_plane_flag u(1)]
 * pic_width_in_luma_samples ue(v) pic_height_in_luma_samples ue(v)
 * conformance_window_flag u(1) [conf_win_left/right/top/bottom_offset ue(v) x4]
 * bit_depth_luma_minus8 ue(v) 0..8 bit_depth_chroma_minus8 ue(v) 0..8 log2_max_pic_order_cnt_lsb_minus4 ue(v) 0..12
 * sps_sub_layer_ordering_info_present_flag u(1) { sps_max_dec_pic_buffering_minus1 ue(v) 0..15
 *   sps_max_num_reorder_pics ue(v) sps_max_latency_increase_plus1 ue(v) } x (1 or sps_max_sub_layers_minus1 + 1)
 * log2_min_luma_coding_block_size_minus3 ue(v) log2_diff_max_min_luma_coding_block_size ue(v)
 * log2_min_luma_transform_block_size_minus2 ue(v) log2_diff_max_min_luma_transform_block_size ue(v)
 * max_transform_hierarchy_depth_inter ue(v) max_transform_hierarchy_depth_intra ue(v)
 * scaling_list_enabled_flag u(1) [sps_scaling_list_data_present_flag u(1) [scaling_list_data()]]
 * amp_enabled_flag u(1) sample_adaptive_offset_enabled_flag u(1) pcm_enabled_flag u(1) [pcm fields]
 * num_short_term_ref_pic_sets ue(v) 0..64 st_ref_pic_set(i) x num_short_term_ref_pic_sets
 * long_term_ref_pics_present_flag u(1) [num_long_term_ref_pics_sps ue(v) 0..32
 *   { lt_ref_pic_poc_lsb_sps u(v) used_by_curr_pic_lt_sps_flag u(1) } x num_long_term_ref_pics_sps]
 * sps_temporal_mvp_enabled_flag u(1) strong_intra_smoothing_enabled_flag u(1)
 * vui_parameters_present_flag u(1) [vui_parameters()]
 * sps_extension_present_flag u(1) [sps_range_extension_flag u(1) sps_multilayer_extension_flag u(1)
 *   sps_3d_extension_flag u(1) sps_scc_extension_flag u(1) sps_extension_4bits u(4)]
 * [sps_range_extension()] [sps_multilayer_extension(): inter_view_mv_vert_constraint_flag u(1)]
 * [sps_3d_extension() sps_scc_extension() sps_extension_data_flag...: kept as bits] rbsp_trailing_bits()
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param spsVideoParameterSetId sps_video_parameter_set_id, 0..15
 * @param spsMaxSubLayersMinus1 sps_max_sub_layers_minus1, 0..6
 * @param spsTemporalIdNestingFlag sps_temporal_id_nesting_flag
 * @param profileTierLevel profile_tier_level(1, sps_max_sub_layers_minus1)
 * @param spsSeqParameterSetId sps_seq_parameter_set_id, 0..15
 * @param chromaFormatIdc chroma_format_idc, 0..3
 * @param separateColourPlaneFlag separate_colour_plane_flag (chroma_format_idc 3 only)
 * @param picWidthInLumaSamples pic_width_in_luma_samples, 1..{@link #MAX_PIC_DIMENSION}, a multiple of MinCbSizeY
 * @param picHeightInLumaSamples pic_height_in_luma_samples, likewise
 * @param conformanceWindowFlag conformance_window_flag
 * @param confWinLeftOffset conf_win_left_offset, in chroma samples (SubWidthC luma columns each)
 * @param confWinRightOffset conf_win_right_offset
 * @param confWinTopOffset conf_win_top_offset, in SubHeightC luma rows each
 * @param confWinBottomOffset conf_win_bottom_offset
 * @param bitDepthLumaMinus8 bit_depth_luma_minus8, 0..8
 * @param bitDepthChromaMinus8 bit_depth_chroma_minus8, 0..8
 * @param log2MaxPicOrderCntLsbMinus4 log2_max_pic_order_cnt_lsb_minus4, 0..12
 * @param spsSubLayerOrderingInfoPresentFlag sps_sub_layer_ordering_info_present_flag
 * @param subLayerOrderingInfo the coded sub-layer ordering entries: sps_max_sub_layers_minus1 + 1 of
 *     them when the flag is 1, else one (for the highest sub-layer; see {@link #maxDecPicBufferingMinus1(int)})
 * @param log2MinLumaCodingBlockSizeMinus3 log2_min_luma_coding_block_size_minus3, 0..3
 * @param log2DiffMaxMinLumaCodingBlockSize log2_diff_max_min_luma_coding_block_size, CtbLog2SizeY at most 6
 * @param log2MinLumaTransformBlockSizeMinus2 log2_min_luma_transform_block_size_minus2, MinTbLog2SizeY &lt; MinCbLog2SizeY
 * @param log2DiffMaxMinLumaTransformBlockSize log2_diff_max_min_luma_transform_block_size, MaxTbLog2SizeY at most Min(CtbLog2SizeY, 5)
 * @param maxTransformHierarchyDepthInter max_transform_hierarchy_depth_inter, 0..CtbLog2SizeY - MinTbLog2SizeY
 * @param maxTransformHierarchyDepthIntra max_transform_hierarchy_depth_intra, likewise
 * @param scalingListEnabledFlag scaling_list_enabled_flag
 * @param spsScalingListData the lists when sps_scaling_list_data_present_flag is 1, else null
 * @param ampEnabledFlag amp_enabled_flag
 * @param sampleAdaptiveOffsetEnabledFlag sample_adaptive_offset_enabled_flag
 * @param pcm the PCM fields when pcm_enabled_flag is 1, else null
 * @param stRefPicSets the st_ref_pic_set(i), num_short_term_ref_pic_sets of them (0..64)
 * @param longTermRefPicsPresentFlag long_term_ref_pics_present_flag
 * @param ltRefPicPocLsbSps lt_ref_pic_poc_lsb_sps[i], num_long_term_ref_pics_sps (0..32) of them
 * @param usedByCurrPicLtSpsFlags used_by_curr_pic_lt_sps_flag[i] in bit i
 * @param spsTemporalMvpEnabledFlag sps_temporal_mvp_enabled_flag
 * @param strongIntraSmoothingEnabledFlag strong_intra_smoothing_enabled_flag
 * @param vui the VUI when vui_parameters_present_flag is 1, else null
 * @param spsExtensionPresentFlag sps_extension_present_flag
 * @param spsRangeExtension sps_range_extension() when sps_range_extension_flag is 1, else null
 * @param spsMultilayerExtensionFlag sps_multilayer_extension_flag
 * @param interViewMvVertConstraintFlag inter_view_mv_vert_constraint_flag (multilayer extension)
 * @param sps3dExtensionFlag sps_3d_extension_flag
 * @param spsSccExtensionFlag sps_scc_extension_flag
 * @param spsExtension4bits sps_extension_4bits, 4 bits
 * @param extensionData the bits of sps_3d_extension(), sps_scc_extension() and the sps_extension_data_flag
 *     bits, uninterpreted, when one of them is present, else null
 *
 * @since 0.2.0
 */
public record HevcSps(int spsVideoParameterSetId, int spsMaxSubLayersMinus1, boolean spsTemporalIdNestingFlag,
        ProfileTierLevel profileTierLevel, int spsSeqParameterSetId, int chromaFormatIdc, boolean separateColourPlaneFlag,
        int picWidthInLumaSamples, int picHeightInLumaSamples, boolean conformanceWindowFlag, int confWinLeftOffset,
        int confWinRightOffset, int confWinTopOffset, int confWinBottomOffset, int bitDepthLumaMinus8, int bitDepthChromaMinus8,
        int log2MaxPicOrderCntLsbMinus4, boolean spsSubLayerOrderingInfoPresentFlag, List<SubLayerOrderingInfo> subLayerOrderingInfo,
        int log2MinLumaCodingBlockSizeMinus3, int log2DiffMaxMinLumaCodingBlockSize, int log2MinLumaTransformBlockSizeMinus2,
        int log2DiffMaxMinLumaTransformBlockSize, int maxTransformHierarchyDepthInter, int maxTransformHierarchyDepthIntra,
        boolean scalingListEnabledFlag, ScalingListData spsScalingListData, boolean ampEnabledFlag,
        boolean sampleAdaptiveOffsetEnabledFlag, Pcm pcm, List<ShortTermRefPicSet> stRefPicSets, boolean longTermRefPicsPresentFlag,
        List<Integer> ltRefPicPocLsbSps, long usedByCurrPicLtSpsFlags, boolean spsTemporalMvpEnabledFlag,
        boolean strongIntraSmoothingEnabledFlag, HevcVui vui, boolean spsExtensionPresentFlag, SpsRangeExtension spsRangeExtension,
        boolean spsMultilayerExtensionFlag, boolean interViewMvVertConstraintFlag, boolean sps3dExtensionFlag,
        boolean spsSccExtensionFlag, int spsExtension4bits, HevcExtensionData extensionData) {

    static final String SPEC = "ITU-T H.265 (09/2023) §7.3.2.2.1";

    /**
     * The largest pic_width_in_luma_samples and pic_height_in_luma_samples {@link #parse} accepts:
     * 16,888, the most level 6.2 allows (Sqrt(MaxLumaPs x 8), §A.4.1), which keeps a picture's luma
     * samples under 2^29.
     */
    public static final int MAX_PIC_DIMENSION = 16_888;
    /** The most st_ref_pic_set() an SPS holds (num_short_term_ref_pic_sets, §7.4.3.2.1). */
    public static final int MAX_SHORT_TERM_REF_PIC_SETS = 64;
    /** The most long-term reference picture candidates an SPS holds (num_long_term_ref_pics_sps). */
    public static final int MAX_LONG_TERM_REF_PICS_SPS = 32;

    /**
     * One coded entry of the sub-layer ordering info (shared with the VPS, §7.4.3.1 and §7.4.3.2.1).
     *
     * @param maxDecPicBufferingMinus1 sps_max_dec_pic_buffering_minus1[i], 0..15 (MaxDpbSize - 1)
     * @param maxNumReorderPics sps_max_num_reorder_pics[i], 0..maxDecPicBufferingMinus1
     * @param maxLatencyIncreasePlus1 sps_max_latency_increase_plus1[i], 0..2^32-2
     */
    public record SubLayerOrderingInfo(int maxDecPicBufferingMinus1, int maxNumReorderPics, long maxLatencyIncreasePlus1) {
        /** Checks ranges. */
        public SubLayerOrderingInfo {
            if (maxDecPicBufferingMinus1 < 0 || maxDecPicBufferingMinus1 > 15 || maxNumReorderPics < 0
                    || maxNumReorderPics > maxDecPicBufferingMinus1 || maxLatencyIncreasePlus1 < 0
                    || maxLatencyIncreasePlus1 > 0xFFFFFFFEL) {
                throw new IllegalArgumentException("sub-layer ordering info out of range");
            }
        }
    }

    /**
     * The PCM fields of an SPS with pcm_enabled_flag 1.
     *
     * @param pcmSampleBitDepthLumaMinus1 pcm_sample_bit_depth_luma_minus1, 4 bits, at most BitDepthY - 1
     * @param pcmSampleBitDepthChromaMinus1 pcm_sample_bit_depth_chroma_minus1, 4 bits, at most BitDepthC - 1
     * @param log2MinPcmLumaCodingBlockSizeMinus3 log2_min_pcm_luma_coding_block_size_minus3
     * @param log2DiffMaxMinPcmLumaCodingBlockSize log2_diff_max_min_pcm_luma_coding_block_size
     * @param pcmLoopFilterDisabledFlag pcm_loop_filter_disabled_flag
     */
    public record Pcm(int pcmSampleBitDepthLumaMinus1, int pcmSampleBitDepthChromaMinus1, int log2MinPcmLumaCodingBlockSizeMinus3,
            int log2DiffMaxMinPcmLumaCodingBlockSize, boolean pcmLoopFilterDisabledFlag) {
        /** Checks ranges (Log2MaxIpcmCbSizeY at most 5). */
        public Pcm {
            if ((pcmSampleBitDepthLumaMinus1 | pcmSampleBitDepthChromaMinus1) >>> 4 != 0 || log2MinPcmLumaCodingBlockSizeMinus3 < 0
                    || log2DiffMaxMinPcmLumaCodingBlockSize < 0
                    || log2MinPcmLumaCodingBlockSizeMinus3 + log2DiffMaxMinPcmLumaCodingBlockSize > 2) {
                throw new IllegalArgumentException("PCM fields out of range");
            }
        }
    }

    /**
     * sps_range_extension() (§7.3.2.2.2): nine flags.
     *
     * @param transformSkipRotationEnabledFlag transform_skip_rotation_enabled_flag
     * @param transformSkipContextEnabledFlag transform_skip_context_enabled_flag
     * @param implicitRdpcmEnabledFlag implicit_rdpcm_enabled_flag
     * @param explicitRdpcmEnabledFlag explicit_rdpcm_enabled_flag
     * @param extendedPrecisionProcessingFlag extended_precision_processing_flag
     * @param intraSmoothingDisabledFlag intra_smoothing_disabled_flag
     * @param highPrecisionOffsetsEnabledFlag high_precision_offsets_enabled_flag
     * @param persistentRiceAdaptationEnabledFlag persistent_rice_adaptation_enabled_flag
     * @param cabacBypassAlignmentEnabledFlag cabac_bypass_alignment_enabled_flag
     */
    public record SpsRangeExtension(boolean transformSkipRotationEnabledFlag, boolean transformSkipContextEnabledFlag,
            boolean implicitRdpcmEnabledFlag, boolean explicitRdpcmEnabledFlag, boolean extendedPrecisionProcessingFlag,
            boolean intraSmoothingDisabledFlag, boolean highPrecisionOffsetsEnabledFlag, boolean persistentRiceAdaptationEnabledFlag,
            boolean cabacBypassAlignmentEnabledFlag) {
        /** The nine flags from 9 bits, transform_skip_rotation_enabled_flag the most significant. */
        static SpsRangeExtension of(int bits) {
            return new SpsRangeExtension((bits & 256) != 0, (bits & 128) != 0, (bits & 64) != 0, (bits & 32) != 0,
                    (bits & 16) != 0, (bits & 8) != 0, (bits & 4) != 0, (bits & 2) != 0, (bits & 1) != 0);
        }

        int bits() {
            return (transformSkipRotationEnabledFlag ? 256 : 0) | (transformSkipContextEnabledFlag ? 128 : 0)
                    | (implicitRdpcmEnabledFlag ? 64 : 0) | (explicitRdpcmEnabledFlag ? 32 : 0) | (extendedPrecisionProcessingFlag ? 16 : 0)
                    | (intraSmoothingDisabledFlag ? 8 : 0) | (highPrecisionOffsetsEnabledFlag ? 4 : 0)
                    | (persistentRiceAdaptationEnabledFlag ? 2 : 0) | (cabacBypassAlignmentEnabledFlag ? 1 : 0);
        }
    }

    /** Checks ranges, the block size relations, the conformance window and the presence rules. */
    public HevcSps {
        subLayerOrderingInfo = List.copyOf(subLayerOrderingInfo);
        stRefPicSets = List.copyOf(stRefPicSets);
        ltRefPicPocLsbSps = List.copyOf(ltRefPicPocLsbSps);
        String problem = SpsChecks.problem(spsVideoParameterSetId, spsMaxSubLayersMinus1, profileTierLevel, spsSeqParameterSetId,
                chromaFormatIdc, separateColourPlaneFlag, picWidthInLumaSamples, picHeightInLumaSamples, conformanceWindowFlag,
                confWinLeftOffset, confWinRightOffset, confWinTopOffset, confWinBottomOffset, bitDepthLumaMinus8,
                bitDepthChromaMinus8, log2MaxPicOrderCntLsbMinus4, spsSubLayerOrderingInfoPresentFlag, subLayerOrderingInfo,
                log2MinLumaCodingBlockSizeMinus3, log2DiffMaxMinLumaCodingBlockSize, log2MinLumaTransformBlockSizeMinus2,
                log2DiffMaxMinLumaTransformBlockSize, maxTransformHierarchyDepthInter, maxTransformHierarchyDepthIntra,
                scalingListEnabledFlag, spsScalingListData, pcm, stRefPicSets, longTermRefPicsPresentFlag, ltRefPicPocLsbSps,
                usedByCurrPicLtSpsFlags, vui, spsExtensionPresentFlag, spsRangeExtension, spsMultilayerExtensionFlag,
                interViewMvVertConstraintFlag, sps3dExtensionFlag, spsSccExtensionFlag, spsExtension4bits, extensionData);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Parses an SPS NAL unit (two header bytes first, nal_unit_type 33) from {@code nal}'s position to
     * its limit; on success the position moves to the limit, on failure it is unchanged.
     *
     * @throws H265Exception naming the syntax element, for a value out of range or bad trailing bits
     * @throws io.streamwire.core.TruncatedInputException when the RBSP ends before the syntax does
     * @throws io.streamwire.core.UnsupportedFeatureException for a multi-layer extension SPS
     *     (nuh_layer_id &gt; 0 and sps_ext_or_max_sub_layers_minus1 7), whose fields come from the VPS extension
     */
    public static HevcSps parse(ByteBuffer nal) {
        return parse(nal, 0);
    }

    /** {@link #parse(ByteBuffer)} with errors offset by {@code offset}, the stream offset of the first header byte. */
    public static HevcSps parse(ByteBuffer nal, long offset) {
        int h = RbspNal.header(nal, 33, "sps", offset);
        HevcSps sps = SpsReader.read(nal, nal.position() + 2, nal.limit(), offset + 2, RbspNal.layerId(h));
        nal.position(nal.limit());
        return sps;
    }

    /** Writes seq_parameter_set_rbsp() with its rbsp_trailing_bits(). */
    void writeTo(RbspWriter w) {
        SpsWriter.write(this, w);
    }

    /** The RBSP (no header bytes, no emulation prevention). */
    public byte[] toRbsp() {
        RbspWriter w = new RbspWriter();
        writeTo(w);
        return w.toRbsp();
    }

    /** The NAL unit: header (type 33, nuh_layer_id 0, nuh_temporal_id_plus1 1) and the escaped RBSP. */
    public byte[] toNal() {
        return toNal(0, 1);
    }

    /** The NAL unit with the given nuh_layer_id (0..63) and nuh_temporal_id_plus1 (1..7). */
    public byte[] toNal(int nuhLayerId, int nuhTemporalIdPlus1) {
        RbspWriter w = new RbspWriter();
        writeTo(w);
        return w.toNal(RbspNal.headerBits(33, nuhLayerId, nuhTemporalIdPlus1), 2);
    }

    /** sps_scaling_list_data_present_flag. */
    public boolean spsScalingListDataPresentFlag() {
        return spsScalingListData != null;
    }

    /** num_short_term_ref_pic_sets. */
    public int numShortTermRefPicSets() {
        return stRefPicSets.size();
    }

    /** num_long_term_ref_pics_sps. */
    public int numLongTermRefPicsSps() {
        return ltRefPicPocLsbSps.size();
    }

    /** sps_max_dec_pic_buffering_minus1[i], i in 0..sps_max_sub_layers_minus1 (inferred from the highest when not coded). */
    public int maxDecPicBufferingMinus1(int i) {
        return ordering(i).maxDecPicBufferingMinus1();
    }

    /** sps_max_num_reorder_pics[i]; ffprobe's {@code has_b_frames} is this of the highest sub-layer. */
    public int maxNumReorderPics(int i) {
        return ordering(i).maxNumReorderPics();
    }

    private SubLayerOrderingInfo ordering(int i) {
        if (i < 0 || i > spsMaxSubLayersMinus1) {
            throw new IndexOutOfBoundsException(i);
        }
        return spsSubLayerOrderingInfoPresentFlag ? subLayerOrderingInfo.get(i) : subLayerOrderingInfo.get(0);
    }

    /** Display width: pic_width_in_luma_samples less the conformance window's columns. */
    public int widthPixels() {
        return picWidthInLumaSamples - subWidthC() * (confWinLeftOffset + confWinRightOffset);
    }

    /** Display height: pic_height_in_luma_samples less the conformance window's rows. */
    public int heightPixels() {
        return picHeightInLumaSamples - subHeightC() * (confWinTopOffset + confWinBottomOffset);
    }

    /** Decoded width before the conformance window (ffprobe's {@code coded_width}). */
    public int codedWidthPixels() {
        return picWidthInLumaSamples;
    }

    /** Decoded height before the conformance window (ffprobe's {@code coded_height}). */
    public int codedHeightPixels() {
        return picHeightInLumaSamples;
    }

    /** ChromaArrayType: 0 with separate colour planes, else chroma_format_idc. */
    public int chromaArrayType() {
        return separateColourPlaneFlag ? 0 : chromaFormatIdc;
    }

    /** SubWidthC (Table 6-1): 2 for 4:2:0 and 4:2:2, else 1. */
    public int subWidthC() {
        return chromaFormatIdc == 1 || chromaFormatIdc == 2 ? 2 : 1;
    }

    /** SubHeightC (Table 6-1): 2 for 4:2:0, else 1. */
    public int subHeightC() {
        return chromaFormatIdc == 1 ? 2 : 1;
    }

    /** BitDepthY. */
    public int bitDepthLuma() {
        return 8 + bitDepthLumaMinus8;
    }

    /** BitDepthC. */
    public int bitDepthChroma() {
        return 8 + bitDepthChromaMinus8;
    }

    /** Bits of slice_pic_order_cnt_lsb: log2_max_pic_order_cnt_lsb_minus4 + 4. */
    public int log2MaxPicOrderCntLsb() {
        return log2MaxPicOrderCntLsbMinus4 + 4;
    }

    /** MinCbLog2SizeY. */
    public int minCbLog2SizeY() {
        return log2MinLumaCodingBlockSizeMinus3 + 3;
    }

    /** CtbLog2SizeY. */
    public int ctbLog2SizeY() {
        return minCbLog2SizeY() + log2DiffMaxMinLumaCodingBlockSize;
    }

    /** PicWidthInCtbsY. */
    public int picWidthInCtbsY() {
        return (picWidthInLumaSamples + (1 << ctbLog2SizeY()) - 1) >> ctbLog2SizeY();
    }

    /** PicHeightInCtbsY. */
    public int picHeightInCtbsY() {
        return (picHeightInLumaSamples + (1 << ctbLog2SizeY()) - 1) >> ctbLog2SizeY();
    }

    /** PicSizeInCtbsY. */
    public int picSizeInCtbsY() {
        return picWidthInCtbsY() * picHeightInCtbsY();
    }

    /** The profile name as ffprobe 5.1 prints it ({@link ProfileTierLevel#profileName()}). */
    public String profileName() {
        return profileTierLevel.profileName();
    }

    /** general_level_idc (what ffprobe prints as {@code level}). */
    public int levelIdc() {
        return profileTierLevel.generalLevelIdc();
    }

    /** The RFC 6381 codec string for the sample entry (e.g. {@code "hvc1"}): see {@link ProfileTierLevel#codecString}. */
    public String codecString(String sampleEntry) {
        return profileTierLevel.codecString(sampleEntry);
    }

    /** True when the VUI carries timing info. */
    public boolean hasFrameRate() {
        return vui != null && vui.vuiTimingInfoPresentFlag();
    }

    /** Frame rate numerator: vui_time_scale reduced against vui_num_units_in_tick; 0 without timing info. */
    public long frameRateNumerator() {
        return hasFrameRate() ? vui.vuiTimeScale() / SpsNames.gcd(vui.vuiTimeScale(), vui.vuiNumUnitsInTick()) : 0;
    }

    /** Frame rate denominator: vui_num_units_in_tick reduced; 0 without timing info. */
    public long frameRateDenominator() {
        return hasFrameRate() ? vui.vuiNumUnitsInTick() / SpsNames.gcd(vui.vuiTimeScale(), vui.vuiNumUnitsInTick()) : 0;
    }

    /**
     * The frame rate as ffprobe's {@code r_frame_rate} shows it for a raw stream, {@code "num/den"}
     * (e.g. {@code "30000/1001"}); {@code "0/0"} without VUI timing (ffprobe then shows its demuxer's guess).
     */
    public String frameRate() {
        return frameRateNumerator() + "/" + frameRateDenominator();
    }

    /** Frames per second, vui_time_scale / vui_num_units_in_tick (§E.3.1: one picture per tick); NaN without timing. */
    public double framesPerSecond() {
        return hasFrameRate() ? (double) vui.vuiTimeScale() / vui.vuiNumUnitsInTick() : Double.NaN;
    }

    /**
     * The pixel format as ffmpeg 5.1's HEVC decoder names it (ffprobe's {@code pix_fmt}): {@code gray},
     * {@code yuv420p}, {@code yuv422p} or {@code yuv444p} with the bit depth ({@code yuv420p10le},
     * {@code gray12le}); {@code yuvj420p} for 8-bit 4:2:0 with video_full_range_flag 1 (the only
     * full-range name ffmpeg gives HEVC); {@code gbrp}, {@code gbrp10le}, {@code gbrp12le} for 4:4:4 with
     * matrix_coeffs 0. Null when ffmpeg 5.1 cannot decode the format: luma and chroma bit depths that
     * differ, or a depth other than 8, 9, 10 or 12.
     */
    public String pixelFormat() {
        return SpsNames.pixelFormat(chromaFormatIdc, bitDepthLuma(), bitDepthChroma(),
                vui != null && vui.videoSignalTypePresentFlag() && vui.videoFullRangeFlag(),
                vui != null && vui.colourDescriptionPresentFlag() ? vui.matrixCoeffs() : 2);
    }

    /** colour_primaries, or 2 (unspecified) when the VUI does not code it (§E.3.1). */
    public int colourPrimaries() {
        return vui != null && vui.colourDescriptionPresentFlag() ? vui.colourPrimaries() : 2;
    }

    /** transfer_characteristics, or 2 (unspecified) when not coded. */
    public int transferCharacteristics() {
        return vui != null && vui.colourDescriptionPresentFlag() ? vui.transferCharacteristics() : 2;
    }

    /** matrix_coeffs, or 2 (unspecified) when not coded. */
    public int matrixCoeffs() {
        return vui != null && vui.colourDescriptionPresentFlag() ? vui.matrixCoeffs() : 2;
    }

    /**
     * The colour range as ffprobe 5.1 prints it ({@code color_range}): {@code "pc"} with
     * video_full_range_flag 1, else {@code "tv"} (ffmpeg's HEVC decoder assumes limited range when the
     * VUI does not say).
     */
    public String colorRange() {
        return vui != null && vui.videoSignalTypePresentFlag() && vui.videoFullRangeFlag() ? "pc" : "tv";
    }

    /** colour_primaries as ffprobe 5.1 names it ({@code color_primaries}, e.g. {@code "bt2020"}), {@code "unknown"} for 2. */
    public String colorPrimariesName() {
        return SpsNames.primaries(colourPrimaries());
    }

    /** transfer_characteristics as ffprobe 5.1 names it ({@code color_transfer}, e.g. {@code "smpte2084"}). */
    public String colorTransferName() {
        return SpsNames.transfer(transferCharacteristics());
    }

    /** matrix_coeffs as ffprobe 5.1 names it ({@code color_space}, e.g. {@code "bt2020nc"}). */
    public String colorSpaceName() {
        return SpsNames.matrix(matrixCoeffs());
    }
}
