package io.streamwire.h265;

import io.streamwire.core.internal.NalScanner;
import java.nio.ByteBuffer;

/**
 * Allocation-free NAL unit iteration over a complete HEVC Annex B byte stream held in one buffer
 * (ITU-T H.265 (09/2023) Annex B, §B.2): each {@link #next()} finds the next NAL unit and exposes
 * its absolute bounds in the buffer. Accepts 3- and 4-byte start codes, leading zero_bytes,
 * trailing_zero_8bits, bytes before the first start code (skipped) and a stream that ends without a
 * final start code. Empty NAL units (two start codes in a row) are skipped.
 *
 * <pre>{@code
 * HevcAnnexBScanner nals = new HevcAnnexBScanner().reset(stream);
 * while (nals.next()) {
 *     int type = nals.nalUnitType();
 * }
 * }</pre>
 *
 * <p>Reuse one scanner with {@link #reset(ByteBuffer)}: nothing is allocated per NAL unit. The
 * buffer's position and limit are read once at {@code reset} and never changed. The start-code
 * search is the one core shares between the H.264 and H.265 modules.
 *
 * <p>Not thread-safe.
 *
 * @implNote A NAL unit ends only at the next {@code 00 00 01}; zero bytes just before it are
 *     dropped as trailing_zero_8bits. §B.2 would also end it at {@code 00 00 00}, but real streams
 *     carry unescaped zero runs inside slice data, and ending there would silently drop the rest of
 *     the slice; like ffmpeg's parser, such runs are kept as data ({@link HevcAnnexBDecoder} reports
 *     them as {@link H265AnomalyKind#ZERO_RUN_IN_NAL_UNIT}).
 *
 * @since 0.2.0
 */
public final class HevcAnnexBScanner {
    private final NalScanner scanner = new NalScanner();

    /** A scanner with no buffer yet: call {@link #reset(ByteBuffer)} before {@link #next()}. */
    public HevcAnnexBScanner() {}

    /** Scans {@code stream[position, limit)} from the start. */
    public HevcAnnexBScanner reset(ByteBuffer stream) {
        scanner.reset(stream);
        return this;
    }

    /**
     * Moves to the next non-empty NAL unit; false at the end of the buffer.
     *
     * @throws IllegalStateException before the first {@link #reset(ByteBuffer)}
     */
    public boolean next() {
        return scanner.next();
    }

    /** Absolute index of the current NAL unit's first header byte. */
    public int nalStart() {
        return scanner.nalStart();
    }

    /** Absolute index just past the current NAL unit (trailing zero bytes excluded). */
    public int nalEnd() {
        return scanner.nalEnd();
    }

    /** Length of the current NAL unit in bytes (it may be 1: a header cut short). */
    public int nalLength() {
        return scanner.nalLength();
    }

    /** The current NAL unit's nal_unit_type (from its first byte, not validated). */
    public int nalUnitType() {
        return NalUnitType.fromHeaderByte(scanner.nalHeaderByte());
    }
}
