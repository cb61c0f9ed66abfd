package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.util.List;

/**
 * Reads, writes and checks pic_parameter_set_rbsp() (ITU-T H.265 (09/2023) §7.3.2.3.1) for
 * {@link HevcPps}; the reader checks every value before it sizes a loop, and before the record is
 * made, so the record's constructor never throws on parsed input.
 *
 * <p>Stateless and thread-safe.
 */
final class PpsCodec {
    private PpsCodec() {}

    /**
     * Reads the PPS from its first field to rbsp_trailing_bits().
     *
     * @implNote Ranges that depend on the SPS are checked against the widest any SPS allows:
     *     init_qp_minus26 -74..25 (QpBdOffsetY at most 48), diff_cu_qp_delta_depth 0..3,
     *     log2_parallel_merge_level_minus2 0..4, log2_sao_offset_scale_luma and _chroma 0..6; the tile
     *     counts are bounded by the level 6.2 limits (20 columns, 22 rows, Table A.8) rather than by the
     *     picture. pps_multilayer_extension(), pps_3d_extension(), pps_scc_extension() and the extension
     *     data are kept as bits ({@link HevcExtensionData}): nothing in the PPS follows them.
     */
    static HevcPps read(BitReader r) {
        int id = r.ue("pps_pic_parameter_set_id", 63);
        int spsId = r.ue("pps_seq_parameter_set_id", 15);
        boolean dependent = r.flag("dependent_slice_segments_enabled_flag");
        boolean output = r.flag("output_flag_present_flag");
        int extraBits = r.u(3, "num_extra_slice_header_bits");
        boolean signHiding = r.flag("sign_data_hiding_enabled_flag");
        boolean cabacInit = r.flag("cabac_init_present_flag");
        int l0 = r.ue("num_ref_idx_l0_default_active_minus1", 14);
        int l1 = r.ue("num_ref_idx_l1_default_active_minus1", 14);
        int initQp = r.se("init_qp_minus26", -74, 25);
        boolean constrained = r.flag("constrained_intra_pred_flag");
        boolean transformSkip = r.flag("transform_skip_enabled_flag");
        boolean cuQpDelta = r.flag("cu_qp_delta_enabled_flag");
        int cuQpDepth = cuQpDelta ? r.ue("diff_cu_qp_delta_depth", 3) : 0;
        int cb = r.se("pps_cb_qp_offset", -12, 12);
        int cr = r.se("pps_cr_qp_offset", -12, 12);
        boolean sliceChroma = r.flag("pps_slice_chroma_qp_offsets_present_flag");
        boolean weighted = r.flag("weighted_pred_flag");
        boolean bipred = r.flag("weighted_bipred_flag");
        boolean bypass = r.flag("transquant_bypass_enabled_flag");
        boolean tiles = r.flag("tiles_enabled_flag");
        boolean wpp = r.flag("entropy_coding_sync_enabled_flag");
        int columns = 0;
        int rows = 0;
        boolean uniform = true;
        List<Integer> widths = List.of();
        List<Integer> heights = List.of();
        boolean acrossTiles = true;
        if (tiles) {
            columns = r.ue("num_tile_columns_minus1", HevcPps.MAX_TILE_COLUMNS - 1);
            rows = r.ue("num_tile_rows_minus1", HevcPps.MAX_TILE_ROWS - 1);
            uniform = r.flag("uniform_spacing_flag");
            if (!uniform) {
                widths = readSizes(r, columns, "column_width_minus1");
                heights = readSizes(r, rows, "row_height_minus1");
            }
            acrossTiles = r.flag("loop_filter_across_tiles_enabled_flag");
        }
        boolean acrossSlices = r.flag("pps_loop_filter_across_slices_enabled_flag");
        boolean deblocking = r.flag("deblocking_filter_control_present_flag");
        boolean override = false;
        boolean disabled = false;
        int beta = 0;
        int tc = 0;
        if (deblocking) {
            override = r.flag("deblocking_filter_override_enabled_flag");
            disabled = r.flag("pps_deblocking_filter_disabled_flag");
            if (!disabled) {
                beta = r.se("pps_beta_offset_div2", -6, 6);
                tc = r.se("pps_tc_offset_div2", -6, 6);
            }
        }
        ScalingListData lists = r.flag("pps_scaling_list_data_present_flag") ? ScalingListData.read(r) : null;
        boolean modification = r.flag("lists_modification_present_flag");
        int mergeLevel = r.ue("log2_parallel_merge_level_minus2", 4);
        boolean headerExtension = r.flag("slice_segment_header_extension_present_flag");
        boolean extension = r.flag("pps_extension_present_flag");
        boolean rangeFlag = false;
        boolean multilayer = false;
        boolean ext3d = false;
        boolean scc = false;
        int ext4 = 0;
        if (extension) {
            rangeFlag = r.flag("pps_range_extension_flag");
            multilayer = r.flag("pps_multilayer_extension_flag");
            ext3d = r.flag("pps_3d_extension_flag");
            scc = r.flag("pps_scc_extension_flag");
            ext4 = r.u(4, "pps_extension_4bits");
        }
        HevcPps.PpsRangeExtension range = rangeFlag ? readRange(r, transformSkip) : null;
        HevcExtensionData data = multilayer || ext3d || scc || ext4 != 0 ? HevcExtensionData.read(r, "pps_extension_data_flag") : null;
        RbspNal.trailingBits(r);
        return new HevcPps(id, spsId, dependent, output, extraBits, signHiding, cabacInit, l0, l1, initQp, constrained,
                transformSkip, cuQpDelta, cuQpDepth, cb, cr, sliceChroma, weighted, bipred, bypass, tiles, wpp, columns, rows, uniform,
                widths, heights, acrossTiles, acrossSlices, deblocking, override, disabled, beta, tc, lists, modification, mergeLevel,
                headerExtension, extension, range, multilayer, ext3d, scc, ext4, data);
    }

