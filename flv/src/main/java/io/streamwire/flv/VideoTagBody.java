package io.streamwire.flv;

import java.nio.ByteBuffer;

/**
 * The body of a video tag or RTMP video message (type 9): legacy VIDEODATA ({@link VideoData},
 * Adobe FLV/F4V v10.1 §E.4.3) or the Enhanced RTMP ExVideoTagHeader form ({@link ExVideoData},
 * IsExHeader bit set).
 *
 * <p>Implementations are immutable records whose payloads are read-only slices of the parsed
 * buffer.
 *
 * @since 0.1.0
 */
public sealed interface VideoTagBody permits VideoData, ExVideoData {
    /** FrameType key frame. */
    int KEY_FRAME = 1;
    /** FrameType inter frame. */
    int INTER_FRAME = 2;
    /** FrameType disposable inter frame (H.263). */
    int DISPOSABLE_INTER_FRAME = 3;
    /** FrameType generated key frame (server use). */
    int GENERATED_KEY_FRAME = 4;
    /** FrameType video info / command frame. */
    int COMMAND_FRAME = 5;

    /**
     * Parses the body from the buffer's position to its limit and moves the position to the limit.
     *
     * @throws FlvException if a reserved multitrack type is used (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if the body is empty or cut short (position unchanged)
     */
    static VideoTagBody parse(ByteBuffer in) {
        if (!in.hasRemaining()) {
            throw FlvException.truncated("video FrameType", 1, 0, in.position(), VideoData.SPEC);
        }
        return (in.get(in.position()) & 0x80) != 0 ? ExVideoData.parse(in) : VideoData.parse(in);
    }

    /** FrameType (1 key, 2 inter, 3 disposable, 4 generated key, 5 command). */
    int frameType();

    /** Whether FrameType is 1 (key frame) or 4 (generated key frame). */
    default boolean isKeyFrame() {
        return frameType() == KEY_FRAME || frameType() == GENERATED_KEY_FRAME;
    }

    /** Bytes {@link #writeTo} writes. */
    int encodedSize();

    /** Writes the body at the buffer's position and moves it. */
    void writeTo(ByteBuffer out);
}
