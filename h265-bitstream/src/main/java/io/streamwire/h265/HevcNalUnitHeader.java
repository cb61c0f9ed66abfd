package io.streamwire.h265;

import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;

/**
 * The two-byte HEVC NAL unit header: ITU-T H.265 (09/2023) §7.3.1.2, semantics §7.4.2.2.
 *
 * <pre>
 * F TTTTTT LLLLLL III
 * F forbidden_zero_bit (1) = 0   T nal_unit_type (6)   L nuh_layer_id (6)   I nuh_temporal_id_plus1 (3) != 0
 * </pre>
 *
 * <p>forbidden_zero_bit is not a component: it must be 0 (§7.4.2.2), {@link #parse} refuses a 1 and
 * {@link #writeTo} writes 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param nalUnitType nal_unit_type, 6 bits, 0..63; reserved and unspecified values (Table 7-1) are
 *     kept as they are, see {@link NalUnitType}
 * @param nuhLayerId nuh_layer_id, 6 bits, 0..63 (0 for single-layer streams; 63 is reserved)
 * @param nuhTemporalIdPlus1 nuh_temporal_id_plus1, 3 bits, 1..7
 *
 * @since 0.2.0
 */
public record HevcNalUnitHeader(int nalUnitType, int nuhLayerId, int nuhTemporalIdPlus1) {
    private static final String SPEC = "ITU-T H.265 (09/2023) §7.4.2.2";

    /** Checks the bit widths and that nuh_temporal_id_plus1 is not 0. */
    public HevcNalUnitHeader {
        if (nalUnitType >>> 6 != 0 || nuhLayerId >>> 6 != 0 || nuhTemporalIdPlus1 < 1 || nuhTemporalIdPlus1 > 7) {
            throw new IllegalArgumentException("NAL unit header fields out of range: " + nalUnitType + ", " + nuhLayerId
                    + ", " + nuhTemporalIdPlus1);
        }
    }

    /**
     * Parses the header at the buffer's position; on success moves the position past its two bytes,
     * on failure leaves it unchanged. Offsets in errors are buffer indices.
     *
     * @throws H265Exception if forbidden_zero_bit is 1 or nuh_temporal_id_plus1 is 0
     * @throws TruncatedInputException if fewer than 2 bytes remain
     */
    public static HevcNalUnitHeader parse(ByteBuffer in) {
        int p = in.position();
        HevcNalUnitHeader h = parse(in, p, p);
        in.position(p + 2);
        return h;
    }

    /**
     * Parses the header at absolute index {@code at} without moving the buffer's position.
     *
     * @param offset the stream offset of {@code buf[at]}, for errors
     * @throws H265Exception if forbidden_zero_bit is 1 or nuh_temporal_id_plus1 is 0
     * @throws TruncatedInputException if fewer than 2 bytes are left before the limit
     */
    public static HevcNalUnitHeader parse(ByteBuffer buf, int at, long offset) {
        if (buf.limit() - at < 2) {
            throw new TruncatedInputException(H265Exception.MODULE, "nal_unit_header",
                    "needs 2 bytes, " + Math.max(0, buf.limit() - at) + " remain", offset, "ITU-T H.265 (09/2023) §7.3.1.2");
        }
        int b0 = buf.get(at) & 0xFF;
        int b1 = buf.get(at + 1) & 0xFF;
        if (b0 >>> 7 != 0) {
            throw new H265Exception("nal_unit_header forbidden_zero_bit", "is 1 (expected: 0)", offset, SPEC);
        }
        if ((b1 & 7) == 0) {
            throw new H265Exception("nal_unit_header nuh_temporal_id_plus1", "0 is not allowed (expected: 1..7)",
                    offset + 1, SPEC);
        }
        return new HevcNalUnitHeader(b0 >>> 1 & 0x3F, (b0 & 1) << 5 | b1 >>> 3, b1 & 7);
    }

    /** The header as a 16-bit value, first byte high: 0..0x7FFF. */
    public int toShort() {
        return nalUnitType << 9 | nuhLayerId << 3 | nuhTemporalIdPlus1;
    }

    /** Writes the two header bytes at the buffer's position and moves the position past them. */
    public void writeTo(ByteBuffer out) {
        int v = toShort();
        out.put((byte) (v >>> 8)).put((byte) v);
    }

    /** TemporalId = nuh_temporal_id_plus1 - 1 (§7.4.2.2), 0..6. */
    public int temporalId() {
        return nuhTemporalIdPlus1 - 1;
    }

    /** {@link NalUnitType#isVcl} of the type. */
    public boolean isVcl() {
        return NalUnitType.isVcl(nalUnitType);
    }

    /** {@link NalUnitType#isIrap} of the type. */
    public boolean isIrap() {
        return NalUnitType.isIrap(nalUnitType);
    }

    /** True unless Table 7-1 leaves the type reserved or unspecified. */
    public boolean isKnownType() {
        return !NalUnitType.isReserved(nalUnitType) && !NalUnitType.isUnspecified(nalUnitType);
    }
}
