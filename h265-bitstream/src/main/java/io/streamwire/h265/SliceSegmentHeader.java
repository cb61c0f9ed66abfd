package io.streamwire.h265;

import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The leading fields of slice_segment_header() (ITU-T H.265 (09/2023) §7.3.6.1, semantics §7.4.7.1):
 * what access unit detection, keyframe detection and picture order count derivation need, up to and
 * including slice_temporal_mvp_enabled_flag. The fields after it (SAO, reference list sizes and
 * modification, weights, QP, deblocking, entry points) are not read. Needs the PPS and SPS the slice
 * refers to ({@link HevcParameterSets}).
 *
 * <pre>
 * first_slice_segment_in_pic_flag u(1) [IRAP (types 16..23): no_output_of_prior_pics_flag u(1)]
 * slice_pic_parameter_set_id ue(v) 0..63
 * [!first: [dependent_slice_segments_enabled_flag: dependent_slice_segment_flag u(1)]
 *   slice_segment_address u(Ceil(Log2(PicSizeInCtbsY)))]
 * [!dependent: slice_reserved_flag u(1) x num_extra_slice_header_bits slice_type ue(v) 0..2
 *   [output_flag_present_flag: pic_output_flag u(1)] [separate_colour_plane_flag: colour_plane_id u(2) 0..2]
 *   [not IDR: slice_pic_order_cnt_lsb u(v) short_term_ref_pic_set_sps_flag u(1)
 *     [0: st_ref_pic_set(num_short_term_ref_pic_sets)] [1, more than one set: short_term_ref_pic_set_idx u(v)]
 *     [long_term_ref_pics_present_flag: [num_long_term_ref_pics_sps &gt; 0: num_long_term_sps ue(v)] num_long_term_pics ue(v)
 *       { [i &lt; num_long_term_sps: [num_long_term_ref_pics_sps &gt; 1: lt_idx_sps u(v)]
 *         | else: poc_lsb_lt u(v) used_by_curr_pic_lt_flag u(1)]
 *         delta_poc_msb_present_flag u(1) [delta_poc_msb_cycle_lt ue(v)] } x (num_long_term_sps + num_long_term_pics)]
 *     [sps_temporal_mvp_enabled_flag: slice_temporal_mvp_enabled_flag u(1)]]]
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param nalUnitType nal_unit_type of the NAL unit, 0..21 (a VCL type)
 * @param nuhLayerId nuh_layer_id of the NAL unit
 * @param nuhTemporalIdPlus1 nuh_temporal_id_plus1 of the NAL unit, 1..7
 * @param firstSliceSegmentInPicFlag first_slice_segment_in_pic_flag
 * @param noOutputOfPriorPicsFlag no_output_of_prior_pics_flag (IRAP only)
 * @param slicePicParameterSetId slice_pic_parameter_set_id, 0..63
 * @param dependentSliceSegmentFlag dependent_slice_segment_flag; when true the fields below are not coded
 *     (they are the preceding independent slice segment's) and are 0, false or null here
 * @param sliceSegmentAddress slice_segment_address, 0..PicSizeInCtbsY-1
 * @param sliceReservedFlags slice_reserved_flag[i] in bit (num_extra_slice_header_bits - 1 - i)
 * @param sliceType slice_type: 0 B, 1 P, 2 I (Table 7-7)
 * @param picOutputFlag pic_output_flag (true when not coded: its inferred value)
 * @param colourPlaneId colour_plane_id, 0..2
 * @param slicePicOrderCntLsb slice_pic_order_cnt_lsb, log2_max_pic_order_cnt_lsb bits (0 for IDR)
 * @param shortTermRefPicSetSpsFlag short_term_ref_pic_set_sps_flag
 * @param stRefPicSet the slice's own st_ref_pic_set(num_short_term_ref_pic_sets) when
 *     short_term_ref_pic_set_sps_flag is 0 (and not IDR), else null
 * @param shortTermRefPicSetIdx short_term_ref_pic_set_idx, 0..num_short_term_ref_pic_sets - 1
 * @param numLongTermSps num_long_term_sps
 * @param longTermPics the long-term entries, num_long_term_sps + num_long_term_pics of them
 * @param sliceTemporalMvpEnabledFlag slice_temporal_mvp_enabled_flag
 * @param headerBits the RBSP bits read, up to and including slice_temporal_mvp_enabled_flag
 *
 * @since 0.2.0
 */
public record SliceSegmentHeader(int nalUnitType, int nuhLayerId, int nuhTemporalIdPlus1, boolean firstSliceSegmentInPicFlag,
        boolean noOutputOfPriorPicsFlag, int slicePicParameterSetId, boolean dependentSliceSegmentFlag, int sliceSegmentAddress,
        int sliceReservedFlags, int sliceType, boolean picOutputFlag, int colourPlaneId, int slicePicOrderCntLsb,
        boolean shortTermRefPicSetSpsFlag, ShortTermRefPicSet stRefPicSet, int shortTermRefPicSetIdx, int numLongTermSps,
        List<LongTermPic> longTermPics, boolean sliceTemporalMvpEnabledFlag, long headerBits) {

    static final String SPEC = "ITU-T H.265 (09/2023) §7.3.6.1";
    /** slice_type B (Table 7-7). */
    public static final int B = 0;
    /** slice_type P. */
    public static final int P = 1;
    /** slice_type I. */
    public static final int I = 2;

    /**
     * One long-term reference picture entry of the slice header.
     *
     * @param ltIdxSps lt_idx_sps[i] (entries from the SPS candidates; else 0)
     * @param pocLsbLt poc_lsb_lt[i] (entries coded in the slice; else 0)
     * @param usedByCurrPicLtFlag used_by_curr_pic_lt_flag[i] (coded entries; else false)
     * @param deltaPocMsbPresentFlag delta_poc_msb_present_flag[i]
     * @param deltaPocMsbCycleLt delta_poc_msb_cycle_lt[i], 0..2^(32 - log2_max_pic_order_cnt_lsb) - 1
     */
    public record LongTermPic(int ltIdxSps, int pocLsbLt, boolean usedByCurrPicLtFlag, boolean deltaPocMsbPresentFlag,
            int deltaPocMsbCycleLt) {
        /** Checks ranges. */
        public LongTermPic {
            if (ltIdxSps < 0 || ltIdxSps > 31 || pocLsbLt < 0 || deltaPocMsbCycleLt < 0
                    || (!deltaPocMsbPresentFlag && deltaPocMsbCycleLt != 0)) {
                throw new IllegalArgumentException("long-term picture fields out of range");
            }
        }
    }

    /** Checks the widths and that a dependent slice segment carries no independent fields. */
    public SliceSegmentHeader {
        longTermPics = List.copyOf(longTermPics);
        if (nalUnitType < 0 || nalUnitType > 31 || nuhLayerId >>> 6 != 0 || nuhTemporalIdPlus1 < 1 || nuhTemporalIdPlus1 > 7
                || slicePicParameterSetId < 0 || slicePicParameterSetId > 63 || sliceSegmentAddress < 0 || sliceReservedFlags >>> 7 != 0
                || sliceType < 0 || sliceType > 2 || colourPlaneId < 0 || colourPlaneId > 2 || slicePicOrderCntLsb >>> 16 != 0
                || shortTermRefPicSetIdx < 0 || shortTermRefPicSetIdx > 63 || numLongTermSps < 0 || numLongTermSps > longTermPics.size()
                || headerBits < 0 || (firstSliceSegmentInPicFlag && (dependentSliceSegmentFlag || sliceSegmentAddress != 0))) {
            throw new IllegalArgumentException("slice segment header fields out of range");
        }
    }

    /** True for an IRAP picture's slice (types 16..23: BLA, IDR, CRA and the reserved IRAP types). */
    public boolean isIrap() {
        return nalUnitType >= NalUnitType.BLA_W_LP && nalUnitType <= 23;
    }

    /** True for an IDR picture's slice (IDR_W_RADL, IDR_N_LP). */
    public boolean isIdr() {
        return nalUnitType == NalUnitType.IDR_W_RADL || nalUnitType == NalUnitType.IDR_N_LP;
    }

    /** TemporalId = nuh_temporal_id_plus1 - 1. */
    public int temporalId() {
        return nuhTemporalIdPlus1 - 1;
    }

    /** num_long_term_pics. */
    public int numLongTermPics() {
        return longTermPics.size() - numLongTermSps;
    }

    /** The short-term RPS in use: the slice's own set, the SPS's set short_term_ref_pic_set_idx, or null for IDR. */
    public ShortTermRefPicSet currentRps(HevcSps sps) {
        if (dependentSliceSegmentFlag || isIdr()) {
            return null;
        }
        return shortTermRefPicSetSpsFlag ? sps.stRefPicSets().get(shortTermRefPicSetIdx) : stRefPicSet;
    }

    /**
     * Parses the slice segment header of the VCL NAL unit (two header bytes first) at {@code nal}'s
     * position; the position is unchanged (slice data follows).
     *
     * @param sets the parameter sets seen so far
     * @param offset stream offset of the first header byte, for errors
     * @throws H265Exception for a non-VCL type, a PPS or SPS not in {@code sets}, or a value out of range
     * @throws io.streamwire.core.TruncatedInputException when the NAL unit ends inside the header
     * @throws UnsupportedFeatureException for an IDR slice with nuh_layer_id &gt; 0, whose
     *     slice_pic_order_cnt_lsb presence depends on the VPS extension (Annex F)
     */
    public static SliceSegmentHeader parse(ByteBuffer nal, HevcParameterSets sets, long offset) {
        int h = RbspNal.header(nal, -1, "slice_segment_header", offset);
        int type = h >>> 9 & 0x3F;
        if (type > 31) {
            throw new H265Exception("slice_segment_header nal_unit_type", type + " is not a VCL type (expected: 0..31)", offset,
                    RbspNal.HEADER_SPEC);
        }
        int layer = RbspNal.layerId(h);
        if (layer != 0 && (type == NalUnitType.IDR_W_RADL || type == NalUnitType.IDR_N_LP)) {
            throw new UnsupportedFeatureException(H265Exception.MODULE, "slice_segment_header nuh_layer_id",
                    layer + " in an IDR slice (slice_pic_order_cnt_lsb depends on the VPS extension, Annex F)", offset, SPEC);
        }
        BitReader r = Rbsp.reader(nal, nal.position() + 2, nal.limit(), offset + 2, "slice_segment_header", SPEC);
        return read(r, type, layer, h & 7, sets);
    }

    /** {@link #parse(ByteBuffer, HevcParameterSets, long)} at offset 0. */
    public static SliceSegmentHeader parse(ByteBuffer nal, HevcParameterSets sets) {
        return parse(nal, sets, 0);
    }

    private static SliceSegmentHeader read(BitReader r, int type, int layer, int tidPlus1, HevcParameterSets sets) {
        boolean first = r.flag("first_slice_segment_in_pic_flag");
        boolean noOutput = type >= NalUnitType.BLA_W_LP && type <= 23 && r.flag("no_output_of_prior_pics_flag");
        int ppsId = r.ue("slice_pic_parameter_set_id", 63);
        HevcPps pps = sets.pps(ppsId);
        if (pps == null) {
            throw r.error("slice_pic_parameter_set_id", ppsId + " refers to a PPS not received");
        }
        HevcSps sps = sets.sps(pps.ppsSeqParameterSetId());
        if (sps == null) {
            throw r.error("slice_pic_parameter_set_id", ppsId + " refers to SPS " + pps.ppsSeqParameterSetId() + ", not received");
        }
        boolean dependent = false;
        int address = 0;
        if (!first) {
            dependent = pps.dependentSliceSegmentsEnabledFlag() && r.flag("dependent_slice_segment_flag");
            int size = sps.picSizeInCtbsY();
            address = r.u(32 - Integer.numberOfLeadingZeros(size - 1), "slice_segment_address");
            if (address >= size) {
                throw r.error("slice_segment_address", address + " out of range (expected: 0.." + (size - 1) + ")");
            }
        }
        if (dependent) {
            return new SliceSegmentHeader(type, layer, tidPlus1, first, noOutput, ppsId, true, address, 0, 0, true, 0, 0, false,
                    null, 0, 0, List.of(), false, r.bitsRead());
        }
        int reserved = r.u(pps.numExtraSliceHeaderBits(), "slice_reserved_flag");
        int sliceType = r.ue("slice_type", 2);
        boolean output = !pps.outputFlagPresentFlag() || r.flag("pic_output_flag");
        int plane = sps.separateColourPlaneFlag() ? r.check("colour_plane_id", r.u(2, "colour_plane_id"), 0, 2) : 0;
        int lsb = 0;
        boolean spsFlag = false;
        ShortTermRefPicSet own = null;
        int idx = 0;
        int numLtSps = 0;
        List<LongTermPic> lts = List.of();
        boolean tmvp = false;
        if (type != NalUnitType.IDR_W_RADL && type != NalUnitType.IDR_N_LP) {
            lsb = r.u(sps.log2MaxPicOrderCntLsb(), "slice_pic_order_cnt_lsb");
            spsFlag = r.flag("short_term_ref_pic_set_sps_flag");
            int numSets = sps.numShortTermRefPicSets();
            int maxDec = sps.maxDecPicBufferingMinus1(sps.spsMaxSubLayersMinus1());
            if (!spsFlag) {
                own = ShortTermRefPicSet.read(r, numSets, sps.stRefPicSets(), numSets, maxDec);
            } else if (numSets == 0) {
                throw r.error("short_term_ref_pic_set_sps_flag", "is 1 but the SPS has no st_ref_pic_set()");
            } else if (numSets > 1) {
                idx = r.u(32 - Integer.numberOfLeadingZeros(numSets - 1), "short_term_ref_pic_set_idx");
                if (idx >= numSets) {
                    throw r.error("short_term_ref_pic_set_idx", idx + " out of range (expected: 0.." + (numSets - 1) + ")");
                }
            }
            if (sps.longTermRefPicsPresentFlag()) {
                int deltas = (spsFlag ? sps.stRefPicSets().get(idx) : own).numDeltaPocs();
                int room = Math.max(0, maxDec - deltas);
                int candidates = sps.numLongTermRefPicsSps();
                numLtSps = candidates > 0 ? r.ue("num_long_term_sps", Math.min(candidates, room)) : 0;
                int numLtPics = r.ue("num_long_term_pics", room - numLtSps);
                lts = readLongTerm(r, numLtSps, numLtPics, candidates, sps.log2MaxPicOrderCntLsb());
            }
            tmvp = sps.spsTemporalMvpEnabledFlag() && r.flag("slice_temporal_mvp_enabled_flag");
        }
        return new SliceSegmentHeader(type, layer, tidPlus1, first, noOutput, ppsId, false, address, reserved, sliceType, output,
                plane, lsb, spsFlag, own, idx, numLtSps, lts, tmvp, r.bitsRead());
    }

    private static List<LongTermPic> readLongTerm(BitReader r, int numLtSps, int numLtPics, int candidates, int lsbBits) {
        List<LongTermPic> lts = new ArrayList<>(numLtSps + numLtPics);
        int idxBits = 32 - Integer.numberOfLeadingZeros(Math.max(candidates - 1, 0));
        for (int i = 0; i < numLtSps + numLtPics; i++) {
            int ltIdx = 0;
            int pocLsb = 0;
            boolean used = false;
            if (i < numLtSps) {
                if (candidates > 1) {
                    ltIdx = r.u(idxBits, "lt_idx_sps");
                    if (ltIdx >= candidates) {
                        throw r.error("lt_idx_sps", ltIdx + " out of range (expected: 0.." + (candidates - 1) + ")");
                    }
                }
            } else {
                pocLsb = r.u(lsbBits, "poc_lsb_lt");
                used = r.flag("used_by_curr_pic_lt_flag");
            }
            boolean msb = r.flag("delta_poc_msb_present_flag");
            int cycle = msb ? r.ue("delta_poc_msb_cycle_lt", (int) ((1L << (32 - lsbBits)) - 1)) : 0;
            lts.add(new LongTermPic(ltIdx, pocLsb, used, msb, cycle));
        }
        return lts;
    }
}
