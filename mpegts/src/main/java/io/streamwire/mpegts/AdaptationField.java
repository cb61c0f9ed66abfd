package io.streamwire.mpegts;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.internal.PesTimestamp;
import java.nio.ByteBuffer;

/**
 * adaptation_field(): ISO/IEC 13818-1:2019 §2.4.3.4, Table 2-6, with its extension.
 *
 * <pre>
 * adaptation_field_length(8)
 * discontinuity_indicator(1) random_access_indicator(1) elementary_stream_priority_indicator(1)
 * PCR_flag(1) OPCR_flag(1) splicing_point_flag(1) transport_private_data_flag(1) adaptation_field_extension_flag(1)
 * [program_clock_reference_base(33) reserved(6) program_clock_reference_extension(9)]
 * [original_program_clock_reference_base(33) reserved(6) original_program_clock_reference_extension(9)]
 * [splice_countdown(8)]
 * [transport_private_data_length(8) private_data_byte(8 × n)]
 * [adaptation_field_extension_length(8) ltw_flag(1) piecewise_rate_flag(1) seamless_splice_flag(1)
 *  af_descriptor_not_present_flag(1) reserved(4) [ltw_valid_flag(1) ltw_offset(15)]
 *  [reserved(2) piecewise_rate(22)] [splice_type(4) DTS_next_AU(33 with 3 markers)] remaining bytes]
 * stuffing_byte(8 × n)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param discontinuityIndicator discontinuity_indicator
 * @param randomAccessIndicator random_access_indicator
 * @param elementaryStreamPriorityIndicator elementary_stream_priority_indicator
 * @param pcrBase program_clock_reference_base (33 bits, 90 kHz), or -1 when PCR_flag is 0
 * @param pcrExtension program_clock_reference_extension (9 bits; 0..299 when valid, kept as coded)
 * @param opcrBase original_program_clock_reference_base, or -1 when OPCR_flag is 0
 * @param opcrExtension original_program_clock_reference_extension
 * @param spliceCountdown splice_countdown (-128..127), or null when splicing_point_flag is 0
 * @param transportPrivateData the private_data_bytes (read-only), or null when the flag is 0
 * @param extension the adaptation field extension, or null when the flag is 0
 * @param stuffingLength stuffing bytes (0xFF) after the fields
 *
 * @since 0.1.0
 */
