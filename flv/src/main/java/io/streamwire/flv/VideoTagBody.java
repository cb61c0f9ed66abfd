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
 * <p>One view whichever form a codec came in: {@link #fourCc()}, {@link #videoPacketType()} (Enhanced
 * RTMP numbering) and {@link #track()} are the same for HEVC sent as Enhanced RTMP {@code hvc1} and as
 * legacy CodecID 12, and for AVC sent as legacy CodecID 7 and as Enhanced {@code avc1}:
 *
 * <pre>{@code
 * VideoTagBody video = VideoTagBody.parse(body);
 * if (FourCc.HVC1.equals(video.fourCc())) {
 *     switch (video.videoPacketType()) {
 *         case ExVideoData.SEQUENCE_START -> hvcC = video.track().data(); // HEVCDecoderConfigurationRecord
 *         case ExVideoData.CODED_FRAMES, ExVideoData.CODED_FRAMES_X -> decode(video.track().data(),
 *                 video.track().compositionTime()); // NAL units with 4-byte lengths
 *         default -> { } // SequenceEnd, Metadata, ...
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
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

    /**
     * The codec as an Enhanced RTMP FourCC: the (first) track's for {@link ExVideoData}; {@code avc1}
     * for legacy CodecID 7 and {@code hvc1} for legacy CodecID 12; null for Enhanced command frames
     * and legacy codecs without a FourCC. Agrees with {@link VideoData#peekFourCc}.
     *
     * @since 0.2.0
     */
    FourCc fourCc();

    /**
     * VideoPacketType in Enhanced RTMP numbering ({@link ExVideoData#SEQUENCE_START},
     * {@link ExVideoData#CODED_FRAMES}, ...); legacy AVC/HEVC AVCPacketType 0, 1, 2 map to
     * SequenceStart, CodedFrames, SequenceEnd (see {@link VideoData#videoPacketType()}). An
     * Enhanced command frame keeps the packet type of its header but has no track: check
     * {@link #fourCc()} or {@link #track()} first.
     *
     * @since 0.2.0
     */
    int videoPacketType();

    /**
     * The (first) track: FourCC, track id, composition time and payload slice (decoder configuration
     * record or coded frames); equal for the same frames in either form. Null for command frames and
     * legacy codecs without a FourCC.
     *
     * @since 0.2.0
     */
    VideoTrack track();

    /** Bytes {@link #writeTo} writes. */
    int encodedSize();

    /** Writes the body at the buffer's position and moves it. */
    void writeTo(ByteBuffer out);
}
