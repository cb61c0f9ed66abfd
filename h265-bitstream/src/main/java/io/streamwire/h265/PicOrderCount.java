package io.streamwire.h265;

/**
 * The decoding process for picture order count, ITU-T H.265 (09/2023) §8.3.1: PicOrderCntVal of each
 * picture from its slice_pic_order_cnt_lsb and the previous TemporalId 0 picture that is not a RASL,
 * RADL or sub-layer non-reference picture (prevTid0Pic).
 *
 * <p>Feed the first slice segment header of every picture, in decoding order, to {@link #next}; call
 * {@link #endOfSequence()} after an end of sequence NAL unit (type 36), so the next IRAP picture starts
 * a new coded video sequence (NoRaslOutputFlag 1).
 *
 * <pre>{@code
 * PicOrderCount poc = new PicOrderCount();
 * int picOrderCntVal = poc.next(header, sps.log2MaxPicOrderCntLsb());
 * }</pre>
 *
 * <p>Not thread-safe: keep it with the stream's decoder.
 *
 * @implNote A CRA picture that is not the first of the stream or after an end of sequence is given
 *     NoRaslOutputFlag 0 (HandleCraAsBlaFlag is 0: no external means sets it here).
 *
 * @since 0.2.0
 */
public final class PicOrderCount {
    private boolean first = true;
    private int prevPocTid0Lsb;
    private int prevPocTid0Msb;

    /** A counter before the first picture. */
    public PicOrderCount() {}

    /**
     * PicOrderCntVal of the picture whose first slice segment header this is, and updates prevTid0Pic.
     *
     * @param log2MaxPicOrderCntLsb log2_max_pic_order_cnt_lsb_minus4 + 4 of the active SPS, 4..16
     * @throws IllegalArgumentException if the header is not a picture's first slice segment or the
     *     width is out of range
     */
    public int next(SliceSegmentHeader header, int log2MaxPicOrderCntLsb) {
        if (!header.firstSliceSegmentInPicFlag() || log2MaxPicOrderCntLsb < 4 || log2MaxPicOrderCntLsb > 16) {
            throw new IllegalArgumentException("not a first slice segment, or log2MaxPicOrderCntLsb " + log2MaxPicOrderCntLsb);
        }
        int type = header.nalUnitType();
        int lsb = header.slicePicOrderCntLsb();
        int max = 1 << log2MaxPicOrderCntLsb;
        boolean irap = header.isIrap();
        // NoRaslOutputFlag is 1 for IDR and BLA pictures, and for the first picture and the first after an end of sequence
        boolean noRaslOutput = irap && (first || type < NalUnitType.CRA_NUT);
        int msb;
        if (noRaslOutput) {
            msb = 0;
        } else if (lsb < prevPocTid0Lsb && prevPocTid0Lsb - lsb >= max / 2) {
            msb = prevPocTid0Msb + max;
        } else if (lsb > prevPocTid0Lsb && lsb - prevPocTid0Lsb > max / 2) {
            msb = prevPocTid0Msb - max;
        } else {
            msb = prevPocTid0Msb;
        }
        first = false;
        int poc = msb + lsb;
        boolean subLayerNonReference = type <= 14 && (type & 1) == 0;
        boolean leading = type >= NalUnitType.RADL_N && type <= NalUnitType.RASL_R;
        if (header.temporalId() == 0 && !leading && !subLayerNonReference) {
            prevPocTid0Lsb = lsb;
            prevPocTid0Msb = msb;
        }
        return poc;
    }

    /** After an end of sequence NAL unit: the next picture (an IRAP) gets NoRaslOutputFlag 1. */
    public void endOfSequence() {
        first = true;
    }

    /** Back to the state before the first picture. */
    public void reset() {
        first = true;
        prevPocTid0Lsb = 0;
        prevPocTid0Msb = 0;
    }
}
