package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * The 11-byte FLV tag header: Adobe FLV/F4V specification v10.1, Annex E.4.1 "FLV Tag".
 *
 * <pre>
 * Reserved (2) | Filter (1) | TagType (5) | DataSize (24) | Timestamp (24) | TimestampExtended (8) | StreamID (24)
 * </pre>
 *
 * <p>This file is the one place where the header's layout is decoded: {@link #parse}, the
 * {@link FlvDecoder} (its byte-at-a-time state machine and its whole-buffer scan) and the scan's
 * multi-chain look-ahead all read the header as three big-endian words, at bytes 0
 * ({@code TagType byte | DataSize}), 4 ({@code Timestamp | TimestampExtended}) and 7
 * ({@code TimestampExtended | StreamID}), through the package-private accessors below.
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

    /** Header byte of the word that holds {@code TagType byte | DataSize}. */
    static final int WORD_TYPE_SIZE = 0;
    /** Header byte of the word that holds {@code Timestamp | TimestampExtended}. */
    static final int WORD_TIMESTAMP = 4;
    /** Header byte of the word that holds {@code TimestampExtended | StreamID}. */
    static final int WORD_STREAM_ID = 7;
    /**
     * Header byte of the long that holds bytes 3..10, {@code DataSize low byte | Timestamp |
     * TimestampExtended | StreamID}: its high 40 bits shifted by 24 are the {@link #WORD_TIMESTAMP}
     * word and its low 32 bits the {@link #WORD_STREAM_ID} word (one read for both).
     */
    static final int LONG_TIMESTAMP_STREAM_ID = 3;

    /**
     * Bit {@code b} is set for each plausible first header byte {@code b} below 64 (Reserved bits
     * zero): TagType 8, 9 or 18, with or without the Filter bit (0x20).
     */
    private static final long PLAUSIBLE_TYPE_BYTES = 0x0004_0300_0004_0300L;

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
     * @throws io.streamwire.core.TruncatedInputException if fewer than 11 bytes remain (position unchanged)
     */
    public static FlvTagHeader parse(ByteBuffer in) {
        int at = in.position();
        if (in.remaining() < LENGTH) {
            throw FlvException.truncated("flv tag header", LENGTH, in.remaining(), at, SPEC);
        }
        int typeSize = BigEndian.getInt(in, at + WORD_TYPE_SIZE);
        FlvTagHeader h = new FlvTagHeader(reserved(typeSize), filter(typeSize), tagType(typeSize), dataSize(typeSize),
                timestamp(BigEndian.getInt(in, at + WORD_TIMESTAMP)), streamId(BigEndian.getInt(in, at + WORD_STREAM_ID)));
        in.position(at + LENGTH);
        return h;
    }

    /** Writes the 11 bytes at the buffer's position and moves the position. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) (reserved << 6 | (filter ? 0x20 : 0) | tagType));
        BigEndian.putMediumRelative(out, dataSize);
        BigEndian.putMediumRelative(out, timestamp & 0xFF_FFFF);
        out.put((byte) (timestamp >>> 24));
        BigEndian.putMediumRelative(out, streamId);
    }

    // ---- the layout, for the readers of this package (one word read per group of fields)

    /** The big-endian int at index {@code i} of {@code b}, through its array {@code a} (offset {@code base}) when it has one. */
    static int word(byte[] a, int base, ByteBuffer b, int i) {
        return a != null ? BigEndian.getInt(a, base + i) : BigEndian.getInt(b, i);
    }

    /** The big-endian long at index {@code i} of {@code b}, as {@link #word}. */
    static long longWord(byte[] a, int base, ByteBuffer b, int i) {
        return a != null ? BigEndian.getLong(a, base + i) : BigEndian.getLong(b, i);
    }

    /** The {@link #WORD_TIMESTAMP} word, from the long at {@link #LONG_TIMESTAMP_STREAM_ID}. */
    static int timestampWord(long tail) {
        return (int) (tail >>> 24);
    }

    /** The {@link #WORD_STREAM_ID} word, from the long at {@link #LONG_TIMESTAMP_STREAM_ID}. */
    static int streamIdWord(long tail) {
        return (int) tail;
    }

    /** Reserved, from the word at {@link #WORD_TYPE_SIZE}. */
    static int reserved(int typeSize) {
        return typeSize >>> 30;
    }

    /** Filter, from the word at {@link #WORD_TYPE_SIZE}. */
    static boolean filter(int typeSize) {
        return (typeSize & 0x2000_0000) != 0;
    }

    /** TagType, from the word at {@link #WORD_TYPE_SIZE}. */
    static int tagType(int typeSize) {
        return typeSize >>> 24 & 0x1F;
    }

    /** DataSize, from the word at {@link #WORD_TYPE_SIZE}. */
    static int dataSize(int typeSize) {
        return typeSize & 0xFF_FFFF;
    }

    /** Timestamp with TimestampExtended as its upper 8 bits (SI32), from the word at {@link #WORD_TIMESTAMP}. */
    static int timestamp(int timestampWord) {
        return Integer.rotateRight(timestampWord, 8);
    }

    /** StreamID, from the word at {@link #WORD_STREAM_ID}. */
    static int streamId(int streamIdWord) {
        return streamIdWord & 0xFF_FFFF;
    }

    /**
     * Whether the first header byte (Reserved, Filter, TagType) is plausible: Reserved bits 0 and
     * TagType 8, 9 or 18. No branch on the type (audio and video tags interleave irregularly).
     */
    static boolean plausibleTypeByte(int typeSize) {
        int b0 = typeSize >>> 24;
        return (b0 & 0xC0) == 0 & (PLAUSIBLE_TYPE_BYTES >>> b0 & 1) != 0;
    }

    /** Whether a header is plausible: {@link #plausibleTypeByte} and StreamID 0. Branch-free. */
    static boolean plausible(int typeSize, int streamIdWord) {
        int b0 = typeSize >>> 24;
        return ((b0 & 0xC0) | (streamIdWord & 0xFF_FFFF)) == 0 & (PLAUSIBLE_TYPE_BYTES >>> b0 & 1) != 0;
    }

    /**
     * Whether {@code previousTagSize} closes a tag of {@code dataSize}: 11 + DataSize (§E.3), or
     * 15 + DataSize, as Red5 writes it (counting the field itself). Both are accepted when
     * confirming a resynchronisation candidate.
     */
    static boolean closes(int previousTagSize, int dataSize) {
        return previousTagSize == LENGTH + dataSize | previousTagSize == LENGTH + 4 + dataSize;
    }

    /** The error for an implausible header (strict mode): the first of TagType, Reserved and StreamID at fault. */
    static FlvException implausible(int typeSize, int streamIdWord, long offset) {
        int type = tagType(typeSize);
        if (type != AUDIO && type != VIDEO && type != SCRIPT_DATA) {
            return new FlvException("flv TagType", type + " is not 8, 9 or 18", offset, SPEC);
        }
        if (reserved(typeSize) != 0) {
            return new FlvException("flv tag Reserved", "bits are " + reserved(typeSize) + " (expected 0)", offset, SPEC);
        }
        return new FlvException("flv StreamID", streamId(streamIdWord) + " is not 0", offset + 8, SPEC);
    }
}