    /** column_width_minus1 or row_height_minus1: n values, each at most a picture's CTBs. */
    private static List<Integer> readSizes(BitReader r, int n, String field) {
        Integer[] v = new Integer[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.ue(field, HevcSps.MAX_PIC_DIMENSION / 8);
        }
        return List.of(v);
    }

    private static HevcPps.PpsRangeExtension readRange(BitReader r, boolean transformSkip) {
        int skip = transformSkip ? r.ue("log2_max_transform_skip_block_size_minus2", 3) : 0;
        boolean crossComponent = r.flag("cross_component_prediction_enabled_flag");
        boolean listEnabled = r.flag("chroma_qp_offset_list_enabled_flag");
        int depth = 0;
        Integer[] cb = new Integer[0];
        Integer[] cr = new Integer[0];
        if (listEnabled) {
            depth = r.ue("diff_cu_chroma_qp_offset_depth", 3);
            int len = r.ue("chroma_qp_offset_list_len_minus1", 5) + 1;
            cb = new Integer[len];
            cr = new Integer[len];
            for (int i = 0; i < len; i++) {
                cb[i] = r.se("cb_qp_offset_list", -12, 12);
                cr[i] = r.se("cr_qp_offset_list", -12, 12);
            }
        }
        int saoLuma = r.ue("log2_sao_offset_scale_luma", 6);
        int saoChroma = r.ue("log2_sao_offset_scale_chroma", 6);
        return new HevcPps.PpsRangeExtension(skip, crossComponent, listEnabled, depth, List.of(cb), List.of(cr), saoLuma, saoChroma);
    }

    static void write(HevcPps p, RbspWriter w) {
        w.ue(p.ppsPicParameterSetId()).ue(p.ppsSeqParameterSetId()).flag(p.dependentSliceSegmentsEnabledFlag())
                .flag(p.outputFlagPresentFlag()).u(3, p.numExtraSliceHeaderBits()).flag(p.signDataHidingEnabledFlag())
                .flag(p.cabacInitPresentFlag()).ue(p.numRefIdxL0DefaultActiveMinus1()).ue(p.numRefIdxL1DefaultActiveMinus1())
                .se(p.initQpMinus26()).flag(p.constrainedIntraPredFlag()).flag(p.transformSkipEnabledFlag())
                .flag(p.cuQpDeltaEnabledFlag());
        if (p.cuQpDeltaEnabledFlag()) {
            w.ue(p.diffCuQpDeltaDepth());
        }
        w.se(p.ppsCbQpOffset()).se(p.ppsCrQpOffset()).flag(p.ppsSliceChromaQpOffsetsPresentFlag()).flag(p.weightedPredFlag())
                .flag(p.weightedBipredFlag()).flag(p.transquantBypassEnabledFlag()).flag(p.tilesEnabledFlag())
                .flag(p.entropyCodingSyncEnabledFlag());
        if (p.tilesEnabledFlag()) {
            w.ue(p.numTileColumnsMinus1()).ue(p.numTileRowsMinus1()).flag(p.uniformSpacingFlag());
            if (!p.uniformSpacingFlag()) {
                p.columnWidthMinus1().forEach(w::ue);
                p.rowHeightMinus1().forEach(w::ue);
            }
            w.flag(p.loopFilterAcrossTilesEnabledFlag());
        }
        w.flag(p.ppsLoopFilterAcrossSlicesEnabledFlag()).flag(p.deblockingFilterControlPresentFlag());
        if (p.deblockingFilterControlPresentFlag()) {
            w.flag(p.deblockingFilterOverrideEnabledFlag()).flag(p.ppsDeblockingFilterDisabledFlag());
            if (!p.ppsDeblockingFilterDisabledFlag()) {
                w.se(p.ppsBetaOffsetDiv2()).se(p.ppsTcOffsetDiv2());
            }
        }
        w.flag(p.ppsScalingListData() != null);
        if (p.ppsScalingListData() != null) {
            p.ppsScalingListData().write(w);
        }
        w.flag(p.listsModificationPresentFlag()).ue(p.log2ParallelMergeLevelMinus2()).flag(p.sliceSegmentHeaderExtensionPresentFlag())
                .flag(p.ppsExtensionPresentFlag());
        if (p.ppsExtensionPresentFlag()) {
            w.flag(p.ppsRangeExtension() != null).flag(p.ppsMultilayerExtensionFlag()).flag(p.pps3dExtensionFlag())
                    .flag(p.ppsSccExtensionFlag()).u(4, p.ppsExtension4bits());
        }
        HevcPps.PpsRangeExtension x = p.ppsRangeExtension();
        if (x != null) {
            if (p.transformSkipEnabledFlag()) {
                w.ue(x.log2MaxTransformSkipBlockSizeMinus2());
            }
            w.flag(x.crossComponentPredictionEnabledFlag()).flag(x.chromaQpOffsetListEnabledFlag());
            if (x.chromaQpOffsetListEnabledFlag()) {
                w.ue(x.diffCuChromaQpOffsetDepth()).ue(x.cbQpOffsetList().size() - 1);
                for (int i = 0; i < x.cbQpOffsetList().size(); i++) {
                    w.se(x.cbQpOffsetList().get(i)).se(x.crQpOffsetList().get(i));
                }
            }
            w.ue(x.log2SaoOffsetScaleLuma()).ue(x.log2SaoOffsetScaleChroma());
        }
        if (p.extensionData() != null) {
            p.extensionData().write(w);
        }
        w.trailingBits();
    }

