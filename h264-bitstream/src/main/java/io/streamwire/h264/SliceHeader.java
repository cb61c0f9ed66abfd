package io.streamwire.h264;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * slice_header() of a coded slice (NAL unit types 1 and 5): ITU-T H.264 (08/2021) §7.3.3,
 * semantics §7.4.3, with ref_pic_list_modification() (§7.3.3.1), pred_weight_table() (§7.3.3.2)
 * and dec_ref_pic_marking() (§7.3.3.3). Needs the PPS and SPS the slice refers to.
 *
 * <p>Immutable and thread-safe.
 *
 * @param nalUnitType nal_unit_type of the NAL unit (1 or 5)
 * @param nalRefIdc nal_ref_idc of the NAL unit
 * @param firstMbInSlice first_mb_in_slice
 * @param sliceType slice_type, 0..9 (values 5..9 also say every slice of the picture has this type)
 * @param picParameterSetId pic_parameter_set_id, 0..255
 * @param colourPlaneId colour_plane_id, 0..2 (separate colour planes only)
 * @param frameNum frame_num, log2_max_frame_num bits
 * @param fieldPicFlag field_pic_flag
 * @param bottomFieldFlag bottom_field_flag
 * @param idrPicId idr_pic_id, 0..65535 (IDR only)
 * @param picOrderCntLsb pic_order_cnt_lsb (POC type 0)
 * @param deltaPicOrderCntBottom delta_pic_order_cnt_bottom (POC type 0)
 * @param deltaPicOrderCnt0 delta_pic_order_cnt[0] (POC type 1)
 * @param deltaPicOrderCnt1 delta_pic_order_cnt[1] (POC type 1)
 * @param redundantPicCnt redundant_pic_cnt, 0..127
 * @param directSpatialMvPredFlag direct_spatial_mv_pred_flag (B)
 * @param numRefIdxActiveOverrideFlag num_ref_idx_active_override_flag (P, SP, B)
 * @param numRefIdxL0ActiveMinus1 num_ref_idx_l0_active_minus1: the coded value, or the PPS default
 * @param numRefIdxL1ActiveMinus1 num_ref_idx_l1_active_minus1: the coded value, or the PPS default
 * @param refPicListModification ref_pic_list_modification()
 * @param predWeightTable pred_weight_table(), or null when not coded
 * @param decRefPicMarking dec_ref_pic_marking(), or null when nal_ref_idc is 0
 * @param cabacInitIdc cabac_init_idc, 0..2
 * @param sliceQpDelta slice_qp_delta
 * @param spForSwitchFlag sp_for_switch_flag (SP)
 * @param sliceQsDelta slice_qs_delta (SP, SI)
 * @param disableDeblockingFilterIdc disable_deblocking_filter_idc, 0..2
 * @param sliceAlphaC0OffsetDiv2 slice_alpha_c0_offset_div2, -6..6
 * @param sliceBetaOffsetDiv2 slice_beta_offset_div2, -6..6
 * @param sliceGroupChangeCycle slice_group_change_cycle (slice group map types 3..5)
 * @param headerBits the size of the header in RBSP bits, where slice_data() begins
 *
 * @since 0.1.0
 */
