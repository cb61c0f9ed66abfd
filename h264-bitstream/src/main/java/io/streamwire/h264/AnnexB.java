package io.streamwire.h264;

import io.streamwire.core.internal.AnnexBNals;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One-shot helpers for Annex B byte streams (ITU-T H.264 (08/2021) Annex B): splitting a whole
 * buffer into NAL units, and writing NAL units with start codes. For streams arriving in pieces use
 * {@link AnnexBDecoder}; for an allocation-free loop use {@link AnnexBScanner}.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class AnnexB {
    private AnnexB() {}

    /**
     * The NAL units of {@code stream[position, limit)} as slices (no copy) in order. The position is
     * unchanged.
     */
    public static List<ByteBuffer> split(ByteBuffer stream) {
        return AnnexBNals.split(stream);
    }

    /** Bytes {@link #write} needs: 4 per NAL unit plus the NAL units. */
    public static int encodedSize(List<ByteBuffer> nals) {
        return AnnexBNals.encodedSize(nals);
    }

    /**
     * Writes each NAL unit's remaining bytes after a 4-byte start code; moves {@code out}'s position,
     * leaves the NAL buffers' positions unchanged.
     *
     * @throws IllegalArgumentException for an empty NAL unit or one ending in 0x00 (Annex B cannot
     *     carry it: the zero would read as trailing_zero_8bits)
     */
    public static void write(List<ByteBuffer> nals, ByteBuffer out) {
        AnnexBNals.write(nals, out);
    }

    /** Writes one NAL unit after a 4-byte start code; see {@link #write}. */
    public static void writeNal(ByteBuffer nal, ByteBuffer out) {
        AnnexBNals.writeNal(nal, out);
    }

    /** The NAL units joined with 4-byte start codes, as a new array. */
    public static byte[] toByteArray(List<ByteBuffer> nals) {
        return AnnexBNals.toByteArray(nals);
    }
}
