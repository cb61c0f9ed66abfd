package io.streamwire.core.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One-shot Annex B work for the codec modules (ITU-T H.264 (08/2021) §B.2 and ITU-T H.265 (09/2023)
 * §B.2 frame NAL units the same way; one implementation for both): a whole buffer split into NAL
 * units with {@link NalScanner}, and NAL units written after 4-byte start codes. The modules' public
 * {@code AnnexB} and {@code HevcAnnexB} classes delegate here.
 *
 * <p>Exported to Streamwire modules only; not public API. Stateless and thread-safe.
 */
public final class AnnexBNals {
    /** The 4-byte start code, zero_byte + start_code_prefix_one_3bytes. */
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexBNals() {}

    /**
     * The NAL units of {@code stream[position, limit)} as slices (no copy) in order, as
     * {@link NalScanner} finds them; the position is unchanged.
     *
     * @param stream the Annex B byte stream
     * @return the NAL units, a new mutable list
     */
    public static List<ByteBuffer> split(ByteBuffer stream) {
        List<ByteBuffer> nals = new ArrayList<>();
        NalScanner scanner = new NalScanner().reset(stream);
        while (scanner.next()) {
            nals.add(stream.slice(scanner.nalStart(), scanner.nalLength()));
        }
        return nals;
    }

    /**
     * Bytes {@link #write} needs: 4 per NAL unit plus the NAL units' remaining bytes.
     *
     * @param nals the NAL units
     * @return the size in bytes
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
     * Writes each NAL unit's remaining bytes after a 4-byte start code; moves {@code out}'s position
     * and leaves the NAL buffers' positions unchanged.
     *
     * @param nals the NAL units
     * @param out where they go
     * @throws IllegalArgumentException for an empty NAL unit or one ending in 0x00
     * @throws java.nio.BufferOverflowException if {@code out} is too small
     */
    public static void write(List<ByteBuffer> nals, ByteBuffer out) {
        for (ByteBuffer nal : nals) {
            writeNal(nal, out);
        }
    }

    /**
     * Writes one NAL unit after a 4-byte start code, as {@link #write}.
     *
     * @param nal the NAL unit, position to limit
     * @param out where it goes
     * @throws IllegalArgumentException if it is empty or ends in 0x00 (Annex B cannot carry it: the
     *     zero would read as trailing_zero_8bits)
     */
    public static void writeNal(ByteBuffer nal, ByteBuffer out) {
        if (!nal.hasRemaining() || nal.get(nal.limit() - 1) == 0) {
            throw new IllegalArgumentException("a NAL unit must be non-empty and must not end in 0x00");
        }
        out.put(START_CODE);
        out.put(nal.duplicate());
    }

    /**
     * The NAL units joined with 4-byte start codes, as a new array.
     *
     * @param nals the NAL units
     * @return {@link #encodedSize} bytes
     * @throws IllegalArgumentException as {@link #write}
     */
    public static byte[] toByteArray(List<ByteBuffer> nals) {
        ByteBuffer out = ByteBuffer.allocate(encodedSize(nals));
        write(nals, out);
        return out.array();
    }
}