public record SliceHeader(int nalUnitType, int nalRefIdc, int firstMbInSlice, int sliceType, int picParameterSetId,
        int colourPlaneId, int frameNum, boolean fieldPicFlag, boolean bottomFieldFlag, int idrPicId, int picOrderCntLsb,
        int deltaPicOrderCntBottom, int deltaPicOrderCnt0, int deltaPicOrderCnt1, int redundantPicCnt,
        boolean directSpatialMvPredFlag, boolean numRefIdxActiveOverrideFlag, int numRefIdxL0ActiveMinus1,
        int numRefIdxL1ActiveMinus1, RefPicListModification refPicListModification, PredWeightTable predWeightTable,
        DecRefPicMarking decRefPicMarking, int cabacInitIdc, int sliceQpDelta, boolean spForSwitchFlag, int sliceQsDelta,
        int disableDeblockingFilterIdc, int sliceAlphaC0OffsetDiv2, int sliceBetaOffsetDiv2, int sliceGroupChangeCycle,
        long headerBits) {

    /** slice_type % 5 values (Table 7-6). */
    public static final int P = 0;
    /** B slice. */
    public static final int B = 1;
    /** I slice. */
    public static final int I = 2;
    /** SP slice. */
    public static final int SP = 3;
    /** SI slice. */
    public static final int SI = 4;

    static final String SPEC = "ITU-T H.264 §7.3.3";

    /** slice_type % 5: one of {@link #P}, {@link #B}, {@link #I}, {@link #SP}, {@link #SI}. */
    public int sliceTypeKind() {
        return sliceType % 5;
    }

    /** IdrPicFlag. */
    public boolean isIdr() {
        return nalUnitType == NalUnitHeader.TYPE_IDR;
    }

    /**
     * Parses the slice header of the coded slice NAL unit (header byte first) at {@code nal}'s
     * position. The position is unchanged (slice data follows the header; see {@link #headerBits()}).
     *
     * @param sets the parameter sets seen so far
     * @param offset stream offset of the NAL header byte, for errors
     * @throws UnsupportedFeatureException for NAL unit types 20 and 21 (MVC/3D-AVC)
     * @throws H264Exception for an unknown PPS or SPS or a value out of range
     * @throws TruncatedInputException when the NAL unit ends inside the header
     */
    public static SliceHeader parse(ByteBuffer nal, ParameterSets sets, long offset) {
        int p = nal.position();
        if (!nal.hasRemaining()) {
            throw new TruncatedInputException(H264Exception.MODULE, "slice_header nal_unit_header", "missing", offset, SPEC);
        }
        int header = nal.get(p) & 0xFF;
        int type = header & 0x1F;
        if (type == 20 || type == 21) {
            throw new UnsupportedFeatureException(H264Exception.MODULE, "slice_header nal_unit_type",
                    type + " (MVC/3D-AVC slice extension) is not supported", offset, SPEC);
        }
        if (type != NalUnitHeader.TYPE_SLICE && type != NalUnitHeader.TYPE_IDR) {
            throw new H264Exception("slice_header nal_unit_type", type + " is not a coded slice (1 or 5)", offset, SPEC);
        }
        BitReader r = Rbsp.reader(nal, p + 1, nal.limit(), offset + 1, "slice_header", SPEC);
        FirstSliceFields f = new FirstSliceFields();
        f.read(r, type, header >>> 5 & 3, sets);
        Sps sps = f.sps;
        Pps pps = f.pps;
        int kind = f.sliceType % 5;
        boolean direct = kind == B && r.flag("direct_spatial_mv_pred_flag");
        boolean override = false;
        int l0 = pps.numRefIdxL0DefaultActiveMinus1();
        int l1 = pps.numRefIdxL1DefaultActiveMinus1();
        int maxRef = f.fieldPicFlag ? 31 : 15;
        if (kind == P || kind == SP || kind == B) {
            override = r.flag("num_ref_idx_active_override_flag");
            if (override) {
                l0 = r.ue("num_ref_idx_l0_active_minus1", maxRef);
                if (kind == B) {
                    l1 = r.ue("num_ref_idx_l1_active_minus1", maxRef);
                }
            }
        }
        RefPicListModification mod = RefPicListModification.read(r, kind);
        PredWeightTable weights = null;
        if ((pps.weightedPredFlag() && (kind == P || kind == SP)) || (pps.weightedBipredIdc() == 1 && kind == B)) {
            weights = PredWeightTable.read(r, sps.chromaArrayType(), l0 + 1, kind == B ? l1 + 1 : 0);
        }
        DecRefPicMarking marking = f.nalRefIdc != 0 ? DecRefPicMarking.read(r, type == NalUnitHeader.TYPE_IDR) : null;
        int cabacInit = pps.entropyCodingModeFlag() && kind != I && kind != SI ? r.ue("cabac_init_idc", 2) : 0;
        int qpBdOffset = 6 * sps.bitDepthLumaMinus8();
        int qpDelta = r.se("slice_qp_delta");
        int sliceQp = 26 + pps.picInitQpMinus26() + qpDelta;
        if (sliceQp < -qpBdOffset || sliceQp > 51) {
            throw r.error("slice_qp_delta", qpDelta + " gives SliceQPY " + sliceQp + " (expected: " + -qpBdOffset + "..51)");
        }
        boolean spSwitch = false;
        int qsDelta = 0;
        if (kind == SP || kind == SI) {
            if (kind == SP) {
                spSwitch = r.flag("sp_for_switch_flag");
            }
            qsDelta = r.se("slice_qs_delta", -51, 51);
        }
        int deblock = 0;
        int alpha = 0;
        int beta = 0;
        if (pps.deblockingFilterControlPresentFlag()) {
            deblock = r.ue("disable_deblocking_filter_idc", 2);
            if (deblock != 1) {
                alpha = r.se("slice_alpha_c0_offset_div2", -6, 6);
                beta = r.se("slice_beta_offset_div2", -6, 6);
            }
        }
        int cycle = 0;
        SliceGroups groups = pps.sliceGroups();
        if (groups != null && groups.sliceGroupMapType() >= 3 && groups.sliceGroupMapType() <= 5) {
            long picSize = sps.picSizeInMapUnits();
            long rate = groups.sliceGroupChangeRateMinus1() + 1L;
            long max = (picSize + rate - 1) / rate; // Ceil(PicSizeInMapUnits ÷ SliceGroupChangeRate)
            int bits = 0; // Ceil(Log2(PicSizeInMapUnits ÷ SliceGroupChangeRate + 1))
            while ((rate << bits) < picSize + rate) {
                bits++;
            }
            cycle = bits == 0 ? 0 : r.u(bits, "slice_group_change_cycle");
            if (cycle > max) {
                throw r.error("slice_group_change_cycle", cycle + " out of range (expected: 0.." + max + ")");
            }
        }
        return new SliceHeader(type, f.nalRefIdc, f.firstMbInSlice, f.sliceType, f.picParameterSetId, f.colourPlaneId,
                f.frameNum, f.fieldPicFlag, f.bottomFieldFlag, f.idrPicId, f.picOrderCntLsb, f.deltaPicOrderCntBottom,
                f.deltaPicOrderCnt0, f.deltaPicOrderCnt1, f.redundantPicCnt, direct, override, l0, l1, mod, weights, marking,
                cabacInit, qpDelta, spSwitch, qsDelta, deblock, alpha, beta, cycle, r.bitsRead());
    }

    /** {@link #parse(ByteBuffer, ParameterSets, long)} at offset 0. */
    public static SliceHeader parse(ByteBuffer nal, ParameterSets sets) {
        return parse(nal, sets, 0);
    }

    /** The list 0 modification operations (empty when none). */
    public List<RefPicListModification.Operation> modificationsL0() {
        return refPicListModification.l0();
    }
}
