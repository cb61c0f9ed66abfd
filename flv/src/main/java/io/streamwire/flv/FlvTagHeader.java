package io.streamwire.flv;

import java.nio.ByteBuffer;

/**
 * The 11-byte FLV tag header: Adobe FLV/F4V specification v10.1, Annex E.4.1 "FLV Tag".
 *
 * <pre>
 * Reserved (2) | Filter (1) | TagType (5) | DataSize (24) | Timestamp (24) | TimestampExtended (8) | StreamID (24)
 * </pre>
 *
 * @param reserved the two reserved bits (0 in valid files), kept for round trips
 * @param filter Filter: the body is encrypted (F4V DRM), 1 bit
 * @param tagType TagType, 5 bits: 8 audio, 9 video, 18 script data
 * @param dataSize DataSize, 24 bits: bytes of the body after this header
 * @param timestamp Timestamp and TimestampExtended as one SI32 in milliseconds (TimestampExtended
 *     is the upper 8 bits), so values past 2^24 ms (4 h 39 min) survive
 * @param streamId StreamID, 24 bits, always 0 in files
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record FlvTagHeader(int reserved, boolean filter, int tagType, int dataSize, int timestamp, int streamId) {
    /** Bytes of a tag header. */
    public static final int LENGTH = 11;
    /** TagType of AUDIODATA. */
    public static final int AUDIO = 8;
    /** TagType of VIDEODATA. */
    public static final int VIDEO = 9;
    /** TagType of SCRIPTDATA. */
    public static final int SCRIPT_DATA = 18;

    static final String SPEC = "Adobe FLV/F4V v10.1 §E.4.1";

    /** Checks ranges. */
    public FlvTagHeader {
        if (reserved >>> 2 != 0 || tagType >>> 5 != 0 || dataSize >>> 24 != 0 || streamId >>> 24 != 0) {
            throw new IllegalArgumentException("FLV tag header out of range: reserved " + reserved + ", type " + tagType
                    + ", size " + dataSize + ", stream id " + streamId);
        }
    }

    /** An unencrypted tag header with stream id 0. */
    public static FlvTagHeader of(int tagType, int dataSize, int timestamp) {
        return new FlvTagHeader(0, false, tagType, dataSize, timestamp, 0);
    }

    /** Whether the type is audio, video or script data. */
    public boolean isKnownType() {
        return tagType == AUDIO || tagType == VIDEO || tagType == SCRIPT_DATA;
    }

    /** Timestamp as an unsigned number of milliseconds (for files past 24.8 days). */
    public long timestampUnsigned() {
        return Integer.toUnsignedLong(timestamp);
    }

    /** Bytes of the whole tag with its trailing PreviousTagSize: 11 + DataSize + 4. */
    public int tagSizeWithTrailer() {
        return LENGTH + dataSize + 4;
    }

    /**
     * Parses the 11 bytes at the buffer's position and moves the position past them.
     *
     * @throws FlvTruncatedInputException if fewer than 11 bytes remain (position unchanged)
     */
    public static FlvTagHeader parse(ByteBuffer in) {
        int at = in.position();
        if (in.remaining() < LENGTH) {
            throw new FlvTruncatedInputException("flv tag header", LENGTH, in.remaining(), at, SPEC);
        }
        FlvTagHeader h = get(in, at);
        in.position(at + LENGTH);
        return h;
    }

    /** Reads the header at absolute {@code index} (11 bytes must be there); does not move the position. */
    static FlvTagHeader get(ByteBuffer in, int index) {
        int b0 = in.get(index) & 0xFF;
        return new FlvTagHeader(b0 >>> 6, (b0 & 0x20) != 0, b0 & 0x1F, medium(in, index + 1),
                medium(in, index + 4) | (in.get(index + 7) & 0xFF) << 24, medium(in, index + 8));
    }

    static int medium(ByteBuffer in, int index) {
        return (in.get(index) & 0xFF) << 16 | (in.get(index + 1) & 0xFF) << 8 | in.get(index + 2) & 0xFF;
    }

    /** Writes the 11 bytes at the buffer's position and moves the position. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) (reserved << 6 | (filter ? 0x20 : 0) | tagType));
        putMedium(out, dataSize);
        putMedium(out, timestamp & 0xFF_FFFF);
        out.put((byte) (timestamp >>> 24));
        putMedium(out, streamId);
    }

    static void putMedium(ByteBuffer out, int v) {
        out.put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }
}
