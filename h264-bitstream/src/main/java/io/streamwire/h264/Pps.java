package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;

/**
 * Picture parameter set: pic_parameter_set_rbsp() of ITU-T H.264 (08/2021) §7.3.2.2, semantics
 * §7.4.2.2. Parsing needs the SPS it refers to (for the slice group bounds, the QP range and the
 * number of 8x8 scaling lists), looked up in a {@link ParameterSets}. {@link #toRbsp()} reproduces
 * the parsed RBSP bit for bit.
 *
 * <pre>
 * pic_parameter_set_id ue(v) 0..255  seq_parameter_set_id ue(v) 0..31  entropy_coding_mode_flag u(1)
 * bottom_field_pic_order_in_frame_present_flag u(1)  num_slice_groups_minus1 ue(v) 0..7 [slice groups]
 * num_ref_idx_l0_default_active_minus1 ue(v) 0..31  num_ref_idx_l1_default_active_minus1 ue(v) 0..31
 * weighted_pred_flag u(1) weighted_bipred_idc u(2) 0..2 pic_init_qp_minus26 se(v) pic_init_qs_minus26 se(v)
 * chroma_qp_index_offset se(v) -12..12 deblocking_filter_control_present_flag u(1)
 * constrained_intra_pred_flag u(1) redundant_pic_cnt_present_flag u(1)
 * [more_rbsp_data(): transform_8x8_mode_flag u(1) pic_scaling_matrix_present_flag u(1) [scaling lists]
 *   second_chroma_qp_index_offset se(v) -12..12] rbsp_trailing_bits()
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param picParameterSetId pic_parameter_set_id, 0..255
 * @param seqParameterSetId seq_parameter_set_id, 0..31
 * @param entropyCodingModeFlag entropy_coding_mode_flag (CABAC)
 * @param bottomFieldPicOrderInFramePresentFlag bottom_field_pic_order_in_frame_present_flag
 * @param numSliceGroupsMinus1 num_slice_groups_minus1, 0..7
 * @param sliceGroups the slice group fields when num_slice_groups_minus1 &gt; 0, else null
 * @param numRefIdxL0DefaultActiveMinus1 0..31
 * @param numRefIdxL1DefaultActiveMinus1 0..31
 * @param weightedPredFlag weighted_pred_flag
 * @param weightedBipredIdc weighted_bipred_idc, 0..2
 * @param picInitQpMinus26 pic_init_qp_minus26, -(26 + QpBdOffsetY)..25
 * @param picInitQsMinus26 pic_init_qs_minus26, -26..25
 * @param chromaQpIndexOffset chroma_qp_index_offset, -12..12
 * @param deblockingFilterControlPresentFlag deblocking_filter_control_present_flag
 * @param constrainedIntraPredFlag constrained_intra_pred_flag
 * @param redundantPicCntPresentFlag redundant_pic_cnt_present_flag
 * @param moreRbspData whether the three High-profile fields below are coded
 * @param transform8x8ModeFlag transform_8x8_mode_flag
 * @param picScalingMatrix the lists when pic_scaling_matrix_present_flag is 1, else null
 * @param secondChromaQpIndexOffset second_chroma_qp_index_offset, -12..12 (equal to
 *     chroma_qp_index_offset when not coded)
 *
 * @since 0.1.0
 */
