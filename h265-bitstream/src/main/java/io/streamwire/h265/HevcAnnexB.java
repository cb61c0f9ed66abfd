package io.streamwire.h265;

import io.streamwire.core.internal.AnnexBNals;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One-shot helpers for HEVC Annex B byte streams (ITU-T H.265 (09/2023) Annex B): splitting a whole
 * buffer into NAL units, and writing NAL units with start codes. For streams arriving in pieces use
 * {@link HevcAnnexBDecoder}; for an allocation-free loop use {@link HevcAnnexBScanner}.
 *
 * <pre>{@code
 * for (ByteBuffer nal : HevcAnnexB.split(stream)) {
 *     HevcNalUnitHeader header = HevcNalUnitHeader.parse(nal.duplicate());
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2.0
 */
public final class HevcAnnexB {
    private HevcAnnexB() {}

    /**
     * The NAL units of {@code stream[position, limit)} as slices (no copy) in order, as
     * {@link HevcAnnexBScanner} finds them. The position is unchanged. NAL unit headers are not
     * validated.
     */
    public static List<ByteBuffer> split(ByteBuffer stream) {
        return AnnexBNals.split(stream);
    }

    /**
     * Bytes {@link #write} needs: 4 per NAL unit plus the NAL units.
     *
     * @throws ArithmeticException if the total passes {@link Integer#MAX_VALUE}
     */
    public static int encodedSize(List<ByteBuffer> nals) {
        return AnnexBNals.encodedSize(nals);
    }

    /**
     * Writes each NAL unit's remaining bytes after a 4-byte start code; moves {@code out}'s position,
     * leaves the NAL buffers' positions unchanged.
     *
     * @throws IllegalArgumentException for an empty NAL unit or one ending in 0x00 (Annex B cannot
     *     carry it: the zero would read as trailing_zero_8bits; §7.4.2 forbids it)
     * @throws java.nio.BufferOverflowException if {@code out} is too small
     */
    public static void write(List<ByteBuffer> nals, ByteBuffer out) {
        AnnexBNals.write(nals, out);
    }

    /** Writes one NAL unit after a 4-byte start code; see {@link #write}. */
    public static void writeNal(ByteBuffer nal, ByteBuffer out) {
        AnnexBNals.writeNal(nal, out);
    }

    /** The NAL units joined with 4-byte start codes, as a new array; see {@link #write}. */
    public static byte[] toByteArray(List<ByteBuffer> nals) {
        return AnnexBNals.toByteArray(nals);
    }
}
