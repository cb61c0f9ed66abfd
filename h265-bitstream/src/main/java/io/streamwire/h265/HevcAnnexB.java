package io.streamwire.h265;

import java.nio.ByteBuffer;
import java.util.ArrayList;
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
    /** The 4-byte start code, zero_byte + start_code_prefix_one_3bytes (§B.2). */
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private HevcAnnexB() {}

    /**
     * The NAL units of {@code stream[position, limit)} as slices (no copy) in order, as
     * {@link HevcAnnexBScanner} finds them. The position is unchanged. NAL unit headers are not
     * validated.
     */
    public static List<ByteBuffer> split(ByteBuffer stream) {
        List<ByteBuffer> nals = new ArrayList<>();
        HevcAnnexBScanner scanner = new HevcAnnexBScanner().reset(stream);
        while (scanner.next()) {
            nals.add(stream.slice(scanner.nalStart(), scanner.nalLength()));
        }
        return nals;
    }

    /**
     * Bytes {@link #write} needs: 4 per NAL unit plus the NAL units.
     *
     * @throws ArithmeticException if the total passes {@link Integer#MAX_VALUE}
     */
    public static int encodedSize(List<ByteBuffer> nals) {
        int size = 0;
        for (ByteBuffer nal : nals) {
            size = Math.addExact(size, Math.addExact(4, nal.remaining()));
        }
        return size;
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
        for (ByteBuffer nal : nals) {
            writeNal(nal, out);
        }
    }

    /** Writes one NAL unit after a 4-byte start code; see {@link #write}. */
    public static void writeNal(ByteBuffer nal, ByteBuffer out) {
        if (!nal.hasRemaining() || nal.get(nal.limit() - 1) == 0) {
            throw new IllegalArgumentException("a NAL unit must be non-empty and must not end in 0x00");
        }
        out.put(START_CODE);
        out.put(nal.duplicate());
    }

    /** The NAL units joined with 4-byte start codes, as a new array; see {@link #write}. */
    public static byte[] toByteArray(List<ByteBuffer> nals) {
        ByteBuffer out = ByteBuffer.allocate(encodedSize(nals));
        write(nals, out);
        return out.array();
    }
}
