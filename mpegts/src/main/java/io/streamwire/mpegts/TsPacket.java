package io.streamwire.mpegts;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * A reusable, allocation-free view over one 188-byte transport packet: ISO/IEC 13818-1:2019
 * §2.4.3.2 (Table 2-2) and the adaptation field of §2.4.3.4 (Table 2-6).
 *
 * <pre>
 * sync_byte(8) TEI(1) PUSI(1) priority(1) PID(13) scrambling(2) adaptation_field_control(2) CC(4)
 * [adaptation_field_length(8) discontinuity(1) random_access(1) es_priority(1) PCR_flag(1)
 *  OPCR_flag(1) splicing_point_flag(1) private_data_flag(1) extension_flag(1)
 *  [PCR base(33) reserved(6) extension(9)] [OPCR ...] [splice_countdown(8)] ...]
 * [payload]
 * </pre>
 *
 * <p>{@link #wrap} checks the sync byte, adaptation_field_length and that every field the flags
 * announce fits inside the adaptation field, so the accessors never read outside the packet. The
 * view keeps a reference to the wrapped buffer: it is valid until the next {@code wrap} (for views
 * handed out by {@link TsFramer} or {@link TsDemuxer}: until the callback returns). The full
 * adaptation field, extension included, is available as a record through {@link #adaptationField()}
 * (which allocates).
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class TsPacket {
    /** Bytes in a transport packet. */
    public static final int SIZE = 188;
    /** The sync_byte value. */
    public static final int SYNC_BYTE = 0x47;
    /** The null packet PID. */
    public static final int NULL_PID = 0x1FFF;
    private static final String SPEC = "ISO/IEC 13818-1 §2.4.3.2";

    private ByteBuffer buf;
    private int at;
    private long offset;
    private long arrivalTimestamp = -1;
    private int header;
    private int afLength = -1;
    private int afFlags;
    private int payloadStart;

    /** An empty view; {@link #wrap} points it at a packet. */
    public TsPacket() {}

    /**
     * Points this view at the 188 bytes starting at absolute index {@code index} of {@code buffer}
     * (position and limit are not used or changed) and checks the header and adaptation field.
     *
     * @param buffer the bytes; kept until the next {@code wrap}
     * @param index absolute index of the sync byte
     * @param streamOffset stream offset of the sync byte, used in exceptions
     * @param arrivalTimestamp the 192-byte (M2TS) TP_extra_header, or -1
     * @return this view
     * @throws TsException if the sync byte is not 0x47, adaptation_field_length is past the packet, or
     *     a field announced by the adaptation field flags does not fit
     * @throws IndexOutOfBoundsException if fewer than 188 bytes follow {@code index} in the buffer's capacity
     */
    public TsPacket wrap(ByteBuffer buffer, int index, long streamOffset, long arrivalTimestamp) {
        if (index < 0 || index > buffer.capacity() - SIZE) {
            throw new IndexOutOfBoundsException("packet at " + index + " does not fit in " + buffer.capacity());
        }
        this.buf = buffer;
        this.at = index;
        this.offset = streamOffset;
        this.arrivalTimestamp = arrivalTimestamp;
        int h = BigEndian.getInt(buffer, index);
        this.header = h;
        this.afLength = -1;
        this.afFlags = 0;
        if (h >>> 24 != SYNC_BYTE) {
            throw new TsException("sync_byte", String.format("0x%02X is not 0x47", h >>> 24), streamOffset, SPEC);
        }
        int afc = (h >>> 4) & 3;
        int start = index + 4;
        if ((afc & 2) != 0) {
            int len = AdaptationField.requireWellFormed(buffer, start, afc == 2 ? 183 : 182, streamOffset + 4);
            afLength = len;
            if (len > 0) {
                afFlags = buffer.get(start + 1) & 0xFF;
            }
            start += 1 + len;
        }
        payloadStart = (afc & 1) != 0 ? start : index + SIZE;
        return this;
    }

    /** Drops the reference to the wrapped buffer (the framer calls it when the input ends). */
    void clear() {
        buf = null;
    }

    /** Same as {@code wrap(buffer, index, streamOffset, -1)}. */
    public TsPacket wrap(ByteBuffer buffer, int index, long streamOffset) {
        return wrap(buffer, index, streamOffset, -1);
    }

    /** The wrapped buffer (do not modify). */
    public ByteBuffer buffer() {
        return buf;
    }

    /** Absolute index of the sync byte in {@link #buffer()}. */
    public int index() {
        return at;
    }

    /** Stream offset of the sync byte. */
    public long offset() {
        return offset;
    }

    /** The M2TS TP_extra_header (copy_permission_indicator 2 bits, arrival_time_stamp 30 bits), or -1. */
    public long arrivalTimestamp() {
        return arrivalTimestamp;
    }

    /** transport_error_indicator. */
    public boolean transportErrorIndicator() {
        return (header & 0x800000) != 0;
    }

    /** payload_unit_start_indicator. */
    public boolean payloadUnitStartIndicator() {
        return (header & 0x400000) != 0;
    }

    /** transport_priority. */
    public boolean transportPriority() {
        return (header & 0x200000) != 0;
    }

    /** PID, 13 bits. */
    public int pid() {
        return (header >>> 8) & 0x1FFF;
    }

    /** transport_scrambling_control, 2 bits. */
    public int transportScramblingControl() {
        return (header >>> 6) & 3;
    }

    /** adaptation_field_control, 2 bits. */
    public int adaptationFieldControl() {
        return (header >>> 4) & 3;
    }

    /** continuity_counter, 4 bits. */
    public int continuityCounter() {
        return header & 0xF;
    }

    /** The 4 header bytes as a record (allocates). */
    public TsPacketHeader header() {
        return new TsPacketHeader(transportErrorIndicator(), payloadUnitStartIndicator(), transportPriority(), pid(),
                transportScramblingControl(), adaptationFieldControl(), continuityCounter());
    }

    /** True when an adaptation field is present. */
    public boolean hasAdaptationField() {
        return afLength >= 0;
    }

    /** adaptation_field_length, or -1 when there is no adaptation field. */
    public int adaptationFieldLength() {
        return afLength;
    }

    /** discontinuity_indicator (false without adaptation field). */
    public boolean discontinuityIndicator() {
        return (afFlags & 0x80) != 0;
    }

    /** random_access_indicator (false without adaptation field). */
    public boolean randomAccessIndicator() {
        return (afFlags & 0x40) != 0;
    }

    /** elementary_stream_priority_indicator. */
    public boolean elementaryStreamPriorityIndicator() {
        return (afFlags & 0x20) != 0;
    }

    /** PCR_flag. */
    public boolean hasPcr() {
        return (afFlags & 0x10) != 0;
    }

    /** OPCR_flag. */
    public boolean hasOpcr() {
        return (afFlags & 0x08) != 0;
    }

    /** splicing_point_flag. */
    public boolean hasSpliceCountdown() {
        return (afFlags & 0x04) != 0;
    }

    /** program_clock_reference_base (33 bits, 90 kHz), or -1. */
    public long pcrBase() {
        return hasPcr() ? AdaptationField.clockBase(buf, at + 6) : -1;
    }

    /** program_clock_reference_extension (9 bits), or -1. */
    public int pcrExtension() {
        return hasPcr() ? AdaptationField.clockExtension(buf, at + 6) : -1;
    }

    /** The PCR in 27 MHz units (base × 300 + extension), or -1. */
    public long pcr27MHz() {
        return hasPcr() ? AdaptationField.clockBase(buf, at + 6) * 300 + AdaptationField.clockExtension(buf, at + 6) : -1;
    }

    /** original_program_clock_reference in 27 MHz units, or -1. */
    public long opcr27MHz() {
        if (!hasOpcr()) {
            return -1;
        }
        int i = at + 6 + (hasPcr() ? 6 : 0);
        return AdaptationField.clockBase(buf, i) * 300 + AdaptationField.clockExtension(buf, i);
    }

    /** splice_countdown (signed 8 bits), or 0 when absent (check {@link #hasSpliceCountdown()}). */
    public int spliceCountdown() {
        return hasSpliceCountdown() ? buf.get(at + 6 + (hasPcr() ? 6 : 0) + (hasOpcr() ? 6 : 0)) : 0;
    }

    /** Absolute index of the first payload byte in {@link #buffer()}. */
    public int payloadIndex() {
        return payloadStart;
    }

    /** Bytes of payload (0 when adaptation_field_control says none). */
    public int payloadLength() {
        return at + SIZE - payloadStart;
    }

    /** True when adaptation_field_control says a payload follows. */
    public boolean hasPayload() {
        return (header & 0x10) != 0;
    }

    /** The whole adaptation field as a record, or null (allocates). */
    public AdaptationField adaptationField() {
        return afLength < 0 ? null : AdaptationField.parse(buf, at + 4, offset + 4);
    }

    /** A copy of the 188 bytes. */
    public byte[] toByteArray() {
        byte[] copy = new byte[SIZE];
        buf.get(at, copy);
        return copy;
    }
}