public record Pps(int picParameterSetId, int seqParameterSetId, boolean entropyCodingModeFlag,
        boolean bottomFieldPicOrderInFramePresentFlag, int numSliceGroupsMinus1, SliceGroups sliceGroups,
        int numRefIdxL0DefaultActiveMinus1, int numRefIdxL1DefaultActiveMinus1, boolean weightedPredFlag,
        int weightedBipredIdc, int picInitQpMinus26, int picInitQsMinus26, int chromaQpIndexOffset,
        boolean deblockingFilterControlPresentFlag, boolean constrainedIntraPredFlag, boolean redundantPicCntPresentFlag,
        boolean moreRbspData, boolean transform8x8ModeFlag, ScalingMatrix picScalingMatrix, int secondChromaQpIndexOffset) {

    static final String SPEC = "ITU-T H.264 §7.3.2.2";

    /** Checks ranges and presence rules. */
    public Pps {
        if (picParameterSetId < 0 || picParameterSetId > 255 || seqParameterSetId < 0 || seqParameterSetId > 31
                || numSliceGroupsMinus1 < 0 || numSliceGroupsMinus1 > 7 || (numSliceGroupsMinus1 > 0) != (sliceGroups != null)
                || numRefIdxL0DefaultActiveMinus1 < 0 || numRefIdxL0DefaultActiveMinus1 > 31
                || numRefIdxL1DefaultActiveMinus1 < 0 || numRefIdxL1DefaultActiveMinus1 > 31
                || weightedBipredIdc < 0 || weightedBipredIdc > 2 || picInitQpMinus26 < -(26 + 48) || picInitQpMinus26 > 25
                || picInitQsMinus26 < -26 || picInitQsMinus26 > 25 || chromaQpIndexOffset < -12 || chromaQpIndexOffset > 12
                || secondChromaQpIndexOffset < -12 || secondChromaQpIndexOffset > 12
                || (!moreRbspData && (transform8x8ModeFlag || picScalingMatrix != null || secondChromaQpIndexOffset != chromaQpIndexOffset))) {
            throw new IllegalArgumentException("PPS field out of range or inconsistent");
        }
    }

    /**
     * Parses a PPS NAL unit (header byte first, type 8) from {@code nal}'s position to its limit;
     * the position moves to the limit on success and is unchanged on failure.
     *
     * @param sets where the referenced SPS is looked up
     * @param offset stream offset of the header byte, for errors
     * @throws H264Exception for a value out of range or an unknown SPS
     * @throws io.streamwire.core.TruncatedInputException when the RBSP ends before the syntax does
     */
    public static Pps parse(ByteBuffer nal, ParameterSets sets, long offset) {
        int p = nal.position();
        if (!nal.hasRemaining() || (nal.get(p) & 0x1F) != NalUnitHeader.TYPE_PPS) {
            throw new H264Exception("pps nal_unit_type", nal.hasRemaining() ? (nal.get(p) & 0x1F) + " is not 8" : "missing", offset, SPEC);
        }
        BitReader r = Rbsp.reader(nal, p + 1, nal.limit(), offset + 1, "pps", SPEC);
        Pps pps = read(r, sets);
        nal.position(nal.limit());
        return pps;
    }

    /** {@link #parse(ByteBuffer, ParameterSets, long)} at offset 0. */
    public static Pps parse(ByteBuffer nal, ParameterSets sets) {
        return parse(nal, sets, 0);
    }

    static Pps read(BitReader r, ParameterSets sets) {
        int id = r.ue("pic_parameter_set_id", 255);
        int spsId = r.ue("seq_parameter_set_id", 31);
        Sps sps = sets.sps(spsId);
        if (sps == null) {
            throw r.error("seq_parameter_set_id", spsId + " refers to an SPS not seen yet");
        }
        boolean cabac = r.flag("entropy_coding_mode_flag");
        boolean bottomPoc = r.flag("bottom_field_pic_order_in_frame_present_flag");
        int groups = r.ue("num_slice_groups_minus1", 7);
        SliceGroups sliceGroups = groups > 0 ? SliceGroups.read(r, groups, sps) : null;
        int l0 = r.ue("num_ref_idx_l0_default_active_minus1", 31);
        int l1 = r.ue("num_ref_idx_l1_default_active_minus1", 31);
        boolean weighted = r.flag("weighted_pred_flag");
        int bipred = r.check("weighted_bipred_idc", r.u(2, "weighted_bipred_idc"), 0, 2);
        int qp = r.se("pic_init_qp_minus26", -(26 + 6 * sps.bitDepthLumaMinus8()), 25);
        int qs = r.se("pic_init_qs_minus26", -26, 25);
        int chromaOffset = r.se("chroma_qp_index_offset", -12, 12);
        boolean deblocking = r.flag("deblocking_filter_control_present_flag");
        boolean constrained = r.flag("constrained_intra_pred_flag");
        boolean redundant = r.flag("redundant_pic_cnt_present_flag");
        boolean more = r.moreRbspData();
        boolean t8x8 = false;
        ScalingMatrix matrix = null;
        int second = chromaOffset;
        if (more) {
            t8x8 = r.flag("transform_8x8_mode_flag");
            if (r.flag("pic_scaling_matrix_present_flag")) {
                matrix = ScalingMatrix.read(r, 6 + (sps.chromaFormatIdc() != 3 ? 2 : 6) * (t8x8 ? 1 : 0));
            }
            second = r.se("second_chroma_qp_index_offset", -12, 12);
        }
        r.rbspTrailingBits();
        return new Pps(id, spsId, cabac, bottomPoc, groups, sliceGroups, l0, l1, weighted, bipred, qp, qs, chromaOffset,
                deblocking, constrained, redundant, more, t8x8, matrix, second);
    }

    /** Writes pic_parameter_set_rbsp() including rbsp_trailing_bits(). */
    void writeTo(RbspWriter w) {
        w.ue(picParameterSetId).ue(seqParameterSetId).flag(entropyCodingModeFlag).flag(bottomFieldPicOrderInFramePresentFlag)
                .ue(numSliceGroupsMinus1);
        if (sliceGroups != null) {
            sliceGroups.write(w, numSliceGroupsMinus1);
        }
        w.ue(numRefIdxL0DefaultActiveMinus1).ue(numRefIdxL1DefaultActiveMinus1).flag(weightedPredFlag).u(2, weightedBipredIdc)
                .se(picInitQpMinus26).se(picInitQsMinus26).se(chromaQpIndexOffset).flag(deblockingFilterControlPresentFlag)
                .flag(constrainedIntraPredFlag).flag(redundantPicCntPresentFlag);
        if (moreRbspData) {
            w.flag(transform8x8ModeFlag).flag(picScalingMatrix != null);
            if (picScalingMatrix != null) {
                picScalingMatrix.write(w);
            }
            w.se(secondChromaQpIndexOffset);
        }
        w.trailingBits();
    }

    /** The RBSP (no header byte, no emulation prevention). */
    public byte[] toRbsp() {
        RbspWriter w = new RbspWriter();
        writeTo(w);
        return w.toRbsp();
    }

    /** The NAL unit with the given nal_ref_idc. */
    public byte[] toNal(int nalRefIdc) {
        RbspWriter w = new RbspWriter();
        writeTo(w);
        return w.toNal(new NalUnitHeader(0, nalRefIdc, NalUnitHeader.TYPE_PPS).toByte());
    }

    /**
     * The effective picture scaling list i (Table 7-2 rule B over the SPS's lists), in coded order.
     */
    public int[] effectiveScalingList(int i, Sps sps) {
        if (picScalingMatrix == null) {
            return sps.effectiveScalingList(i);
        }
        if (sps.seqScalingMatrix() == null) {
            return picScalingMatrix.effectiveList(i, null);
        }
        return picScalingMatrix.effectiveList(i, sps.seqScalingMatrix());
    }
}
