package io.streamwire.examples.origin;

import java.nio.ByteBuffer;

/**
 * The few fields of an AV1 sequence header OBU that stream info needs, read from the configOBUs of an
 * AV1CodecConfigurationRecord (AV1-ISOBMFF v1.2.0 §2.3.3; AV1 Bitstream &amp; Decoding Process
 * Specification 2019-01-08, §5.3 OBU syntax and §5.5 sequence header OBU syntax).
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxFrameWidth max_frame_width_minus_1 + 1
 * @param maxFrameHeight max_frame_height_minus_1 + 1
 * @param framesPerSecond time_scale / (num_units_in_display_tick x (num_ticks_per_picture_minus_1 + 1))
 *     when timing_info is present with equal_picture_interval, else 0
 *
 * @implNote The maximum frame size is reported as the size: frames may be smaller when
 *     frame_size_override_flag is used, which live encoders do not do.
 */
record Av1SequenceHeader(int maxFrameWidth, int maxFrameHeight, double framesPerSecond) {
    private static final int OBU_SEQUENCE_HEADER = 1;

    /**
     * Finds the first sequence header OBU in {@code av1C} (the whole record, from its position) and reads
     * it; null when there is none or it is cut short. Never throws on bad input; the buffer is unchanged.
     */
    static Av1SequenceHeader fromAv1C(ByteBuffer av1C) {
        ByteBuffer b = av1C.duplicate();
        if (b.remaining() < 4) {
            return null;
        }
        int p = b.position() + 4;
        int end = b.limit();
        while (p < end) {
            int header = b.get(p) & 0xFF;
            int type = header >>> 3 & 0x0F;
            boolean extension = (header & 0x04) != 0;
            boolean hasSize = (header & 0x02) != 0;
            p += extension ? 2 : 1;
            long size = end - p;
            if (hasSize) {
                size = 0;
                int i = 0;
                for (; i < 8 && p < end; i++) {
                    int v = b.get(p++) & 0xFF;
                    size |= (long) (v & 0x7F) << (7 * i);
                    if ((v & 0x80) == 0) {
                        break;
                    }
                }
                if (i == 8 || p > end) {
                    return null;
                }
            }
            if (size < 0 || size > end - p) {
                return null;
            }
            if (type == OBU_SEQUENCE_HEADER) {
                try {
                    return read(new Bits(b, p, p + (int) size));
                } catch (IndexOutOfBoundsException e) {
                    return null;
                }
            }
            p += (int) size;
        }
        return null;
    }

    /** §5.5.1 sequence_header_obu() up to max_frame_height_minus_1. */
    private static Av1SequenceHeader read(Bits r) {
        r.f(3); // seq_profile
        r.f(1); // still_picture
        boolean reducedStillPictureHeader = r.f(1) == 1;
        double fps = 0;
        if (reducedStillPictureHeader) {
            r.f(5); // seq_level_idx[0]
        } else {
            boolean decoderModelInfoPresent = false;
            int bufferDelayLength = 0;
            if (r.f(1) == 1) { // timing_info_present_flag: §5.5.3 timing_info()
                long numUnitsInDisplayTick = r.f(32);
                long timeScale = r.f(32);
                if (r.f(1) == 1) { // equal_picture_interval
                    long ticksPerPicture = r.uvlc() + 1;
                    if (numUnitsInDisplayTick > 0) {
                        fps = (double) timeScale / (numUnitsInDisplayTick * ticksPerPicture);
                    }
                }
                decoderModelInfoPresent = r.f(1) == 1;
                if (decoderModelInfoPresent) { // §5.5.4 decoder_model_info()
                    bufferDelayLength = (int) r.f(5) + 1;
                    r.f(32); // num_units_in_decoding_tick
                    r.f(5); // buffer_removal_time_length_minus_1
                    r.f(5); // frame_presentation_time_length_minus_1
                }
            }
            boolean initialDisplayDelayPresent = r.f(1) == 1;
            int operatingPoints = (int) r.f(5) + 1;
            for (int i = 0; i < operatingPoints; i++) {
                r.f(12); // operating_point_idc[i]
                if (r.f(5) > 7) { // seq_level_idx[i]
                    r.f(1); // seq_tier[i]
                }
                if (decoderModelInfoPresent && r.f(1) == 1) { // §5.5.5 operating_parameters_info(i)
                    r.f(bufferDelayLength); // decoder_buffer_delay[i]
                    r.f(bufferDelayLength); // encoder_buffer_delay[i]
                    r.f(1); // low_delay_mode_flag[i]
                }
                if (initialDisplayDelayPresent && r.f(1) == 1) {
                    r.f(4); // initial_display_delay_minus_1[i]
                }
            }
        }
        int widthBits = (int) r.f(4) + 1;
        int heightBits = (int) r.f(4) + 1;
        long width = r.f(widthBits) + 1;
        long height = r.f(heightBits) + 1;
        return new Av1SequenceHeader((int) width, (int) height, fps);
    }

    /** MSB-first bit reader over [from, to); reading past the end throws IndexOutOfBoundsException. */
    private static final class Bits {
        private final ByteBuffer b;
        private final int to;
        private long bit;

        Bits(ByteBuffer b, int from, int to) {
            this.b = b;
            this.to = to;
            this.bit = (long) from * 8;
        }

        long f(int n) {
            long v = 0;
            for (int i = 0; i < n; i++) {
                int byteAt = (int) (bit >>> 3);
                if (byteAt >= to) {
                    throw new IndexOutOfBoundsException("sequence header cut short");
                }
                v = v << 1 | (b.get(byteAt) >>> (7 - (bit & 7)) & 1);
                bit++;
            }
            return v;
        }

        /** §4.10.3 uvlc(). */
        long uvlc() {
            int leadingZeros = 0;
            while (f(1) == 0) {
                leadingZeros++;
            }
            if (leadingZeros >= 32) {
                return (1L << 32) - 1;
            }
            return f(leadingZeros) + (1L << leadingZeros) - 1;
        }
    }
}
