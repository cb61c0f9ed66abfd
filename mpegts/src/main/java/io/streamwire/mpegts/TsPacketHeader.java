package io.streamwire.mpegts;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.internal.TsErrors;
import java.nio.ByteBuffer;

/**
 * The 4-byte header of a transport packet: ISO/IEC 13818-1:2019 §2.4.3.2, Table 2-2.
 *
 * <pre>
 * SSSSSSSS EPTIIIII IIIIIIII CCAAKKKK
 * S sync_byte (8, 0x47)   E transport_error_indicator (1)
 * P payload_unit_start_indicator (1)   T transport_priority (1)   I PID (13)
 * C transport_scrambling_control (2)   A adaptation_field_control (2)   K continuity_counter (4)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param transportErrorIndicator transport_error_indicator, 1 bit
 * @param payloadUnitStartIndicator payload_unit_start_indicator, 1 bit
 * @param transportPriority transport_priority, 1 bit
 * @param pid PID, 13 bits, 0..8191
 * @param transportScramblingControl transport_scrambling_control, 2 bits
 * @param adaptationFieldControl adaptation_field_control, 2 bits (0 is reserved but kept)
 * @param continuityCounter continuity_counter, 4 bits
 *
 * @since 0.1.0
 */
public record TsPacketHeader(
        boolean transportErrorIndicator,
        boolean payloadUnitStartIndicator,
        boolean transportPriority,
        int pid,
        int transportScramblingControl,
        int adaptationFieldControl,
        int continuityCounter) {

    /** The sync_byte value. */
    public static final int SYNC_BYTE = 0x47;
    /** Bytes in the header. */
    public static final int LENGTH = 4;

    /** Checks the bit widths. */
    public TsPacketHeader {
        if (pid >>> 13 != 0 || transportScramblingControl >>> 2 != 0 || adaptationFieldControl >>> 2 != 0
                || continuityCounter >>> 4 != 0) {
            throw new IllegalArgumentException("TS header field out of range: pid " + pid + ", scrambling "
                    + transportScramblingControl + ", afc " + adaptationFieldControl + ", cc " + continuityCounter);
        }
    }

    /**
     * Parses the 4 header bytes at the buffer's position and moves the position past them.
     *
     * @throws io.streamwire.core.TruncatedInputException if fewer than 4 bytes remain (position unchanged)
     * @throws TsException if the sync byte is not 0x47 (position unchanged)
     */
    public static TsPacketHeader parse(ByteBuffer in) {
        int at = in.position();
        if (in.remaining() < LENGTH) {
            throw TsErrors.truncated("transport_packet", "needs 4 bytes, " + in.remaining() + " remain", at, "ISO/IEC 13818-1 §2.4.3.2");
        }
        int word = BigEndian.getInt(in, at);
        if (word >>> 24 != SYNC_BYTE) {
            throw new TsException("sync_byte", String.format("0x%02X is not 0x47", word >>> 24), at, "ISO/IEC 13818-1 §2.4.3.3");
        }
        in.position(at + LENGTH);
        return new TsPacketHeader((word & 0x800000) != 0, (word & 0x400000) != 0, (word & 0x200000) != 0,
                (word >>> 8) & 0x1FFF, (word >>> 6) & 3, (word >>> 4) & 3, word & 0xF);
    }

    /** Writes the 4 header bytes at the buffer's position and moves the position past them. */
    public void writeTo(ByteBuffer out) {
        BigEndian.putIntRelative(out, SYNC_BYTE << 24 | (transportErrorIndicator ? 0x800000 : 0) | (payloadUnitStartIndicator ? 0x400000 : 0)
                | (transportPriority ? 0x200000 : 0) | pid << 8 | transportScramblingControl << 6
                | adaptationFieldControl << 4 | continuityCounter);
    }

    /** True when adaptation_field_control says an adaptation field follows (2 or 3). */
    public boolean hasAdaptationField() {
        return (adaptationFieldControl & 2) != 0;
    }

    /** True when adaptation_field_control says a payload follows (1 or 3). */
    public boolean hasPayload() {
        return (adaptationFieldControl & 1) != 0;
    }
}
