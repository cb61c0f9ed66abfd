package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Writes FLV files: the header with the first PreviousTagSize, then tags each followed by their
 * PreviousTagSize. Adobe FLV/F4V specification v10.1, Annex E.2 and E.3. Timestamps are written
 * with TimestampExtended, so values past 2^24 ms (4 h 39 min) are kept.
 *
 * <p>Each method writes at the buffer's position and moves it; a buffer that is too small throws
 * {@link java.nio.BufferOverflowException} before anything is written (sizes are checked first).
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class FlvWriter {
    private FlvWriter() {}

    /** Bytes {@link #writeHeader} writes: DataOffset + 4. */
    public static int headerSize(FlvHeader header) {
        return Math.toIntExact(header.dataOffset() + 4);
    }

    /** Bytes {@link #writeTag} writes for a body of {@code dataSize} bytes: 11 + dataSize + 4. */
    public static int tagSize(int dataSize) {
        return FlvTagHeader.LENGTH + dataSize + 4;
    }

    /** Writes the header, zero padding up to DataOffset, and PreviousTagSize0 (0). */
    public static void writeHeader(ByteBuffer out, FlvHeader header) {
        int size = headerSize(header);
        if (out.remaining() < size) {
            throw new java.nio.BufferOverflowException();
        }
        header.writeTo(out);
        for (long i = FlvHeader.LENGTH; i < header.dataOffset(); i++) {
            out.put((byte) 0);
        }
        BigEndian.putIntRelative(out, 0);
    }

    /**
     * Writes one tag (stream id 0, not encrypted) with the body's remaining bytes, and its
     * PreviousTagSize. The body's position is not changed.
     *
     * @throws IllegalArgumentException if the body is 16 MiB or more, or the type is not 0..31
     */
    public static void writeTag(ByteBuffer out, int tagType, int timestamp, ByteBuffer body) {
        writeTag(out, FlvTagHeader.of(tagType, body.remaining(), timestamp), body);
    }

    /** Writes a tag with an explicit header, whose DataSize must equal the body's remaining bytes. */
    public static void writeTag(ByteBuffer out, FlvTagHeader header, ByteBuffer body) {
        if (header.dataSize() != body.remaining()) {
            throw new IllegalArgumentException("DataSize " + header.dataSize() + " but the body has " + body.remaining()
                    + " bytes");
        }
        if (out.remaining() < header.tagSizeWithTrailer()) {
            throw new java.nio.BufferOverflowException();
        }
        header.writeTo(out);
        out.put(out.position(), body, body.position(), body.remaining());
        out.position(out.position() + body.remaining());
        BigEndian.putIntRelative(out, FlvTagHeader.LENGTH + header.dataSize());
    }
}
