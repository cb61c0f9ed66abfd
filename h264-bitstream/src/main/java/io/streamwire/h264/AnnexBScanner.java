package io.streamwire.h264;

import io.streamwire.core.internal.NalScanner;
import java.nio.ByteBuffer;

/**
 * Allocation-free splitter for a complete Annex B byte stream held in one buffer (ITU-T H.264
 * (08/2021) Annex B, §B.2): each {@link #next()} finds the next NAL unit and exposes its absolute
 * bounds in the buffer. Accepts 3- and 4-byte start codes, leading zero_bytes, trailing_zero_8bits,
 * bytes before the first start code (skipped) and a stream that ends without a final start code.
 * Empty NAL units (two start codes in a row) are skipped.
 *
 * <pre>{@code
 * AnnexBScanner nals = new AnnexBScanner().reset(stream);
 * while (nals.next()) {
 *     int type = stream.get(nals.nalStart()) & 0x1F;
 * }
 * }</pre>
 *
 * <p>Reuse one scanner with {@link #reset(ByteBuffer)}: nothing is allocated per NAL unit. The
 * buffer's position and limit are read once at {@code reset} and never changed.
 *
 * <p>The scan is core's shared Annex B scanner, the same for H.264 and H.265.
 *
 * <p>Not thread-safe.
 *
 * @implNote A NAL unit ends only at the next {@code 00 00 01}; zero bytes just before it are
 *     dropped as trailing_zero_8bits. §B.2 would also end it at {@code 00 00 00}, but real streams
 *     (e.g. mp4ff's {@code 4pics.264}) carry unescaped zero runs inside slices, and ending there
 *     would silently drop the rest of the slice; like mp4ff and ffmpeg's parser, such runs are kept
 *     as data ({@link AnnexBDecoder} reports them as an anomaly).
 *
 * @since 0.1.0
 */
public final class AnnexBScanner {
    private final NalScanner scanner = new NalScanner();

    /** A scanner with no buffer yet: call {@link #reset(ByteBuffer)} before {@link #next()}. */
    public AnnexBScanner() {}

    /** Scans {@code stream[position, limit)} from the start. */
    public AnnexBScanner reset(ByteBuffer stream) {
        scanner.reset(stream);
        return this;
    }

    /** Moves to the next non-empty NAL unit; false at the end of the buffer. */
    public boolean next() {
        return scanner.next();
    }

    /** Absolute index of the current NAL unit's header byte. */
    public int nalStart() {
        return scanner.nalStart();
    }

    /** Absolute index just past the current NAL unit (trailing zero bytes excluded). */
    public int nalEnd() {
        return scanner.nalEnd();
    }

    /** Length of the current NAL unit in bytes. */
    public int nalLength() {
        return scanner.nalLength();
    }

    /** The current NAL unit's header byte. */
    public int nalHeaderByte() {
        return scanner.nalHeaderByte();
    }
}