public record AdaptationField(boolean discontinuityIndicator, boolean randomAccessIndicator,
        boolean elementaryStreamPriorityIndicator, long pcrBase, int pcrExtension, long opcrBase, int opcrExtension,
        Integer spliceCountdown,
        ByteBuffer transportPrivateData, Extension extension, int stuffingLength) {
    private static final String SPEC = "ISO/IEC 13818-1 §2.4.3.4";

    /**
     * adaptation_field_extension().
     *
     * @param ltwOffset ltw_offset (15 bits) or -1 when ltw_flag is 0
     * @param ltwValidFlag ltw_valid_flag
     * @param piecewiseRate piecewise_rate (22 bits) or -1
     * @param spliceType splice_type (4 bits), or -1 when seamless_splice_flag is 0
     * @param dtsNextAu DTS_next_AU (33 bits), or -1
     * @param afDescriptorNotPresentFlag af_descriptor_not_present_flag (2019 edition; older: reserved 1)
     * @param remaining the bytes after the known fields (af descriptors, reserved), read-only
     */
    public record Extension(int ltwOffset, boolean ltwValidFlag, int piecewiseRate, int spliceType, long dtsNextAu,
            boolean afDescriptorNotPresentFlag, ByteBuffer remaining) {
        /** Checks bit widths. */
        public Extension {
            if (ltwOffset < -1 || ltwOffset > 0x7FFF || piecewiseRate < -1 || piecewiseRate > 0x3FFFFF || spliceType < -1
                    || spliceType > 15 || (spliceType < 0) != (dtsNextAu < 0) || dtsNextAu >= 1L << 33
                    || remaining.remaining() > 180) {
                throw new IllegalArgumentException("adaptation field extension out of range");
            }
            remaining = remaining.asReadOnlyBuffer();
        }

        int encodedSize() {
            return 2 + (ltwOffset >= 0 ? 2 : 0) + (piecewiseRate >= 0 ? 3 : 0) + (spliceType >= 0 ? 5 : 0) + remaining.remaining();
        }
    }

    /** Checks ranges and the total size (at most 183 bytes after adaptation_field_length). */
    public AdaptationField {
        if (pcrBase < -1 || pcrBase >= 1L << 33 || pcrExtension < 0 || pcrExtension > 511 || opcrBase < -1
                || opcrBase >= 1L << 33 || opcrExtension < 0 || opcrExtension > 511
                || (pcrBase < 0 && pcrExtension != 0) || (opcrBase < 0 && opcrExtension != 0)
                || (spliceCountdown != null && (spliceCountdown < -128 || spliceCountdown > 127)) || stuffingLength < 0
                || (transportPrivateData != null && transportPrivateData.remaining() > 255)) {
            throw new IllegalArgumentException("adaptation field out of range");
        }
        if (transportPrivateData != null) {
            transportPrivateData = transportPrivateData.asReadOnlyBuffer();
        }
        if (fieldsLength(pcrBase, opcrBase, spliceCountdown, transportPrivateData, extension) + stuffingLength > 183) {
            throw new IllegalArgumentException("adaptation field longer than 183 bytes");
        }
    }

    /** An adaptation field with random_access_indicator, a PCR in 27 MHz units (-1 for none) and no stuffing. */
    public static AdaptationField of(boolean randomAccess, long pcr27MHz) {
        return new AdaptationField(false, randomAccess, false, pcr27MHz < 0 ? -1 : pcr27MHz / 300,
                pcr27MHz < 0 ? 0 : (int) (pcr27MHz % 300), -1, 0, null, null, null, 0);
    }

    /** The PCR in 27 MHz units (base × 300 + extension), or -1. */
    public long pcr() {
        return pcrBase < 0 ? -1 : pcrBase * 300 + pcrExtension;
    }

    /** The OPCR in 27 MHz units, or -1. */
    public long opcr() {
        return opcrBase < 0 ? -1 : opcrBase * 300 + opcrExtension;
    }

    private static int fieldsLength(long pcr, long opcr, Integer splice, ByteBuffer priv, Extension ext) {
        return 1 + (pcr >= 0 ? 6 : 0) + (opcr >= 0 ? 6 : 0) + (splice != null ? 1 : 0)
                + (priv != null ? 1 + priv.remaining() : 0) + (ext != null ? ext.encodedSize() : 0);
    }

    /** The value of adaptation_field_length this record encodes to. */
    public int adaptationFieldLength() {
        boolean empty = !discontinuityIndicator && !randomAccessIndicator && !elementaryStreamPriorityIndicator && pcrBase < 0
                && opcrBase < 0 && spliceCountdown == null && transportPrivateData == null && extension == null;
        if (empty && stuffingLength == 0) {
            return 0;
        }
        return fieldsLength(pcrBase, opcrBase, spliceCountdown, transportPrivateData, extension) + stuffingLength;
    }

    /** Bytes written by {@link #writeTo}, adaptation_field_length included. */
    public int encodedSize() {
        return 1 + adaptationFieldLength();
    }

    /**
     * Parses the adaptation field whose adaptation_field_length byte is at absolute {@code index}.
     * Position and limit are not used; the bytes up to {@code index + 184} must be in the buffer.
     *
     * @throws TsException if adaptation_field_length is past the packet or a field announced by the
     *     flags does not fit in it (offset counted from {@code streamOffset}, the offset of the length byte)
     */
    public static AdaptationField parse(ByteBuffer in, int index, long streamOffset) {
        int len = in.get(index) & 0xFF;
        if (len > 183 || index + 1 + len > in.limit() && index + 1 + len > in.capacity()) {
            throw new TsException("adaptation_field_length", len + " is past the packet", streamOffset, SPEC);
        }
        requireWellFormed(in, index, 183, streamOffset);
        if (len == 0) {
            return new AdaptationField(false, false, false, -1, 0, -1, 0, null, null, null, 0);
        }
        // every length was checked above: the fields are read without further checks
        int end = index + 1 + len;
        int i = index + 1;
        int flags = in.get(i++) & 0xFF;
        long pcr = -1;
        int pcrExt = 0;
        long opcr = -1;
        int opcrExt = 0;
        Integer splice = null;
        ByteBuffer priv = null;
        Extension ext = null;
        if ((flags & 0x10) != 0) {
            pcr = clockBase(in, i);
            pcrExt = clockExtension(in, i);
            i += CLOCK_LENGTH;
        }
        if ((flags & 0x08) != 0) {
            opcr = clockBase(in, i);
            opcrExt = clockExtension(in, i);
            i += CLOCK_LENGTH;
        }
        if ((flags & 0x04) != 0) {
            splice = (int) in.get(i++);
        }
        if ((flags & 0x02) != 0) {
            int n = in.get(i++) & 0xFF;
            priv = in.slice(i, n);
            i += n;
        }
        if ((flags & 0x01) != 0) {
            int extEnd = i + 1 + (in.get(i) & 0xFF);
            int e = i + 1;
            int eflags = in.get(e++) & 0xFF;
            int ltw = -1;
            boolean ltwValid = false;
            int rate = -1;
            int spliceType = -1;
            long dtsNext = -1;
            if ((eflags & 0x80) != 0) {
                int v = BigEndian.getUnsignedShort(in, e);
                ltwValid = (v & 0x8000) != 0;
                ltw = v & 0x7FFF;
                e += 2;
            }
            if ((eflags & 0x40) != 0) {
                rate = ((in.get(e) & 0x3F) << 16) | BigEndian.getUnsignedShort(in, e + 1);
                e += 3;
            }
            if ((eflags & 0x20) != 0) {
                spliceType = (in.get(e) & 0xF0) >>> 4;
                dtsNext = PesTimestamp.get(in, e);
                e += PesTimestamp.LENGTH;
            }
            ext = new Extension(ltw, ltwValid, rate, spliceType, dtsNext, (eflags & 0x10) != 0, in.slice(e, extEnd - e));
            i = extEnd;
        }
        return new AdaptationField((flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0, pcr, pcrExt, opcr, opcrExt, splice, priv,
                ext, end - i);
    }

    /**
     * The one check of an adaptation field's lengths, used by {@link #parse} and by the allocation-free
     * {@link TsPacket#wrap}: adaptation_field_length is at most {@code maxLength} (183, or 182 before a
     * payload) and every field the flags announce, the extension's included, fits inside it. Reads the
     * bytes from absolute {@code index} (the length byte) on; allocates nothing unless it throws.
     *
     * @return adaptation_field_length
     * @throws TsException if a length is past the field (offset counted from {@code streamOffset},
     *     the stream offset of the length byte)
     */
    static int requireWellFormed(ByteBuffer buffer, int index, int maxLength, long streamOffset) {
        int len = buffer.get(index) & 0xFF;
        if (len > maxLength) {
            throw malformed("adaptation_field_length", len + " is past the packet (max " + maxLength + ")", streamOffset);
        }
        if (len == 0) {
            return 0;
        }
        int start = index + 1;
        int flags = buffer.get(start) & 0xFF;
        int need = 1 + ((flags & 0x10) != 0 ? CLOCK_LENGTH : 0) + ((flags & 0x08) != 0 ? CLOCK_LENGTH : 0) + ((flags & 0x04) != 0 ? 1 : 0);
        if ((flags & 0x02) != 0) {
            need += need < len ? 1 + (buffer.get(start + need) & 0xFF) : 1;
        }
        int extension = -1;
        if ((flags & 0x01) != 0) {
            extension = need;
            need += need < len ? 1 + (buffer.get(start + need) & 0xFF) : 1;
        }
        if (need > len) {
            throw malformed("adaptation_field", "flags 0x" + Integer.toHexString(flags) + " need " + need
                    + " bytes, adaptation_field_length is " + len, streamOffset + 1);
        }
        if (extension >= 0) {
            requireExtension(buffer, start + extension, streamOffset + 1 + extension);
        }
        return len;
    }

    /** adaptation_field_extension_length at absolute {@code at} leaves room for the fields its flags announce. */
    private static void requireExtension(ByteBuffer buffer, int at, long offset) {
        int length = buffer.get(at) & 0xFF;
        if (length < 1) {
            throw malformed("adaptation_field_extension_length", "0 leaves no room for its flags", offset);
        }
        int eflags = buffer.get(at + 1) & 0xFF;
        int eneed = 1 + ((eflags & 0x80) != 0 ? 2 : 0) + ((eflags & 0x40) != 0 ? 3 : 0)
                + ((eflags & 0x20) != 0 ? PesTimestamp.LENGTH : 0);
        if (eneed > length) {
            throw malformed("adaptation_field_extension_length", length + " is shorter than its flags need (" + eneed + ")", offset);
        }
    }

    private static TsException malformed(String field, String problem, long offset) {
        return new TsException(field, problem, offset, SPEC);
    }

    // ---------------------------------------------------------------- the clock field (PCR, OPCR)

    /** Bytes of a program clock reference field. */
    static final int CLOCK_LENGTH = 6;

    /**
     * program_clock_reference_base (or the OPCR's) of the 6-byte clock field at absolute {@code i}:
     * base(33) reserved(6) extension(9), §2.4.3.5. The one PCR codec of the module.
     */
    static long clockBase(ByteBuffer in, int i) {
        return (BigEndian.getUnsignedInt(in, i) << 1) | ((in.get(i + 4) & 0x80) >>> 7);
    }

    /** program_clock_reference_extension of the 6-byte clock field at absolute {@code i}. */
    static int clockExtension(ByteBuffer in, int i) {
        return ((in.get(i + 4) & 1) << 8) | (in.get(i + 5) & 0xFF);
    }

    /** Writes a clock field at absolute {@code i}: base, the 6 reserved bits set, extension. */
    static void putClock(ByteBuffer out, int i, long base, int extension) {
        BigEndian.putInt(out, i, (int) (base >>> 1));
        out.put(i + 4, (byte) ((base & 1) << 7 | 0x7E | extension >>> 8));
        out.put(i + 5, (byte) extension);
    }

    private static void putClockRelative(ByteBuffer out, long base, int extension) {
        if (out.remaining() < CLOCK_LENGTH) {
            throw new java.nio.BufferOverflowException();
        }
        int p = out.position();
        putClock(out, p, base, extension);
        out.position(p + CLOCK_LENGTH);
    }

    /**
     * Writes the field, adaptation_field_length first, at the buffer's position and moves the position
     * past it. Stuffing is written as 0xFF.
     *
     * @throws java.nio.BufferOverflowException if it does not fit (position unchanged)
     */
    public void writeTo(ByteBuffer out) {
        int size = encodedSize();
        if (out.remaining() < size) {
            throw new java.nio.BufferOverflowException();
        }
        int len = adaptationFieldLength();
        out.put((byte) len);
        if (len == 0) {
            return;
        }
        out.put((byte) ((discontinuityIndicator ? 0x80 : 0) | (randomAccessIndicator ? 0x40 : 0)
                | (elementaryStreamPriorityIndicator ? 0x20 : 0) | (pcrBase >= 0 ? 0x10 : 0) | (opcrBase >= 0 ? 0x08 : 0)
                | (spliceCountdown != null ? 0x04 : 0) | (transportPrivateData != null ? 0x02 : 0) | (extension != null ? 0x01 : 0)));
        if (pcrBase >= 0) {
            putClockRelative(out, pcrBase, pcrExtension);
        }
        if (opcrBase >= 0) {
            putClockRelative(out, opcrBase, opcrExtension);
        }
        if (spliceCountdown != null) {
            out.put((byte) (int) spliceCountdown);
        }
        if (transportPrivateData != null) {
            out.put((byte) transportPrivateData.remaining()).put(transportPrivateData.duplicate());
        }
        if (extension != null) {
            Extension x = extension;
            out.put((byte) (x.encodedSize() - 1));
            out.put((byte) ((x.ltwOffset >= 0 ? 0x80 : 0) | (x.piecewiseRate >= 0 ? 0x40 : 0) | (x.spliceType >= 0 ? 0x20 : 0)
                    | (x.afDescriptorNotPresentFlag ? 0x10 : 0) | 0x0F));
            if (x.ltwOffset >= 0) {
                BigEndian.putShortRelative(out, (short) ((x.ltwValidFlag ? 0x8000 : 0) | x.ltwOffset));
            }
            if (x.piecewiseRate >= 0) {
                BigEndian.putShortRelative(out.put((byte) (0xC0 | x.piecewiseRate >>> 16)), (short) x.piecewiseRate);
            }
            if (x.spliceType >= 0) {
                PesTimestamp.putRelative(out, x.spliceType, x.dtsNextAu);
            }
            out.put(x.remaining.duplicate());
        }
        for (int s = 0; s < stuffingLength; s++) {
            out.put((byte) 0xFF);
        }
    }
}
