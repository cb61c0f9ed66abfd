package io.streamwire.h264;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our parse of an SPS, PPS or slice header printed with the field names of h264bitstream's
 * {@code h264_analyze}, so tests compare field by field with its dumps: name to values in order.
 */
final class AnalyzeDump {
    final Map<String, List<Long>> fields = new LinkedHashMap<>();

    void put(String name, long value) {
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    void put(String name, boolean value) {
        put(name, value ? 1 : 0);
    }

    static long b(boolean v) {
        return v ? 1 : 0;
    }

    void scaling(ScalingMatrix m, String presentName) {
        for (ScalingMatrix.ScalingList l : m.lists()) {
            put(presentName, l.present());
            for (int d : l.deltaScales()) {
                put("delta_scale", d);
            }
        }
    }

    void sps(Sps s) {
        put("sps->profile_idc", s.profileIdc());
        for (int i = 0; i < 6; i++) {
            put("sps->constraint_set" + i + "_flag", s.constraintSetFlag(i));
        }
        put("reserved_zero_2bits", s.reservedZero2bits());
        put("sps->level_idc", s.levelIdc());
        put("sps->seq_parameter_set_id", s.seqParameterSetId());
        if (Sps.hasChromaFields(s.profileIdc())) {
            put("sps->chroma_format_idc", s.chromaFormatIdc());
            put("sps->bit_depth_luma_minus8", s.bitDepthLumaMinus8());
            put("sps->bit_depth_chroma_minus8", s.bitDepthChromaMinus8());
            put("sps->qpprime_y_zero_transform_bypass_flag", s.qpprimeYZeroTransformBypassFlag());
            put("sps->seq_scaling_matrix_present_flag", s.seqScalingMatrix() != null);
            if (s.seqScalingMatrix() != null) {
                scaling(s.seqScalingMatrix(), "sps->seq_scaling_list_present_flag[ i ]");
            }
        }
        put("sps->log2_max_frame_num_minus4", s.log2MaxFrameNumMinus4());
        put("sps->pic_order_cnt_type", s.picOrderCntType());
        if (s.picOrderCntType() == 0) {
            put("sps->log2_max_pic_order_cnt_lsb_minus4", s.log2MaxPicOrderCntLsbMinus4());
        }
        put("sps->num_ref_frames", s.maxNumRefFrames());
        put("sps->gaps_in_frame_num_value_allowed_flag", s.gapsInFrameNumValueAllowedFlag());
        put("sps->pic_width_in_mbs_minus1", s.picWidthInMbsMinus1());
        put("sps->pic_height_in_map_units_minus1", s.picHeightInMapUnitsMinus1());
        put("sps->frame_mbs_only_flag", s.frameMbsOnlyFlag());
        put("sps->direct_8x8_inference_flag", s.direct8x8InferenceFlag());
        put("sps->frame_cropping_flag", s.frameCroppingFlag());
        if (s.frameCroppingFlag()) {
            put("sps->frame_crop_left_offset", s.frameCropLeftOffset());
            put("sps->frame_crop_right_offset", s.frameCropRightOffset());
            put("sps->frame_crop_top_offset", s.frameCropTopOffset());
            put("sps->frame_crop_bottom_offset", s.frameCropBottomOffset());
        }
        put("sps->vui_parameters_present_flag", s.vuiParameters() != null);
        VuiParameters v = s.vuiParameters();
        if (v == null) {
            return;
        }
        put("sps->vui.aspect_ratio_info_present_flag", v.aspectRatioInfoPresentFlag());
        if (v.aspectRatioInfoPresentFlag()) {
            put("sps->vui.aspect_ratio_idc", v.aspectRatioIdc());
        }
        put("sps->vui.overscan_info_present_flag", v.overscanInfoPresentFlag());
        put("sps->vui.video_signal_type_present_flag", v.videoSignalTypePresentFlag());
        if (v.videoSignalTypePresentFlag()) {
            put("sps->vui.video_format", v.videoFormat());
            put("sps->vui.video_full_range_flag", v.videoFullRangeFlag());
            put("sps->vui.colour_description_present_flag", v.colourDescriptionPresentFlag());
        }
        put("sps->vui.chroma_loc_info_present_flag", v.chromaLocInfoPresentFlag());
        put("sps->vui.timing_info_present_flag", v.timingInfoPresentFlag());
        if (v.timingInfoPresentFlag()) {
            put("sps->vui.num_units_in_tick", v.numUnitsInTick());
            put("sps->vui.time_scale", v.timeScale());
            put("sps->vui.fixed_frame_rate_flag", v.fixedFrameRateFlag());
        }
        put("sps->vui.nal_hrd_parameters_present_flag", v.nalHrdParameters() != null);
        put("sps->vui.vcl_hrd_parameters_present_flag", v.vclHrdParameters() != null);
        put("sps->vui.pic_struct_present_flag", v.picStructPresentFlag());
        put("sps->vui.bitstream_restriction_flag", v.bitstreamRestrictionFlag());
        if (v.bitstreamRestrictionFlag()) {
            put("sps->vui.motion_vectors_over_pic_boundaries_flag", v.motionVectorsOverPicBoundariesFlag());
            put("sps->vui.max_bytes_per_pic_denom", v.maxBytesPerPicDenom());
            put("sps->vui.max_bits_per_mb_denom", v.maxBitsPerMbDenom());
            put("sps->vui.log2_max_mv_length_horizontal", v.log2MaxMvLengthHorizontal());
            put("sps->vui.log2_max_mv_length_vertical", v.log2MaxMvLengthVertical());
            put("sps->vui.num_reorder_frames", v.maxNumReorderFrames());
            put("sps->vui.max_dec_frame_buffering", v.maxDecFrameBuffering());
        }
    }

    void pps(Pps p) {
        put("pps->pic_parameter_set_id", p.picParameterSetId());
        put("pps->seq_parameter_set_id", p.seqParameterSetId());
        put("pps->entropy_coding_mode_flag", p.entropyCodingModeFlag());
        put("pps->pic_order_present_flag", p.bottomFieldPicOrderInFramePresentFlag());
        put("pps->num_slice_groups_minus1", p.numSliceGroupsMinus1());
        put("pps->num_ref_idx_l0_active_minus1", p.numRefIdxL0DefaultActiveMinus1());
        put("pps->num_ref_idx_l1_active_minus1", p.numRefIdxL1DefaultActiveMinus1());
        put("pps->weighted_pred_flag", p.weightedPredFlag());
        put("pps->weighted_bipred_idc", p.weightedBipredIdc());
        put("pps->pic_init_qp_minus26", p.picInitQpMinus26());
        put("pps->pic_init_qs_minus26", p.picInitQsMinus26());
        put("pps->chroma_qp_index_offset", p.chromaQpIndexOffset());
        put("pps->deblocking_filter_control_present_flag", p.deblockingFilterControlPresentFlag());
        put("pps->constrained_intra_pred_flag", p.constrainedIntraPredFlag());
        put("pps->redundant_pic_cnt_present_flag", p.redundantPicCntPresentFlag());
        if (p.moreRbspData()) {
            put("pps->transform_8x8_mode_flag", p.transform8x8ModeFlag());
            put("pps->pic_scaling_matrix_present_flag", p.picScalingMatrix() != null);
            if (p.picScalingMatrix() != null) {
                scaling(p.picScalingMatrix(), "pps->pic_scaling_list_present_flag[ i ]");
            }
            put("pps->second_chroma_qp_index_offset", p.secondChromaQpIndexOffset());
        }
    }

    void slice(SliceHeader h, Pps pps, Sps sps) {
        put("sh->first_mb_in_slice", h.firstMbInSlice());
        put("sh->slice_type", h.sliceType());
        put("sh->pic_parameter_set_id", h.picParameterSetId());
        put("sh->frame_num", h.frameNum());
        if (!sps.frameMbsOnlyFlag()) {
            put("sh->field_pic_flag", h.fieldPicFlag());
        }
        if (h.isIdr()) {
            put("sh->idr_pic_id", h.idrPicId());
        }
        if (sps.picOrderCntType() == 0) {
            put("sh->pic_order_cnt_lsb", h.picOrderCntLsb());
        }
        int kind = h.sliceTypeKind();
        if (kind == SliceHeader.B) {
            put("sh->direct_spatial_mv_pred_flag", h.directSpatialMvPredFlag());
        }
        if (kind == SliceHeader.P || kind == SliceHeader.SP || kind == SliceHeader.B) {
            put("sh->num_ref_idx_active_override_flag", h.numRefIdxActiveOverrideFlag());
            if (h.numRefIdxActiveOverrideFlag()) {
                put("sh->num_ref_idx_l0_active_minus1", h.numRefIdxL0ActiveMinus1());
                if (kind == SliceHeader.B) {
                    put("sh->num_ref_idx_l1_active_minus1", h.numRefIdxL1ActiveMinus1());
                }
            }
        }
        RefPicListModification m = h.refPicListModification();
        if (kind != SliceHeader.I && kind != SliceHeader.SI) {
            put("sh->rplr.ref_pic_list_reordering_flag_l0", m.refPicListModificationFlagL0());
            ops(m.l0(), "l0", m.refPicListModificationFlagL0());
        }
        if (kind == SliceHeader.B) {
            put("sh->rplr.ref_pic_list_reordering_flag_l1", m.refPicListModificationFlagL1());
            ops(m.l1(), "l1", m.refPicListModificationFlagL1());
        }
        PredWeightTable w = h.predWeightTable();
        if (w != null) {
            put("sh->pwt.luma_log2_weight_denom", w.lumaLog2WeightDenom());
            if (sps.chromaArrayType() != 0) {
                put("sh->pwt.chroma_log2_weight_denom", w.chromaLog2WeightDenom());
            }
            for (PredWeightTable.Entry e : w.l0()) {
                put("sh->pwt.luma_weight_l0_flag[i]", e.lumaWeightFlag());
                if (e.lumaWeightFlag()) {
                    put("sh->pwt.luma_weight_l0[ i ]", e.lumaWeight());
                    put("sh->pwt.luma_offset_l0[ i ]", e.lumaOffset());
                }
                if (sps.chromaArrayType() != 0) {
                    put("sh->pwt.chroma_weight_l0_flag[i]", e.chromaWeightFlag());
                    if (e.chromaWeightFlag()) {
                        put("sh->pwt.chroma_weight_l0[ i ][ j ]", e.chromaWeightCb());
                        put("sh->pwt.chroma_offset_l0[ i ][ j ]", e.chromaOffsetCb());
                        put("sh->pwt.chroma_weight_l0[ i ][ j ]", e.chromaWeightCr());
                        put("sh->pwt.chroma_offset_l0[ i ][ j ]", e.chromaOffsetCr());
                    }
                }
            }
        }
        DecRefPicMarking d = h.decRefPicMarking();
        if (d != null) {
            if (h.isIdr()) {
                put("sh->drpm.no_output_of_prior_pics_flag", d.noOutputOfPriorPicsFlag());
                put("sh->drpm.long_term_reference_flag", d.longTermReferenceFlag());
            } else {
                put("sh->drpm.adaptive_ref_pic_marking_mode_flag", d.adaptiveRefPicMarkingModeFlag());
                for (DecRefPicMarking.Operation op : d.operations()) {
                    put("sh->drpm.memory_management_control_operation[ n ]", op.memoryManagementControlOperation());
                    int o = op.memoryManagementControlOperation();
                    if (o == 1 || o == 3) {
                        put("sh->drpm.difference_of_pic_nums_minus1[ n ]", op.differenceOfPicNumsMinus1());
                    }
                    if (o == 3 || o == 6) {
                        put("sh->drpm.long_term_frame_idx[ n ]", op.longTermFrameIdx());
                    }
                }
                if (d.adaptiveRefPicMarkingModeFlag()) {
                    put("sh->drpm.memory_management_control_operation[ n ]", 0);
                }
            }
        }
        if (pps.entropyCodingModeFlag() && kind != SliceHeader.I && kind != SliceHeader.SI) {
            put("sh->cabac_init_idc", h.cabacInitIdc());
        }
        put("sh->slice_qp_delta", h.sliceQpDelta());
        if (pps.deblockingFilterControlPresentFlag()) {
            put("sh->disable_deblocking_filter_idc", h.disableDeblockingFilterIdc());
            if (h.disableDeblockingFilterIdc() != 1) {
                put("sh->slice_alpha_c0_offset_div2", h.sliceAlphaC0OffsetDiv2());
                put("sh->slice_beta_offset_div2", h.sliceBetaOffsetDiv2());
            }
        }
    }

    private void ops(List<RefPicListModification.Operation> ops, String list, boolean flag) {
        for (RefPicListModification.Operation op : ops) {
            put("sh->rplr.reorder_" + list + ".reordering_of_pic_nums_idc[ n ]", op.modificationOfPicNumsIdc());
            if (op.modificationOfPicNumsIdc() <= 1) {
                put("sh->rplr.reorder_" + list + ".abs_diff_pic_num_minus1[ n ]", op.value());
            }
        }
        if (flag) {
            put("sh->rplr.reorder_" + list + ".reordering_of_pic_nums_idc[ n ]", 3);
        }
    }
}
