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
 * <p>HEVC video goes out as Enhanced RTMP {@code hvc1} (veovera Enhanced RTMP v1/v2, "Enhanced
 * Video") by default, or, opted in with {@link HevcForm#LEGACY_CODEC_ID_12}, as legacy VIDEODATA
 * with the de-facto CodecID 12 (see {@link VideoData}) for CDNs and players that predate Enhanced
 * RTMP. Both forms parse to the same {@link VideoTagBody#track()}:
 *
 * <pre>{@code
 * VideoTagBody key = FlvWriter.hevc(HevcForm.LEGACY_CODEC_ID_12, VideoTagBody.KEY_FRAME,
 *         ExVideoData.CODED_FRAMES, compositionTimeMs, lengthPrefixedNalUnits);
 * FlvWriter.writeVideoTag(out, timestampMs, key);
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class FlvWriter {
    private FlvWriter() {}

    /**
     * How HEVC is signalled in a video tag body.
     *
     * <p>Immutable and thread-safe.
     *
     * @since 0.2.0
     */
    public enum HevcForm {
        /** Enhanced RTMP ExVideoTagHeader with FourCC {@code hvc1} (the default). */
        ENHANCED_HVC1,
        /**
         * Legacy VIDEODATA with CodecID 12, AVCPacketType and CompositionTime (de facto: SRS,
         * CDN-Union/H265): no Metadata, MPEG2TSSequenceStart, multitrack or ModEx.
         */
        LEGACY_CODEC_ID_12
    }

    /**
     * An HEVC video tag body as Enhanced RTMP {@code hvc1}: {@code hevc(HevcForm.ENHANCED_HVC1, ...)}.
     *
     * @throws IllegalArgumentException as {@link #hevc(HevcForm, int, int, int, ByteBuffer)}
     * @since 0.2.0
     */
    public static VideoTagBody hevc(int frameType, int videoPacketType, int compositionTime, ByteBuffer data) {
        return hevc(HevcForm.ENHANCED_HVC1, frameType, videoPacketType, compositionTime, data);
    }

    /**
     * An HEVC video tag body in the given form. Legacy CodecID 12 maps SequenceStart, CodedFrames and
     * CodedFramesX, SequenceEnd to AVCPacketType 0, 1, 2 (CodedFramesX with CompositionTime 0); the
     * payload is kept as given (an HEVCDecoderConfigurationRecord, or NAL units with 4-byte lengths).
     *
     * @param frameType FrameType 1..4 (command frames carry no HEVC payload)
     * @param videoPacketType Enhanced VideoPacketType: SequenceStart, CodedFrames, SequenceEnd,
     *     CodedFramesX, and for {@code hvc1} also Metadata and MPEG2TSSequenceStart
     * @param compositionTime SI24 ms; only CodedFrames carries one, it must be 0 otherwise
     * @param data the payload (not copied: the body keeps a read-only view)
     * @throws IllegalArgumentException if frameType is out of 1..4, the packet type has no
     *     equivalent in the form, or the composition time is out of range or not allowed
     * @since 0.2.0
     */
    public static VideoTagBody hevc(HevcForm form, int frameType, int videoPacketType, int compositionTime, ByteBuffer data) {
        if (frameType < VideoTagBody.KEY_FRAME || frameType > VideoTagBody.GENERATED_KEY_FRAME) {
            throw new IllegalArgumentException("HEVC frame type " + frameType + " (expected: 1..4)");
        }
        if (compositionTime != 0 && videoPacketType != ExVideoData.CODED_FRAMES) {
            throw new IllegalArgumentException("composition time " + compositionTime + " on video packet type " + videoPacketType);
        }
        switch (form) {
            case ENHANCED_HVC1:
                if (videoPacketType < 0 || videoPacketType > ExVideoData.MPEG2TS_SEQUENCE_START) {
                    throw new IllegalArgumentException("video packet type " + videoPacketType + " (expected: 0..5)");
                }
                return ExVideoData.of(frameType, videoPacketType, FourCc.HVC1, compositionTime, data);
            case LEGACY_CODEC_ID_12:
                int avcPacketType = switch (videoPacketType) {
                    case ExVideoData.SEQUENCE_START -> VideoData.AVC_SEQUENCE_HEADER;
                    case ExVideoData.CODED_FRAMES, ExVideoData.CODED_FRAMES_X -> VideoData.AVC_NALU;
                    case ExVideoData.SEQUENCE_END -> VideoData.AVC_END_OF_SEQUENCE;
                    default -> throw new IllegalArgumentException("video packet type " + videoPacketType
                            + " has no legacy CodecID 12 form (expected: SequenceStart, CodedFrames, SequenceEnd, CodedFramesX)");
                };
                return VideoData.hevc(frameType, avcPacketType, compositionTime, data);
            default:
                throw new IllegalStateException("HEVC form " + form);
        }
    }

    /**
     * Re-signals an HEVC body (either form) in {@code form}, keeping FrameType, packet type,
     * composition time and payload (the payload is shared, not copied); a body already in that
     * form is returned as is.
     *
     * @throws IllegalArgumentException if the body is not single-track HEVC ({@code hvc1} without
     *     ModEx, or CodecID 12 with AVCPacketType 0..2, not a command frame), or has no equivalent
     *     in {@code form} (see {@link #hevc(HevcForm, int, int, int, ByteBuffer)})
     * @since 0.2.0
     */
    public static VideoTagBody hevc(HevcForm form, VideoTagBody body) {
        VideoTrack track = body.track();
        boolean single = body instanceof VideoData
                || body instanceof ExVideoData x && x.modEx().isEmpty() && x.videoMultitrackType() == -1;
        if (track == null || !FourCc.HVC1.equals(track.fourCc()) || !single) {
            throw new IllegalArgumentException("not a single-track HEVC body: " + body);
        }
        boolean legacy = body instanceof VideoData;
        if (legacy == (form == HevcForm.LEGACY_CODEC_ID_12)) {
            return body;
        }
        return hevc(form, body.frameType(), body.videoPacketType(), track.compositionTime(), track.data());
    }

    /**
     * Bytes {@link #writeVideoTag} writes for {@code body}: 11 + its encoded size + 4.
     *
     * @since 0.2.0
     */
    public static int videoTagSize(VideoTagBody body) {
        return tagSize(body.encodedSize());
    }

    /**
     * Writes a video tag (type 9, stream id 0) holding {@code body}, and its PreviousTagSize.
     *
     * @throws java.nio.BufferOverflowException if {@code out} has less than
     *     {@link #videoTagSize} bytes left (nothing is written)
     * @throws IllegalArgumentException if the body is 16 MiB or more
     * @since 0.2.0
     */
    public static void writeVideoTag(ByteBuffer out, int timestamp, VideoTagBody body) {
        int size = body.encodedSize();
        FlvTagHeader header = FlvTagHeader.of(FlvTagHeader.VIDEO, size, timestamp);
        if (out.remaining() < header.tagSizeWithTrailer()) {
            throw new java.nio.BufferOverflowException();
        }
        header.writeTo(out);
        body.writeTo(out);
        BigEndian.putIntRelative(out, FlvTagHeader.LENGTH + size);
    }

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
