package io.streamwire.h264;

import io.streamwire.core.internal.BitReader;

/**
 * The slice header fields up to redundant_pic_cnt (ITU-T H.264 (08/2021) §7.3.3), read into a
 * reusable mutable holder: what §7.4.1.2.4 compares to find the first VCL NAL unit of a new
 * primary coded picture. Shared by {@link SliceHeader} and {@link AccessUnitSplitter} so there is
 * one reading of these fields.
 *
 * <p>Not thread-safe.
 */
final class FirstSliceFields {
    int nalUnitType;
    int nalRefIdc;
    int firstMbInSlice;
    int sliceType;
    int picParameterSetId;
    int colourPlaneId;
    int frameNum;
    boolean fieldPicFlag;
    boolean bottomFieldFlag;
    int idrPicId;
    int picOrderCntType;
    int picOrderCntLsb;
    int deltaPicOrderCntBottom;
    int deltaPicOrderCnt0;
    int deltaPicOrderCnt1;
    int redundantPicCnt;
    Sps sps;
    Pps pps;

    /** Reads the fields; {@code r} stands right after the NAL unit header. */
    void read(BitReader r, int nalType, int refIdc, ParameterSets sets) {
        nalUnitType = nalType;
        nalRefIdc = refIdc;
        firstMbInSlice = r.ue("first_mb_in_slice");
        sliceType = r.ue("slice_type", 9);
        picParameterSetId = r.ue("pic_parameter_set_id", 255);
        pps = sets.pps(picParameterSetId);
        if (pps == null) {
            throw r.error("pic_parameter_set_id", picParameterSetId + " refers to a PPS not seen yet");
        }
        sps = sets.sps(pps.seqParameterSetId());
        if (sps == null) {
            throw r.error("pic_parameter_set_id", picParameterSetId + " refers to SPS " + pps.seqParameterSetId() + ", not seen yet");
        }
        if (nalType == NalUnitHeader.TYPE_IDR && sliceType % 5 != SliceHeader.I && sliceType % 5 != SliceHeader.SI) {
            throw r.error("slice_type", sliceType + " is not I or SI in an IDR picture");
        }
        int frameSizeInMbs = sps.frameSizeInMbs(); // an int: Sps bounds PicSizeInMapUnits
        if (firstMbInSlice >= frameSizeInMbs) {
            throw r.error("first_mb_in_slice", firstMbInSlice + " out of range (expected: 0.." + (frameSizeInMbs - 1) + ")");
        }
        colourPlaneId = sps.separateColourPlaneFlag() ? r.u(2, "colour_plane_id") : 0;
        if (colourPlaneId == 3) {
            throw r.error("colour_plane_id", "3 out of range (expected: 0..2)");
        }
        frameNum = r.u(sps.log2MaxFrameNumMinus4() + 4, "frame_num");
        fieldPicFlag = false;
        bottomFieldFlag = false;
        if (!sps.frameMbsOnlyFlag()) {
            fieldPicFlag = r.flag("field_pic_flag");
            if (fieldPicFlag) {
                bottomFieldFlag = r.flag("bottom_field_flag");
            }
            // §7.4.3: first_mb_in_slice * (1 + MbaffFrameFlag) < PicSizeInMbs, which is half a frame
            // for a field; either way twice the value must stay inside the frame
            if ((fieldPicFlag || sps.mbAdaptiveFrameFieldFlag()) && 2L * firstMbInSlice >= frameSizeInMbs) {
                throw r.error("first_mb_in_slice", firstMbInSlice + " out of range (expected: 0.." + (frameSizeInMbs / 2 - 1)
                        + (fieldPicFlag ? " in a field)" : " macroblock pairs in an MBAFF frame)"));
            }
        }
        idrPicId = nalType == NalUnitHeader.TYPE_IDR ? r.ue("idr_pic_id", 65535) : 0;
        picOrderCntType = sps.picOrderCntType();
        picOrderCntLsb = 0;
        deltaPicOrderCntBottom = 0;
        deltaPicOrderCnt0 = 0;
        deltaPicOrderCnt1 = 0;
        if (picOrderCntType == 0) {
            picOrderCntLsb = r.u(sps.log2MaxPicOrderCntLsb(), "pic_order_cnt_lsb");
            if (pps.bottomFieldPicOrderInFramePresentFlag() && !fieldPicFlag) {
                deltaPicOrderCntBottom = r.se("delta_pic_order_cnt_bottom");
            }
        } else if (picOrderCntType == 1 && !sps.deltaPicOrderAlwaysZeroFlag()) {
            deltaPicOrderCnt0 = r.se("delta_pic_order_cnt[0]");
            if (pps.bottomFieldPicOrderInFramePresentFlag() && !fieldPicFlag) {
                deltaPicOrderCnt1 = r.se("delta_pic_order_cnt[1]");
            }
        }
        redundantPicCnt = pps.redundantPicCntPresentFlag() ? r.ue("redundant_pic_cnt", 127) : 0;
    }

    /**
     * §7.4.1.2.4: true if a slice with these fields cannot belong to the same primary coded picture
     * as one with {@code previous}'s.
     */
    boolean startsNewPicture(FirstSliceFields previous) {
        if (frameNum != previous.frameNum || picParameterSetId != previous.picParameterSetId
                || fieldPicFlag != previous.fieldPicFlag || bottomFieldFlag != previous.bottomFieldFlag
                || ((nalRefIdc == 0) != (previous.nalRefIdc == 0))) {
            return true;
        }
        if (picOrderCntType == 0 && previous.picOrderCntType == 0
                && (picOrderCntLsb != previous.picOrderCntLsb || deltaPicOrderCntBottom != previous.deltaPicOrderCntBottom)) {
            return true;
        }
        if (picOrderCntType == 1 && previous.picOrderCntType == 1
                && (deltaPicOrderCnt0 != previous.deltaPicOrderCnt0 || deltaPicOrderCnt1 != previous.deltaPicOrderCnt1)) {
            return true;
        }
        boolean idr = nalUnitType == NalUnitHeader.TYPE_IDR;
        boolean previousIdr = previous.nalUnitType == NalUnitHeader.TYPE_IDR;
        if (idr != previousIdr) {
            return true;
        }
        return idr && idrPicId != previous.idrPicId;
    }

    void copyFrom(FirstSliceFields o) {
        nalUnitType = o.nalUnitType;
        nalRefIdc = o.nalRefIdc;
        firstMbInSlice = o.firstMbInSlice;
        sliceType = o.sliceType;
        picParameterSetId = o.picParameterSetId;
        colourPlaneId = o.colourPlaneId;
        frameNum = o.frameNum;
        fieldPicFlag = o.fieldPicFlag;
        bottomFieldFlag = o.bottomFieldFlag;
        idrPicId = o.idrPicId;
        picOrderCntType = o.picOrderCntType;
        picOrderCntLsb = o.picOrderCntLsb;
        deltaPicOrderCntBottom = o.deltaPicOrderCntBottom;
        deltaPicOrderCnt0 = o.deltaPicOrderCnt0;
        deltaPicOrderCnt1 = o.deltaPicOrderCnt1;
        redundantPicCnt = o.redundantPicCnt;
        sps = o.sps;
        pps = o.pps;
    }
}
