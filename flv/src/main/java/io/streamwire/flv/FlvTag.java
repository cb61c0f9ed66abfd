package io.streamwire.flv;

import java.nio.ByteBuffer;

/**
 * One FLV tag as the {@link FlvDecoder} hands it out: a reused view whose header fields and body
 * are valid only during the listener call. Adobe FLV/F4V v10.1 §E.4.1; the header fields are
 * decoded as {@link FlvTagHeader} describes.
 *
 * <p>The body is the range {@link #bodyIndex()} .. {@code bodyIndex() + dataSize()} of
 * {@link #buffer()} (the caller's buffer, or the decoder's own when a tag crossed feeds), so it can
 * be read with absolute gets and no allocation; {@link #body()} returns a slice (one small object),
 * {@link #toByteArray()} a copy.
 *
 * <p>Not thread-safe: owned by its decoder.
 *
 * @since 0.1.0
 */
public final class FlvTag {
    /** The header word at byte 0 (Reserved, Filter, TagType, DataSize), decoded by {@link FlvTagHeader}'s accessors. */
    int typeSize;
    /**
     * The header's bytes 3 to 10 as one long (DataSize's last byte, Timestamp, TimestampExtended,
     * StreamID), decoded by {@link FlvTagHeader}'s accessors: one store per tag for both words.
     */
    long tail;
    long offset;
    ByteBuffer buffer;
    int bodyIndex;

    FlvTag() {}

    /**
     * Sets the header fields from the header's int at byte 0 and long at byte 3 (see
     * {@link FlvTagHeader}) and the stream offset of its first byte; the body fields are left alone.
     */
    void set(int typeSize, long tail, long tagOffset) {
        this.typeSize = typeSize;
        this.tail = tail;
        offset = tagOffset;
    }

    /** TagType: 8 audio, 9 video, 18 script data. */
    public int tagType() {
        return FlvTagHeader.tagType(typeSize);
    }

    /** Filter bit (encrypted body). */
    public boolean filter() {
        return FlvTagHeader.filter(typeSize);
    }

    /** DataSize: bytes of the body. */
    public int dataSize() {
        return FlvTagHeader.dataSize(typeSize);
    }

    /** Timestamp with TimestampExtended, SI32 milliseconds. */
    public int timestamp() {
        return FlvTagHeader.timestamp(FlvTagHeader.timestampWord(tail));
    }

    /** StreamID (0). */
    public int streamId() {
        return FlvTagHeader.streamId(FlvTagHeader.streamIdWord(tail));
    }

    /** Stream offset of the tag header's first byte. */
    public long offset() {
        return offset;
    }

    /**
     * The buffer holding the body; do not keep it. Not to be used in
     * {@link FlvDecoder.Listener#onTagHeader} (it may be null or not hold the body yet) nor in
     * {@link FlvDecoder.Listener#onTagFragment} (the fragment carries the bytes there).
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Absolute index of the body in {@link #buffer()}. */
    public int bodyIndex() {
        return bodyIndex;
    }

    /** A read-only slice of the body (valid during the listener call). */
    public ByteBuffer body() {
        return buffer.slice(bodyIndex, dataSize()).asReadOnlyBuffer();
    }

    /** A copy of the body. */
    public byte[] toByteArray() {
        byte[] copy = new byte[dataSize()];
        buffer.get(bodyIndex, copy);
        return copy;
    }

    /** The header as an immutable record. */
    public FlvTagHeader header() {
        return new FlvTagHeader(FlvTagHeader.reserved(typeSize), filter(), tagType(), dataSize(), timestamp(), streamId());
    }

    @Override
    public String toString() {
        return "FlvTag[type=" + tagType() + ", size=" + dataSize() + ", timestamp=" + timestamp() + ", offset=" + offset + "]";
    }
}
