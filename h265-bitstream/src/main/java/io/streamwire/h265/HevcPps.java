package io.streamwire.h265;

import io.streamwire.core.internal.RbspWriter;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Picture parameter set: pic_parameter_set_rbsp() of ITU-T H.265 (09/2023) §7.3.2.3.1, semantics
 * §7.4.3.3.1, with scaling_list_data() (§7.3.4) and pps_range_extension() (§7.3.2.3.2). Parsed without
 * its SPS (an HEVC PPS needs none); the values whose range depends on the SPS are checked against the
 * widest range any SPS allows, and {@link #columnWidthsInCtbs(HevcSps)} and
 * {@link #rowHeightsInCtbs(HevcSps)} check the tiles against the picture. {@link #toRbsp()} reproduces the
 * parsed RBSP bit for bit.
 *
 * <pre>
 * pps_pic_parameter_set_id ue(v) 0..63 pps_seq_parameter_set_id ue(v) 0..15 dependent_slice_segments_enabled_flag u(1)
 * output_flag_present_flag u(1) num_extra_slice_header_bits u(3) sign_data_hiding_enabled_flag u(1)
 * cabac_init_present_flag u(1) num_ref_idx_l0_default_active_minus1 ue(v) 0..14 num_ref_idx_l1_default_active_minus1 ue(v) 0..14
 * init_qp_minus26 se(v) -74..25 constrained_intra_pred_flag u(1) transform_skip_enabled_flag u(1)
 * cu_qp_delta_enabled_flag u(1) [diff_cu_qp_delta_depth ue(v) 0..3] pps_cb_qp_offset se(v) -12..12 pps_cr_qp_offset se(v) -12..12
 * pps_slice_chroma_qp_offsets_present_flag u(1) weighted_pred_flag u(1) weighted_bipred_flag u(1)
 * transquant_bypass_enabled_flag u(1) tiles_enabled_flag u(1) entropy_coding_sync_enabled_flag u(1)
 * [tiles: num_tile_columns_minus1 ue(v) 0..19 num_tile_rows_minus1 ue(v) 0..21 uniform_spacing_flag u(1)
 *   [!uniform: column_width_minus1 ue(v) x num_tile_columns_minus1 row_height_minus1 ue(v) x num_tile_rows_minus1]
 *   loop_filter_across_tiles_enabled_flag u(1)]
 * pps_loop_filter_across_slices_enabled_flag u(1) deblocking_filter_control_present_flag u(1)
 * [deblocking_filter_override_enabled_flag u(1) pps_deblocking_filter_disabled_flag u(1)
 *   [!disabled: pps_beta_offset_div2 se(v) -6..6 pps_tc_offset_div2 se(v) -6..6]]
 * pps_scaling_list_data_present_flag u(1) [scaling_list_data()] lists_modification_present_flag u(1)
 * log2_parallel_merge_level_minus2 ue(v) 0..4 slice_segment_header_extension_present_flag u(1)
 * pps_extension_present_flag u(1) [pps_range_extension_flag u(1) pps_multilayer_extension_flag u(1)
 *   pps_3d_extension_flag u(1) pps_scc_extension_flag u(1) pps_extension_4bits u(4)]
 * [pps_range_extension()] [multilayer, 3D, SCC extensions and extension data: kept as bits] rbsp_trailing_bits()
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param ppsPicParameterSetId pps_pic_parameter_set_id, 0..63
 * @param ppsSeqParameterSetId pps_seq_parameter_set_id, 0..15
 * @param dependentSliceSegmentsEnabledFlag dependent_slice_segments_enabled_flag
 * @param outputFlagPresentFlag output_flag_present_flag
 * @param numExtraSliceHeaderBits num_extra_slice_header_bits, 3 bits
 * @param signDataHidingEnabledFlag sign_data_hiding_enabled_flag
 * @param cabacInitPresentFlag cabac_init_present_flag
 * @param numRefIdxL0DefaultActiveMinus1 num_ref_idx_l0_default_active_minus1, 0..14
 * @param numRefIdxL1DefaultActiveMinus1 num_ref_idx_l1_default_active_minus1, 0..14
 * @param initQpMinus26 init_qp_minus26, -(26 + QpBdOffsetY)..25: -74..25 here
 * @param constrainedIntraPredFlag constrained_intra_pred_flag
 * @param transformSkipEnabledFlag transform_skip_enabled_flag
 * @param cuQpDeltaEnabledFlag cu_qp_delta_enabled_flag
 * @param diffCuQpDeltaDepth diff_cu_qp_delta_depth, 0..log2_diff_max_min_luma_coding_block_size: 0..3 here
 * @param ppsCbQpOffset pps_cb_qp_offset, -12..12
 * @param ppsCrQpOffset pps_cr_qp_offset, -12..12
 * @param ppsSliceChromaQpOffsetsPresentFlag pps_slice_chroma_qp_offsets_present_flag
 * @param weightedPredFlag weighted_pred_flag
 * @param weightedBipredFlag weighted_bipred_flag
 * @param transquantBypassEnabledFlag transquant_bypass_enabled_flag
 * @param tilesEnabledFlag tiles_enabled_flag
 * @param entropyCodingSyncEnabledFlag entropy_coding_sync_enabled_flag
 * @param numTileColumnsMinus1 num_tile_columns_minus1, 0..19
 * @param numTileRowsMinus1 num_tile_rows_minus1, 0..21
 * @param uniformSpacingFlag uniform_spacing_flag (1 when tiles are off: its inferred value)
 * @param columnWidthMinus1 column_width_minus1[i], num_tile_columns_minus1 of them when not uniform, else empty
 * @param rowHeightMinus1 row_height_minus1[i], num_tile_rows_minus1 of them when not uniform, else empty
 * @param loopFilterAcrossTilesEnabledFlag loop_filter_across_tiles_enabled_flag (1 when tiles are off: inferred)
 * @param ppsLoopFilterAcrossSlicesEnabledFlag pps_loop_filter_across_slices_enabled_flag
 * @param deblockingFilterControlPresentFlag deblocking_filter_control_present_flag
 * @param deblockingFilterOverrideEnabledFlag deblocking_filter_override_enabled_flag
 * @param ppsDeblockingFilterDisabledFlag pps_deblocking_filter_disabled_flag
 * @param ppsBetaOffsetDiv2 pps_beta_offset_div2, -6..6
 * @param ppsTcOffsetDiv2 pps_tc_offset_div2, -6..6
 * @param ppsScalingListData the lists when pps_scaling_list_data_present_flag is 1, else null
 * @param listsModificationPresentFlag lists_modification_present_flag
 * @param log2ParallelMergeLevelMinus2 log2_parallel_merge_level_minus2, 0..CtbLog2SizeY - 2: 0..4 here
 * @param sliceSegmentHeaderExtensionPresentFlag slice_segment_header_extension_present_flag
 * @param ppsExtensionPresentFlag pps_extension_present_flag
 * @param ppsRangeExtension pps_range_extension() when pps_range_extension_flag is 1, else null
 * @param ppsMultilayerExtensionFlag pps_multilayer_extension_flag
 * @param pps3dExtensionFlag pps_3d_extension_flag
 * @param ppsSccExtensionFlag pps_scc_extension_flag
 * @param ppsExtension4bits pps_extension_4bits, 4 bits
 * @param extensionData the bits of pps_multilayer_extension(), pps_3d_extension(), pps_scc_extension() and
 *     the pps_extension_data_flag bits, uninterpreted, when one of them is present, else null
 *
 * @since 0.2.0
 */
public record HevcPps(int ppsPicParameterSetId, int ppsSeqParameterSetId, boolean dependentSliceSegmentsEnabledFlag,
        boolean outputFlagPresentFlag, int numExtraSliceHeaderBits, boolean signDataHidingEnabledFlag, boolean cabacInitPresentFlag,
        int numRefIdxL0DefaultActiveMinus1, int numRefIdxL1DefaultActiveMinus1, int initQpMinus26, boolean constrainedIntraPredFlag,
        boolean transformSkipEnabledFlag, boolean cuQpDeltaEnabledFlag, int diffCuQpDeltaDepth, int ppsCbQpOffset, int ppsCrQpOffset,
        boolean ppsSliceChromaQpOffsetsPresentFlag, boolean weightedPredFlag, boolean weightedBipredFlag,
        boolean transquantBypassEnabledFlag, boolean tilesEnabledFlag, boolean entropyCodingSyncEnabledFlag, int numTileColumnsMinus1,
        int numTileRowsMinus1, boolean uniformSpacingFlag, List<Integer> columnWidthMinus1, List<Integer> rowHeightMinus1,
        boolean loopFilterAcrossTilesEnabledFlag, boolean ppsLoopFilterAcrossSlicesEnabledFlag,
        boolean deblockingFilterControlPresentFlag, boolean deblockingFilterOverrideEnabledFlag, boolean ppsDeblockingFilterDisabledFlag,
        int ppsBetaOffsetDiv2, int ppsTcOffsetDiv2, ScalingListData ppsScalingListData, boolean listsModificationPresentFlag,
        int log2ParallelMergeLevelMinus2, boolean sliceSegmentHeaderExtensionPresentFlag, boolean ppsExtensionPresentFlag,
        PpsRangeExtension ppsRangeExtension, boolean ppsMultilayerExtensionFlag, boolean pps3dExtensionFlag,
        boolean ppsSccExtensionFlag, int ppsExtension4bits, HevcExtensionData extensionData) {

    static final String SPEC = "ITU-T H.265 (09/2023) §7.3.2.3.1";
    /** The most tile columns (num_tile_columns_minus1 + 1): MaxTileCols of levels 6 to 6.2 (Table A.8). */
    public static final int MAX_TILE_COLUMNS = 20;
    /** The most tile rows (num_tile_rows_minus1 + 1): MaxTileRows of levels 6 to 6.2 (Table A.8). */
    public static final int MAX_TILE_ROWS = 22;

    /**
     * pps_range_extension() (§7.3.2.3.2).
     *
     * @param log2MaxTransformSkipBlockSizeMinus2 log2_max_transform_skip_block_size_minus2, 0..3 (when
     *     transform_skip_enabled_flag; else 0)
     * @param crossComponentPredictionEnabledFlag cross_component_prediction_enabled_flag
     * @param chromaQpOffsetListEnabledFlag chroma_qp_offset_list_enabled_flag
     * @param diffCuChromaQpOffsetDepth diff_cu_chroma_qp_offset_depth, 0..3
     * @param cbQpOffsetList cb_qp_offset_list[i], -12..12, chroma_qp_offset_list_len_minus1 + 1 (1..6) of them
     *     when the list is enabled, else empty
     * @param crQpOffsetList cr_qp_offset_list[i], -12..12, as many
     * @param log2SaoOffsetScaleLuma log2_sao_offset_scale_luma, 0..Max(0, BitDepthY - 10): 0..6 here
     * @param log2SaoOffsetScaleChroma log2_sao_offset_scale_chroma, 0..6 here
     */
    public record PpsRangeExtension(int log2MaxTransformSkipBlockSizeMinus2, boolean crossComponentPredictionEnabledFlag,
            boolean chromaQpOffsetListEnabledFlag, int diffCuChromaQpOffsetDepth, List<Integer> cbQpOffsetList,
            List<Integer> crQpOffsetList, int log2SaoOffsetScaleLuma, int log2SaoOffsetScaleChroma) {
        /** Checks ranges and list lengths. */
        public PpsRangeExtension {
            cbQpOffsetList = List.copyOf(cbQpOffsetList);
            crQpOffsetList = List.copyOf(crQpOffsetList);
            if (log2MaxTransformSkipBlockSizeMinus2 < 0 || log2MaxTransformSkipBlockSizeMinus2 > 3 || diffCuChromaQpOffsetDepth < 0
                    || diffCuChromaQpOffsetDepth > 3 || cbQpOffsetList.size() != crQpOffsetList.size()
                    || cbQpOffsetList.size() > 6 || chromaQpOffsetListEnabledFlag == cbQpOffsetList.isEmpty()
                    || (!chromaQpOffsetListEnabledFlag && diffCuChromaQpOffsetDepth != 0)
                    || log2SaoOffsetScaleLuma < 0 || log2SaoOffsetScaleLuma > 6 || log2SaoOffsetScaleChroma < 0
                    || log2SaoOffsetScaleChroma > 6) {
                throw new IllegalArgumentException("PPS range extension fields out of range");
            }
            for (int i = 0; i < cbQpOffsetList.size(); i++) {
                if (Math.abs(cbQpOffsetList.get(i)) > 12 || Math.abs(crQpOffsetList.get(i)) > 12) {
                    throw new IllegalArgumentException("chroma QP offset list entry out of -12..12");
                }
            }
        }
    }

    /** Checks ranges and the presence rules. */
    public HevcPps {
        columnWidthMinus1 = List.copyOf(columnWidthMinus1);
        rowHeightMinus1 = List.copyOf(rowHeightMinus1);
        String problem = PpsCodec.problem(ppsPicParameterSetId, ppsSeqParameterSetId, numExtraSliceHeaderBits,
                numRefIdxL0DefaultActiveMinus1, numRefIdxL1DefaultActiveMinus1, initQpMinus26, cuQpDeltaEnabledFlag,
                diffCuQpDeltaDepth, ppsCbQpOffset, ppsCrQpOffset, tilesEnabledFlag, numTileColumnsMinus1, numTileRowsMinus1,
                uniformSpacingFlag, columnWidthMinus1, rowHeightMinus1, loopFilterAcrossTilesEnabledFlag,
                deblockingFilterControlPresentFlag, deblockingFilterOverrideEnabledFlag, ppsDeblockingFilterDisabledFlag,
                ppsBetaOffsetDiv2, ppsTcOffsetDiv2, log2ParallelMergeLevelMinus2, transformSkipEnabledFlag, ppsExtensionPresentFlag,
                ppsRangeExtension, ppsMultilayerExtensionFlag, pps3dExtensionFlag, ppsSccExtensionFlag, ppsExtension4bits,
                extensionData);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Parses a PPS NAL unit (two header bytes first, nal_unit_type 34) from {@code nal}'s position to
     * its limit; on success the position moves to the limit, on failure it is unchanged.
     *
     * @param offset the stream offset of the first header byte, for errors
     * @throws H265Exception naming the syntax element, for a value out of range or bad trailing bits
     * @throws io.streamwire.core.TruncatedInputException when the RBSP ends before the syntax does
     */
    public static HevcPps parse(ByteBuffer nal, long offset) {
        RbspNal.header(nal, 34, "pps", offset);
        HevcPps pps = PpsCodec.read(Rbsp.reader(nal, nal.position() + 2, nal.limit(), offset + 2, "pps", SPEC));
        nal.position(nal.limit());
        return pps;
    }

    /** {@link #parse(ByteBuffer, long)} at offset 0. */
    public static HevcPps parse(ByteBuffer nal) {
        return parse(nal, 0);
    }

    /** The RBSP (no header bytes, no emulation prevention). */
    public byte[] toRbsp() {
        RbspWriter w = new RbspWriter();
        PpsCodec.write(this, w);
        return w.toRbsp();
    }

    /** The NAL unit: header (type 34, nuh_layer_id 0, nuh_temporal_id_plus1 1) and the escaped RBSP. */
    public byte[] toNal() {
        RbspWriter w = new RbspWriter();
        PpsCodec.write(this, w);
        return w.toNal(RbspNal.headerBits(34, 0, 1), 2);
    }

    /** pps_scaling_list_data_present_flag. */
    public boolean ppsScalingListDataPresentFlag() {
        return ppsScalingListData != null;
    }

    /**
     * colWidth[i] (6-3) for the picture of {@code sps}: the width of each tile column in CTBs
     * (one column of the whole picture without tiles).
     *
     * @throws IllegalArgumentException if the columns do not fit the picture
     *     (num_tile_columns_minus1 &ge; PicWidthInCtbsY, or the explicit widths leave no last column)
     */
    public int[] columnWidthsInCtbs(HevcSps sps) {
        return PpsCodec.spacing(sps.picWidthInCtbsY(), numTileColumnsMinus1, uniformSpacingFlag, columnWidthMinus1, "column");
    }

    /** rowHeight[j] (6-4) for the picture of {@code sps}, as {@link #columnWidthsInCtbs}. */
    public int[] rowHeightsInCtbs(HevcSps sps) {
        return PpsCodec.spacing(sps.picHeightInCtbsY(), numTileRowsMinus1, uniformSpacingFlag, rowHeightMinus1, "row");
    }
}
