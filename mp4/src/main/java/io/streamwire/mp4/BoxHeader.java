package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * A box header, ISO/IEC 14496-12:2022 §4.2 ({@code Box} and the {@code largesize} / {@code usertype}
 * extensions):
 * <pre>
 * unsigned int(32) size;              // 1: largesize follows; 0: to the end of the file
 * unsigned int(32) type;
 * if (size == 1) unsigned int(64) largesize;
 * if (type == 'uuid') unsigned int(8)[16] usertype;
 * </pre>
 *
 * @param type the box type
 * @param size the whole box in bytes, header included; for a box with size 0 the size it was resolved
 *     to (its parent's end), or -1 for a top-level box that extends to the end of the input
 * @param headerSize 8, 16 with largesize, plus 16 with usertype
 * @param largeSize whether the 64-bit largesize form was used (kept when written back)
 * @param userType the extended type of a {@code uuid} box, or null
 * @param offset stream offset of the first byte of the header
 * @param depth 1 for a top-level box, 2 for its children, …
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record BoxHeader(BoxType type, long size, int headerSize, boolean largeSize, UUID userType, long offset, int depth) {
    /** ISO/IEC 14496-12:2022 §4.2. */
    static final String SPEC = "ISO/IEC 14496-12:2022 §4.2";

    /** Checks the components. */
    public BoxHeader {
        if (type == null || headerSize < 8 || (size >= 0 && size < headerSize) || size < -1 || depth < 1
                || (userType != null) != (type.value() == BoxType.UUID.value())) {
            throw new IllegalArgumentException("inconsistent box header: " + type + " size " + size + " header " + headerSize);
        }
    }

    /** Bytes after the header, or -1 when the box extends to the end of the input. */
    public long payloadSize() {
        return size < 0 ? -1 : size - headerSize;
    }

    /** Stream offset of the first payload byte. */
    public long payloadOffset() {
        return offset + headerSize;
    }

    /**
     * The header length that the bytes at {@code i} declare: 8, 16 or 24 or 32 (the uuid's 16
     * bytes included), or -1 when fewer than 8 bytes are available. Needs only the first 8 bytes.
     */
    static int peekHeaderSize(ByteBuffer b, int i, int lim) {
        if (lim - i < 8) {
            return -1;
        }
        int size = BigEndian.getInt(b, i);
        int type = BigEndian.getInt(b, i + 4);
        return 8 + (size == 1 ? 8 : 0) + (type == BoxType.UUID.value() ? 16 : 0);
    }

    /**
     * Reads the header at {@code i} (the caller made sure {@link #peekHeaderSize} bytes are there)
     * and checks it against its parent.
     *
     * @param parentEnd stream offset where the parent ends, or -1 (top level, input of unknown length)
     * @param offset stream offset of index {@code i}
     * @param path the box's path, for errors
     * @throws Mp4Exception for a size below the header or past the parent
     */
    static BoxHeader read(ByteBuffer b, int i, long offset, long parentEnd, int depth, String path) {
        long size = BigEndian.getUnsignedInt(b, i);
        BoxType type = new BoxType(BigEndian.getInt(b, i + 4));
        int headerSize = 8;
        boolean large = size == 1;
        if (large) {
            size = BigEndian.getLong(b, i + 8);
            headerSize = 16;
        }
        UUID user = null;
        if (type.value() == BoxType.UUID.value()) {
            user = new UUID(BigEndian.getLong(b, i + headerSize), BigEndian.getLong(b, i + headerSize + 8));
            headerSize += 16;
        }
        if (size == 0) {
            size = parentEnd < 0 ? -1 : parentEnd - offset;
        } else if (size < headerSize) {
            // a 64-bit largesize above 2^63 reads negative and lands here too
            throw new Mp4Exception(path, large ? "largesize" : "size", Long.toUnsignedString(size)
                    + " is below the header's " + headerSize + " bytes", offset, SPEC);
        }
        if (parentEnd >= 0 && size > parentEnd - offset) {
            throw new Mp4Exception(path, large ? "largesize" : "size", size + " runs past the end of the parent ("
                    + (parentEnd - offset) + " bytes remain)", offset, SPEC);
        }
        return new BoxHeader(type, size, headerSize, large, user, offset, depth);
    }

    /** Bytes {@link #write} puts down for a box of {@code payload} bytes. */
    static int headerSize(long payload, boolean largeSize, boolean uuid) {
        boolean large = largeSize || payload + 8 + (uuid ? 16 : 0) > 0xFFFF_FFFFL;
        return 8 + (large ? 8 : 0) + (uuid ? 16 : 0);
    }

    /**
     * Writes a header for a box of {@code payload} bytes: the 32-bit size, or largesize when asked
     * for or when the box is 2^32 bytes or more.
     */
    static void write(ByteBuffer out, BoxType type, UUID userType, long payload, boolean largeSize) {
        boolean uuid = type.value() == BoxType.UUID.value();
        int header = headerSize(payload, largeSize, uuid);
        long total = header + payload;
        if (header - (uuid ? 16 : 0) == 16) {
            BigEndian.putIntRelative(out, 1);
            BigEndian.putIntRelative(out, type.value());
            BigEndian.putLongRelative(out, total);
        } else {
            BigEndian.putIntRelative(out, (int) total);
            BigEndian.putIntRelative(out, type.value());
        }
        if (uuid) {
            if (userType == null) {
                throw new IllegalArgumentException("a uuid box needs a user type");
            }
            BigEndian.putLongRelative(out, userType.getMostSignificantBits());
            BigEndian.putLongRelative(out, userType.getLeastSignificantBits());
        }
    }
}
