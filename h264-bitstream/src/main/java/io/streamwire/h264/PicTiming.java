package io.streamwire.h264;

import io.streamwire.core.internal.BitReader;
import java.util.ArrayList;
import java.util.List;

/**
 * pic_timing() SEI payload (type 1): ITU-T H.264 (08/2021) §D.1.3, semantics §D.2.3. Its syntax
 * depends on the active SPS's VUI (CpbDpbDelaysPresentFlag, pic_struct_present_flag and the HRD
 * field lengths), so decoding needs that SPS.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cpbRemovalDelay cpb_removal_delay, or -1 when not coded
 * @param dpbOutputDelay dpb_output_delay, or -1 when not coded
 * @param picStruct pic_struct 0..8 (Table D-1), or -1 when not coded
 * @param clockTimestamps one entry per NumClockTS slot; null entries where clock_timestamp_flag is 0
 *
 * @since 0.1.0
 */
public record PicTiming(long cpbRemovalDelay, long dpbOutputDelay, int picStruct, List<ClockTimestamp> clockTimestamps) {
    static final String SPEC = "ITU-T H.264 §D.1.3";
    private static final int[] NUM_CLOCK_TS = {1, 1, 1, 2, 2, 3, 3, 2, 3};

    /**
     * One clock timestamp (a time code).
     *
     * @param ctType ct_type, 2 bits
     * @param nuitFieldBasedFlag nuit_field_based_flag
     * @param countingType counting_type, 5 bits
     * @param fullTimestampFlag full_timestamp_flag
     * @param discontinuityFlag discontinuity_flag
     * @param cntDroppedFlag cnt_dropped_flag
     * @param nFrames n_frames, 8 bits
     * @param seconds seconds_value 0..59, or -1 when not coded
     * @param minutes minutes_value 0..59, or -1 when not coded
     * @param hours hours_value 0..23, or -1 when not coded
     * @param timeOffset time_offset (signed), 0 when time_offset_length is 0
     */
    public record ClockTimestamp(int ctType, boolean nuitFieldBasedFlag, int countingType, boolean fullTimestampFlag,
            boolean discontinuityFlag, boolean cntDroppedFlag, int nFrames, int seconds, int minutes, int hours, long timeOffset) {}

    /** Copies the list (null entries allowed). */
    public PicTiming {
        clockTimestamps = java.util.Collections.unmodifiableList(new ArrayList<>(clockTimestamps));
    }

    /** The HRD whose lengths pic_timing and buffering_period use: NAL if present, else VCL. */
    static HrdParameters hrd(Sps sps) {
        VuiParameters v = sps.vuiParameters();
        if (v == null) {
            return null;
        }
        return v.nalHrdParameters() != null ? v.nalHrdParameters() : v.vclHrdParameters();
    }

    /**
     * Decodes a message of type 1 with the active SPS.
     *
     * @throws H264Exception if malformed, or the SPS has neither HRD nor pic_struct_present_flag
     * @throws io.streamwire.core.TruncatedInputException if the payload ends early
     */
    public static PicTiming parse(SeiMessage message, Sps sps) {
        if (message.payloadType() != SeiMessage.PIC_TIMING) {
            throw new H264Exception("sei payloadType", message.payloadType() + " is not pic_timing (1)", message.offset(), SPEC);
        }
        BitReader r = message.reader("pic_timing", SPEC);
        HrdParameters hrd = hrd(sps);
        VuiParameters vui = sps.vuiParameters();
        boolean picStructPresent = vui != null && vui.picStructPresentFlag();
        if (hrd == null && !picStructPresent) {
            throw r.error("payload", "needs an SPS with HRD parameters or pic_struct_present_flag");
        }
        long cpb = -1;
        long dpb = -1;
        if (hrd != null) {
            cpb = r.readBitsLong(hrd.cpbRemovalDelayLengthMinus1() + 1, "cpb_removal_delay");
            dpb = r.readBitsLong(hrd.dpbOutputDelayLengthMinus1() + 1, "dpb_output_delay");
        }
        int picStruct = -1;
        List<ClockTimestamp> stamps = new ArrayList<>();
        if (picStructPresent) {
            picStruct = r.check("pic_struct", r.u(4, "pic_struct"), 0, 8);
            int offsetLength = hrd != null ? hrd.timeOffsetLength() : 24;
            for (int i = 0; i < NUM_CLOCK_TS[picStruct]; i++) {
                if (!r.flag("clock_timestamp_flag")) {
                    stamps.add(null);
                    continue;
                }
                int ct = r.u(2, "ct_type");
                boolean nuit = r.flag("nuit_field_based_flag");
                int counting = r.u(5, "counting_type");
                boolean full = r.flag("full_timestamp_flag");
                boolean disc = r.flag("discontinuity_flag");
                boolean dropped = r.flag("cnt_dropped_flag");
                int frames = r.u(8, "n_frames");
                int s = -1;
                int m = -1;
                int h = -1;
                if (full) {
                    s = r.check("seconds_value", r.u(6, "seconds_value"), 0, 59);
                    m = r.check("minutes_value", r.u(6, "minutes_value"), 0, 59);
                    h = r.check("hours_value", r.u(5, "hours_value"), 0, 23);
                } else if (r.flag("seconds_flag")) {
                    s = r.check("seconds_value", r.u(6, "seconds_value"), 0, 59);
                    if (r.flag("minutes_flag")) {
                        m = r.check("minutes_value", r.u(6, "minutes_value"), 0, 59);
                        if (r.flag("hours_flag")) {
                            h = r.check("hours_value", r.u(5, "hours_value"), 0, 23);
                        }
                    }
                }
                long offset = 0;
                if (offsetLength > 0) {
                    long raw = r.readBitsLong(offsetLength, "time_offset");
                    offset = raw << (64 - offsetLength) >> (64 - offsetLength);
                }
                stamps.add(new ClockTimestamp(ct, nuit, counting, full, disc, dropped, frames, s, m, h, offset));
            }
        }
        return new PicTiming(cpb, dpb, picStruct, stamps);
    }

    /**
     * The field order pic_struct implies for a frame (Table D-1), as ffprobe 5.1 names it:
     * {@code "progressive"} for 0 (frame), 7 (frame doubling) and 8 (frame tripling);
     * {@code "tt"} for 3 (top field, bottom field) and 5 (top, bottom, top repeated); {@code "bb"}
     * for 4 and 6; null for 1 and 2 (one field: the order depends on the field pair) and when
     * pic_struct is not coded.
     *
     * <p>So a stream with frame_mbs_only_flag 0 whose pictures are all frames ({@code pic_struct} 0,
     * as x264's {@code --fake-interlaced} writes) reports {@code "progressive"}, as ffprobe does.
     */
    public String fieldOrder() {
        switch (picStruct) {
            case 0: case 7: case 8: return "progressive";
            case 3: case 5: return "tt";
            case 4: case 6: return "bb";
            default: return null;
        }
    }
}