    private static boolean outside(int v, int min, int max) {
        return v < min || v > max;
    }

    /** What is wrong with the PPS fields, or null (the checks of {@link HevcPps}'s constructor). */
    static String problem(int id, int spsId, int extraBits, int l0, int l1, int initQp, boolean cuQpDelta, int cuQpDepth, int cb,
            int cr, boolean tiles, int columns, int rows, boolean uniform, List<Integer> widths, List<Integer> heights,
            boolean acrossTiles, boolean deblocking, boolean override, boolean disabled, int beta, int tc, int mergeLevel,
            boolean transformSkip, boolean extension, HevcPps.PpsRangeExtension range, boolean multilayer, boolean ext3d,
            boolean scc, int ext4, HevcExtensionData data) {
        if (outside(id, 0, 63) || outside(spsId, 0, 15) || outside(extraBits, 0, 7) || outside(l0, 0, 14) || outside(l1, 0, 14)
                || outside(initQp, -74, 25) || outside(cuQpDepth, 0, 3) || (!cuQpDelta && cuQpDepth != 0) || outside(cb, -12, 12)
                || outside(cr, -12, 12) || outside(beta, -6, 6) || outside(tc, -6, 6) || outside(mergeLevel, 0, 4)
                || outside(ext4, 0, 15)) {
            return "PPS field out of range";
        }
        if (outside(columns, 0, HevcPps.MAX_TILE_COLUMNS - 1) || outside(rows, 0, HevcPps.MAX_TILE_ROWS - 1)
                || (!tiles && (columns != 0 || rows != 0 || !uniform || !acrossTiles))
                || (uniform ? !widths.isEmpty() || !heights.isEmpty() : widths.size() != columns || heights.size() != rows)) {
            return "tile fields out of range or inconsistent";
        }
        for (List<Integer> sizes : List.of(widths, heights)) {
            for (int v : sizes) {
                if (outside(v, 0, HevcSps.MAX_PIC_DIMENSION / 8)) {
                    return "tile size " + v + " out of range";
                }
            }
        }
        if (!deblocking && (override || disabled) || disabled && (beta != 0 || tc != 0) || !deblocking && (beta != 0 || tc != 0)) {
            return "deblocking fields inconsistent";
        }
        if (!extension && (range != null || multilayer || ext3d || scc || ext4 != 0)
                || (data != null) != (multilayer || ext3d || scc || ext4 != 0)
                || range != null && !transformSkip && range.log2MaxTransformSkipBlockSizeMinus2() != 0) {
            return "PPS extension fields inconsistent with their flags";
        }
        return null;
    }

    /** colWidth (6-3) or rowHeight (6-4) over {@code ctbs} CTBs. */
    static int[] spacing(int ctbs, int countMinus1, boolean uniform, List<Integer> explicit, String what) {
        if (countMinus1 >= ctbs) {
            throw new IllegalArgumentException((countMinus1 + 1) + " tile " + what + "s for " + ctbs + " CTBs");
        }
        int[] sizes = new int[countMinus1 + 1];
        if (uniform) {
            for (int i = 0; i <= countMinus1; i++) {
                sizes[i] = (i + 1) * ctbs / (countMinus1 + 1) - i * ctbs / (countMinus1 + 1);
            }
            return sizes;
        }
        long used = 0;
        for (int i = 0; i < countMinus1; i++) {
            sizes[i] = explicit.get(i) + 1;
            used += sizes[i];
        }
        if (used >= ctbs) {
            throw new IllegalArgumentException("tile " + what + "s take " + used + " of " + ctbs + " CTBs and leave none for the last");
        }
        sizes[countMinus1] = (int) (ctbs - used);
        return sizes;
    }
}
