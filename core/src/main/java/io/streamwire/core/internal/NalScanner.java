package io.streamwire.core.internal;

import java.nio.ByteBuffer;

/**
 * Allocation-free NAL unit iteration over a complete Annex B byte stream held in one buffer (ITU-T
 * H.264 (08/2021) §B.2 and ITU-T H.265 (09/2023) §B.2 frame NAL units the same way; one
 * implementation for both): each {@link #next()} finds the next NAL unit and exposes its absolute
 * bounds in the buffer. Accepts 3- and 4-byte start codes, leading zero_bytes, trailing_zero_8bits,
 * bytes before the first start code (skipped) and a stream that ends without a final start code.
 * Empty NAL units (two start codes in a row) are skipped. The search is {@link StartCodes#find}.
 *
 * <p>A NAL unit ends only at the next {@code 00 00 01}; zero bytes just before it are dropped as
 * trailing_zero_8bits. §B.2 would also end it at {@code 00 00 00}, but real streams carry unescaped
 * zero runs inside slices, and ending there would silently drop the rest of the slice; like mp4ff
 * and ffmpeg's parsers, such runs are kept as data (the codec modules' public scanners document it).
 *
 * <p>Exported to Streamwire modules only; not public API. Not thread-safe.
 */
public final class NalScanner {
    private ByteBuffer buf;
    private byte[] array;
    private int base;
    private int cursor;
    private int limit;
    private int nalStart = -1;
    private int nalEnd = -1;
    /**
     * True when {@link #cursor} is at a start code found while ending the previous NAL unit, so
     * that {@link #next} does not scan for it again (one scan per NAL unit instead of two).
     */
    private boolean atStartCode;

    /** A scanner with no buffer yet: call {@link #reset(ByteBuffer)} before {@link #next()}. */
    public NalScanner() {}

    /** Scans {@code stream[position, limit)} from the start; the buffer's position and limit are read once. */
    public NalScanner reset(ByteBuffer stream) {
        this.buf = stream;
        this.array = stream.hasArray() ? stream.array() : null;
        this.base = stream.hasArray() ? stream.arrayOffset() : 0;
        this.cursor = stream.position();
        this.limit = stream.limit();
        this.nalStart = -1;
        this.nalEnd = -1;
        this.atStartCode = false;
        return this;
    }

    private int find(int from) {
        if (array != null) {
            int r = StartCodes.find(array, base + from, base + limit);
            return r < 0 ? -1 : r - base;
        }
        return StartCodes.find(buf, from, limit);
    }

    /** The byte at absolute index {@code i}, 0..255. */
    public int byteAt(int i) {
        return array != null ? array[base + i] & 0xFF : buf.get(i) & 0xFF;
    }

    /** Moves to the next non-empty NAL unit; false at the end of the buffer. */
    public boolean next() {
        if (buf == null) {
            throw new IllegalStateException("reset(ByteBuffer) first");
        }
        while (true) {
            int j = atStartCode ? cursor : find(cursor);
            if (j < 0) {
                cursor = limit;
                return false;
            }
            int start = j + 3;
            int k = find(start);
            int end = k < 0 ? limit : k;
            while (end > start && byteAt(end - 1) == 0) {
                end--; // trailing_zero_8bits, or the zero_byte of a 4-byte start code
            }
            cursor = k < 0 ? limit : k;
            atStartCode = k >= 0;
            if (end > start) {
                nalStart = start;
                nalEnd = end;
                return true;
            }
        }
    }

    /** Absolute index of the current NAL unit's first header byte. */
    public int nalStart() {
        return nalStart;
    }

    /** Absolute index just past the current NAL unit (trailing zero bytes excluded). */
    public int nalEnd() {
        return nalEnd;
    }

    /** Length of the current NAL unit in bytes. */
    public int nalLength() {
        return nalEnd - nalStart;
    }

    /** The current NAL unit's first header byte. */
    public int nalHeaderByte() {
        return byteAt(nalStart);
    }
}
