package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * time_code() SEI payload (type 136): ITU-T H.265 (09/2023) §D.2.27, semantics §D.3.27: up to three
 * SMPTE ST 12-1 style clock timestamps of the picture.
 *
 * <pre>
 * num_clock_ts u(2) { clock_timestamp_flag u(1) [units_field_based_flag u(1) counting_type u(5) full_timestamp_flag u(1)
 *   discontinuity_flag u(1) cnt_dropped_flag u(1) n_frames u(9)
 *   [full: seconds_value u(6) minutes_value u(6) hours_value u(5)
 *    | seconds_flag u(1) [seconds_value u(6) minutes_flag u(1) [minutes_value u(6) hours_flag u(1) [hours_value u(5)]]]]
 *   time_offset_length u(5) [&gt; 0: time_offset_value i(time_offset_length)]] } x num_clock_ts
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param clockTimestamps one entry per clock timestamp, num_clock_ts (0..3) of them; null where
 *     clock_timestamp_flag is 0
 *
 * @since 0.2.0
 */
public record TimeCode(List<ClockTimestamp> clockTimestamps) {
    static final String SPEC = "ITU-T H.265 (09/2023) §D.2.27";

    /**
     * One clock timestamp. A value not coded is -1 (seconds, minutes, hours of a partial timestamp).
     *
     * @param unitsFieldBasedFlag units_field_based_flag
     * @param countingType counting_type, 5 bits
     * @param fullTimestampFlag full_timestamp_flag
     * @param discontinuityFlag discontinuity_flag
     * @param cntDroppedFlag cnt_dropped_flag
     * @param nFrames n_frames, 9 bits
     * @param secondsValue seconds_value, 0..59, or -1
     * @param minutesValue minutes_value, 0..59, or -1
     * @param hoursValue hours_value, 0..23, or -1
     * @param timeOffsetLength time_offset_length, 5 bits
     * @param timeOffsetValue time_offset_value, a signed timeOffsetLength-bit value (0 when the length is 0)
     */
    public record ClockTimestamp(boolean unitsFieldBasedFlag, int countingType, boolean fullTimestampFlag,
            boolean discontinuityFlag, boolean cntDroppedFlag, int nFrames, int secondsValue, int minutesValue, int hoursValue,
            int timeOffsetLength, int timeOffsetValue) {
        /** Checks ranges and that a full timestamp has every value and a partial one none after the first missing. */
        public ClockTimestamp {
            boolean bad = countingType >>> 5 != 0 || nFrames >>> 9 != 0 || secondsValue < -1 || secondsValue > 59
                    || minutesValue < -1 || minutesValue > 59 || hoursValue < -1 || hoursValue > 23 || timeOffsetLength >>> 5 != 0
                    || (fullTimestampFlag ? secondsValue < 0 || minutesValue < 0 || hoursValue < 0
                            : (secondsValue < 0 && minutesValue >= 0) || (minutesValue < 0 && hoursValue >= 0));
            long min = timeOffsetLength == 0 ? 0 : -(1L << (timeOffsetLength - 1));
            long max = timeOffsetLength == 0 ? 0 : (1L << (timeOffsetLength - 1)) - 1;
            if (bad || timeOffsetValue < min || timeOffsetValue > max) {
                throw new IllegalArgumentException("clock timestamp fields out of range");
            }
        }
    }

    /** Checks the count. */
    public TimeCode {
        if (clockTimestamps.size() > 3) {
            throw new IllegalArgumentException(clockTimestamps.size() + " clock timestamps (at most 3)");
        }
        clockTimestamps = java.util.Collections.unmodifiableList(new ArrayList<>(clockTimestamps));
    }

    /**
     * Decodes a message of type 136.
     *
     * @throws H265Exception if it is of another type or a time value is out of range
     * @throws io.streamwire.core.TruncatedInputException if it ends early
     */
    public static TimeCode parse(HevcSeiMessage message) {
        message.requireType(HevcSeiMessage.TIME_CODE, "time_code", SPEC);
        BitReader r = message.reader("time_code", SPEC);
        int n = r.u(2, "num_clock_ts");
        if (n > 3) {
            throw r.error("num_clock_ts", n + " out of range (expected: 0..3)");
        }
        List<ClockTimestamp> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!r.flag("clock_timestamp_flag")) {
                list.add(null);
                continue;
            }
            boolean fieldBased = r.flag("units_field_based_flag");
            int counting = r.u(5, "counting_type");
            boolean full = r.flag("full_timestamp_flag");
            boolean discontinuity = r.flag("discontinuity_flag");
            boolean dropped = r.flag("cnt_dropped_flag");
            int frames = r.u(9, "n_frames");
            int seconds = -1;
            int minutes = -1;
            int hours = -1;
            if (full || r.flag("seconds_flag")) {
                seconds = r.check("seconds_value", r.u(6, "seconds_value"), 0, 59);
                if (full || r.flag("minutes_flag")) {
                    minutes = r.check("minutes_value", r.u(6, "minutes_value"), 0, 59);
                    if (full || r.flag("hours_flag")) {
                        hours = r.check("hours_value", r.u(5, "hours_value"), 0, 23);
                    }
                }
            }
            int length = r.u(5, "time_offset_length");
            int value = 0;
            if (length > 0) {
                int raw = r.u(length, "time_offset_value");
                value = raw << (32 - length) >> (32 - length); // i(v): two's complement
            }
            list.add(new ClockTimestamp(fieldBased, counting, full, discontinuity, dropped, frames, seconds, minutes, hours, length,
                    value));
        }
        return new TimeCode(list);
    }

    /** The prefix message, its payload padded with a 1 bit and zero bits to the byte boundary. */
    public HevcSeiMessage toMessage() {
        RbspWriter w = new RbspWriter().u(2, clockTimestamps.size());
        for (ClockTimestamp t : clockTimestamps) {
            w.flag(t != null);
            if (t == null) {
                continue;
            }
            w.flag(t.unitsFieldBasedFlag()).u(5, t.countingType()).flag(t.fullTimestampFlag()).flag(t.discontinuityFlag())
                    .flag(t.cntDroppedFlag()).u(9, t.nFrames());
            if (t.fullTimestampFlag()) {
                w.u(6, t.secondsValue()).u(6, t.minutesValue()).u(5, t.hoursValue());
            } else {
                w.flag(t.secondsValue() >= 0);
                if (t.secondsValue() >= 0) {
                    w.u(6, t.secondsValue()).flag(t.minutesValue() >= 0);
                    if (t.minutesValue() >= 0) {
                        w.u(6, t.minutesValue()).flag(t.hoursValue() >= 0);
                        if (t.hoursValue() >= 0) {
                            w.u(5, t.hoursValue());
                        }
                    }
                }
            }
            w.u(5, t.timeOffsetLength());
            if (t.timeOffsetLength() > 0) {
                w.u(t.timeOffsetLength(), t.timeOffsetValue() & ((1L << t.timeOffsetLength()) - 1));
            }
        }
        if (!w.byteAligned()) {
            w.trailingBits();
        }
        return HevcSeiMessage.prefix(HevcSeiMessage.TIME_CODE, ByteBuffer.wrap(w.toRbsp()));
    }
}
