package io.streamwire.flv;

import java.nio.ByteBuffer;

/**
 * Legacy VIDEODATA: Adobe FLV/F4V specification v10.1, §E.4.3.1 "VIDEODATA" and §E.4.3.2
 * "AVCVIDEOPACKET".
 *
 * <pre>
 * FrameType (4) | CodecID (4) | [AVCPacketType (8) | CompositionTime SI24 if CodecID == 7] | [command UI8 if FrameType == 5] | data
 * </pre>
 *
 * @param frameType FrameType, 4 bits (the top bit is 0: IsExHeader is clear)
 * @param codecId CodecID, 4 bits: 2 Sorenson H.263, 3 screen video, 4 VP6, 5 VP6 alpha, 6 screen
 *     video v2, 7 AVC
 * @param avcPacketType AVCPacketType (0 sequence header: AVCDecoderConfigurationRecord, 1 NALUs,
 *     2 end of sequence), or -1 when CodecID is not 7
 * @param compositionTime CompositionTime, SI24 ms (0 unless AVC)
 * @param videoCommand the command byte of a FrameType 5 frame (0 start seek, 1 end seek), else -1
 * @param data the rest: decoder configuration, length-prefixed NAL units or codec frame (read-only slice)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record VideoData(int frameType, int codecId, int avcPacketType, int compositionTime, int videoCommand, ByteBuffer data)
        implements VideoTagBody {
    static final String SPEC = "Adobe FLV/F4V v10.1 §E.4.3";
    /** CodecID AVC. */
    public static final int AVC = 7;
    /** AVCPacketType sequence header. */
    public static final int AVC_SEQUENCE_HEADER = 0;
    /** AVCPacketType NALU. */
    public static final int AVC_NALU = 1;
    /** AVCPacketType end of sequence. */
    public static final int AVC_END_OF_SEQUENCE = 2;

    /** Checks ranges. */
    public VideoData {
        if (frameType >>> 3 != 0 || codecId >>> 4 != 0 || (codecId == AVC ? avcPacketType >>> 8 != 0 : avcPacketType != -1)
                || compositionTime < -(1 << 23) || compositionTime >= 1 << 23 || (codecId != AVC && compositionTime != 0)
                || (frameType == COMMAND_FRAME ? videoCommand >>> 8 != 0 : videoCommand != -1)) {
            throw new IllegalArgumentException("VIDEODATA out of range: frame type " + frameType + ", codec " + codecId);
        }
        data = data.asReadOnlyBuffer();
    }

    /** The payload: a read-only view with its own position (the record's copy is never moved). */
    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }

    /** An AVC packet. */
    public static VideoData avc(int frameType, int avcPacketType, int compositionTime, ByteBuffer data) {
        return new VideoData(frameType, AVC, avcPacketType, compositionTime, -1, data);
    }

    /**
     * Parses legacy VIDEODATA from the buffer's position to its limit; moves the position to the limit.
     *
     * @throws FlvException if truncated or the IsExHeader bit is set (position unchanged)
     */
    public static VideoData parse(ByteBuffer in) {
        BodyReader r = new BodyReader(in, SPEC);
        int b = r.u8("video FrameType");
        if ((b & 0x80) != 0) {
            throw new FlvException("video IsExHeader", "is set (use VideoTagBody.parse)", in.position(), SPEC);
        }
        int frameType = b >>> 4;
        int codecId = b & 0x0F;
        int packetType = -1;
        int cts = 0;
        if (codecId == AVC) {
            packetType = r.u8("video AVCPacketType");
            cts = r.si24("video CompositionTime");
        }
        int command = frameType == COMMAND_FRAME ? r.u8("video command") : -1;
        VideoData d = new VideoData(frameType, codecId, packetType, cts, command, r.rest());
        in.position(r.end);
        return d;
    }

    /** Whether this is an AVC sequence header (AVCDecoderConfigurationRecord in {@link #data()}). */
    public boolean isAvcSequenceHeader() {
        return codecId == AVC && avcPacketType == AVC_SEQUENCE_HEADER;
    }

    @Override
    public int encodedSize() {
        return 1 + (codecId == AVC ? 4 : 0) + (frameType == COMMAND_FRAME ? 1 : 0) + data.remaining();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.put((byte) (frameType << 4 | codecId));
        if (codecId == AVC) {
            out.put((byte) avcPacketType);
            FlvTagHeader.putMedium(out, compositionTime & 0xFF_FFFF);
        }
        if (frameType == COMMAND_FRAME) {
            out.put((byte) videoCommand);
        }
        ExAudioData.put(out, data);
    }
}
