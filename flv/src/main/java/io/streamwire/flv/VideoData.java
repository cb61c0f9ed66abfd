package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Legacy VIDEODATA: Adobe FLV/F4V specification v10.1, §E.4.3.1 "VIDEODATA" and §E.4.3.2
 * "AVCVIDEOPACKET", plus the de-facto CodecID 12 (HEVC) extension.
 *
 * <pre>
 * FrameType (4) | CodecID (4) | [AVCPacketType (8) | CompositionTime SI24 if CodecID is 7 or 12] | [command UI8 if FrameType == 5] | data
 * </pre>
 *
 * <p>HEVC arrives in two forms that this module hands out alike: Enhanced RTMP ({@link ExVideoData}
 * with FourCC {@code hvc1}) and this legacy form with CodecID 12. For both, {@link #fourCc()} is
 * {@link FourCc#HVC1}, {@link #videoPacketType()} uses the Enhanced numbering (AVCPacketType 0, 1, 2
 * are SequenceStart, CodedFrames, SequenceEnd), and {@link #track()} gives the same
 * {@link VideoTrack}: the HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 §8.3.3.1) of a sequence
 * start, or the NAL units with 4-byte lengths and the composition time of coded frames. Legacy AVC
 * (CodecID 7) maps the same way to {@code avc1}. {@link FlvWriter#hevc(FlvWriter.HevcForm, VideoTagBody)}
 * converts between the forms.
 *
 * @implNote CodecID 12 is not in the Adobe specification (v10.1 §E.4.3.1 defines 2..7) nor in
 *     Enhanced RTMP, which signals HEVC with the FourCC {@code hvc1} instead (veovera Enhanced RTMP
 *     v1 and v2, "Enhanced Video"). It is a convention agreed among Chinese CDNs around 2016
 *     (github.com/CDN-Union/H265, "FLV_CODECID_HEVC = 12"), read and written by SRS
 *     ({@code SrsVideoCodecIdHEVC = 12}, srs_kernel_codec.hpp), ireader/media-server
 *     ({@code FLV_VIDEO_H265}, flv-proto.h) and the ffmpeg patches of runner365/ffmpeg_rtmp_h265
 *     ({@code FLV_CODECID_HEVC = 12}). Its layout is AVC's: AVCPacketType (0 sequence header with an
 *     HEVCDecoderConfigurationRecord, 1 NAL units with 4-byte lengths, 2 end of sequence) then an
 *     SI24 CompositionTime. This module reads it that way; a body shorter than that 5-byte header
 *     is refused as truncated (before, CodecID 12 bodies were opaque). Upstream ffmpeg (7.0) does
 *     not read CodecID 12.
 *
 * @param frameType FrameType, 4 bits (the top bit is 0: IsExHeader is clear)
 * @param codecId CodecID, 4 bits: 2 Sorenson H.263, 3 screen video, 4 VP6, 5 VP6 alpha, 6 screen
 *     video v2, 7 AVC, 12 HEVC (de facto, see the note)
 * @param avcPacketType AVCPacketType (0 sequence header: AVCDecoderConfigurationRecord or
 *     HEVCDecoderConfigurationRecord, 1 NALUs, 2 end of sequence), or -1 when CodecID is not 7 or 12
 * @param compositionTime CompositionTime, SI24 ms (0 unless AVC or HEVC)
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
    /**
     * CodecID HEVC: the de-facto legacy extension (see the class note), laid out as AVC.
     *
     * @since 0.2.0
     */
    public static final int HEVC = 12;
    /** AVCPacketType sequence header. */
    public static final int AVC_SEQUENCE_HEADER = 0;
    /** AVCPacketType NALU. */
    public static final int AVC_NALU = 1;
    /** AVCPacketType end of sequence. */
    public static final int AVC_END_OF_SEQUENCE = 2;

    /** Checks ranges. */
    public VideoData {
        boolean packetized = hasPacketType(codecId);
        if (frameType >>> 3 != 0 || codecId >>> 4 != 0 || (packetized ? avcPacketType >>> 8 != 0 : avcPacketType != -1)
                || compositionTime < -(1 << 23) || compositionTime >= 1 << 23 || (!packetized && compositionTime != 0)
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
     * A legacy HEVC packet (CodecID 12). {@link FlvWriter#hevc} builds either HEVC form from the
     * Enhanced packet types.
     *
     * @throws IllegalArgumentException if a value is out of range or frameType is 5 (command)
     * @since 0.2.0
     */
    public static VideoData hevc(int frameType, int avcPacketType, int compositionTime, ByteBuffer data) {
        return new VideoData(frameType, HEVC, avcPacketType, compositionTime, -1, data);
    }

    /** Whether CodecID {@code codecId} carries AVCPacketType and CompositionTime (AVC, and HEVC by convention). */
    static boolean hasPacketType(int codecId) {
        return codecId == AVC || codecId == HEVC;
    }

    /**
     * Parses legacy VIDEODATA from the buffer's position to its limit; moves the position to the limit.
     *
     * @throws FlvException if the IsExHeader bit is set (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if the body is cut short (position unchanged)
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
        if (hasPacketType(codecId)) {
            packetType = r.u8("video AVCPacketType");
            cts = r.si24("video CompositionTime");
        }
        int command = frameType == COMMAND_FRAME ? r.u8("video command") : -1;
        VideoData d = new VideoData(frameType, codecId, packetType, cts, command, r.rest());
        in.position(r.end);
        return d;
    }

    /**
     * Peeks whether a video tag body (legacy or Enhanced RTMP) carries a coded key frame, without
     * parsing or allocating; the buffer's position and limit are unchanged. True only for FrameType 1
     * with coded frames: legacy codecs other than AVC and HEVC, legacy AVC or HEVC (CodecID 7 or 12)
     * with AVCPacketType NALU (1) and a complete 5-byte header, or Enhanced RTMP CodedFrames / CodedFramesX (after ModEx and multitrack
     * headers) with its FourCC present. Sequence headers, AVC end of sequence, generated key frames
     * (FrameType 4), command frames, metadata and truncated headers are not key frames.
     *
     * @param body the tag body from its position to its limit
     * @since 0.1.0
     */
    public static boolean isKeyframe(ByteBuffer body) {
        int pos = body.position();
        int end = body.limit();
        if (pos >= end) {
            return false;
        }
        int b = body.get(pos) & 0xFF;
        if ((b & 0x80) == 0) {
            if (b >>> 4 != KEY_FRAME) {
                return false;
            }
            return !hasPacketType(b & 0x0F) || (end - pos >= 5 && body.get(pos + 1) == AVC_NALU);
        }
        if ((b >>> 4 & 7) != KEY_FRAME) {
            return false;
        }
        long r = BodyReader.peekExPacketType(body, pos + 1, end, b & 0x0F, ExVideoData.MULTITRACK);
        if (r < 0) {
            return false;
        }
        int type = (int) (r & 0x0F);
        return (type == ExVideoData.CODED_FRAMES || type == ExVideoData.CODED_FRAMES_X) && end - (r >>> 4) >= 4;
    }

    /**
     * Peeks whether a video tag body (legacy or Enhanced RTMP) is a sequence header, without parsing
     * or allocating; the buffer is unchanged. True for legacy AVC or HEVC (CodecID 7 or 12) with
     * AVCPacketType 0 and a complete 5-byte header (not command frames, FrameType 5), and for Enhanced RTMP SequenceStart (0) or MPEG2TSSequenceStart (5) with its
     * FourCC present (not for command frames).
     *
     * @param body the tag body from its position to its limit
     * @since 0.1.0
     */
    public static boolean isSequenceHeader(ByteBuffer body) {
        int pos = body.position();
        int end = body.limit();
        if (pos >= end) {
            return false;
        }
        int b = body.get(pos) & 0xFF;
        if ((b & 0x80) == 0) {
            return hasPacketType(b & 0x0F) && b >>> 4 != COMMAND_FRAME && end - pos >= 5
                    && body.get(pos + 1) == AVC_SEQUENCE_HEADER;
        }
        long r = exHeader(body, pos, end, b);
        int type = (int) (r & 0x0F);
        return r >= 0 && (type == ExVideoData.SEQUENCE_START || type == ExVideoData.MPEG2TS_SEQUENCE_START)
                && end - (r >>> 4) >= 4;
    }

    /**
     * Peeks the codec of a video tag body as a FourCC value ({@link FourCc#value()}) without parsing
     * or allocating; the buffer is unchanged. Enhanced RTMP: the FourCC of the (first) track; legacy
     * AVC (CodecID 7): {@code avc1}; legacy HEVC (CodecID 12): {@code hvc1}; anything else (other legacy codecs, command frames, truncated
     * headers): 0. Compare with e.g. {@code FourCc.HVC1.value()}.
     *
     * @param body the tag body from its position to its limit
     * @since 0.1.0
     */
    public static int peekFourCc(ByteBuffer body) {
        int pos = body.position();
        int end = body.limit();
        if (pos >= end) {
            return 0;
        }
        int b = body.get(pos) & 0xFF;
        if ((b & 0x80) == 0) {
            int codec = b & 0x0F;
            return codec == AVC ? FourCc.AVC1.value() : codec == HEVC ? FourCc.HVC1.value() : 0;
        }
        long r = exHeader(body, pos, end, b);
        if (r < 0 || end - (r >>> 4) < 4) {
            return 0;
        }
        return BigEndian.getInt(body, (int) (r >>> 4));
    }

    /** The resolved Enhanced header of a non-command frame, or -1 (as the parser: ModEx, then command, then multitrack). */
    private static long exHeader(ByteBuffer body, int pos, int end, int b) {
        long r = BodyReader.peekExPacketType(body, pos + 1, end, b & 0x0F, -1);
        if (r < 0 || ((b >>> 4 & 7) == COMMAND_FRAME && (r & 0x0F) != ExVideoData.METADATA)) {
            return -1;
        }
        return BodyReader.peekExPacketType(body, (int) (r >>> 4), end, (int) (r & 0x0F), ExVideoData.MULTITRACK);
    }

    /** Whether this is an AVC sequence header (AVCDecoderConfigurationRecord in {@link #data()}). */
    public boolean isAvcSequenceHeader() {
        return codecId == AVC && avcPacketType == AVC_SEQUENCE_HEADER;
    }

    /**
     * {@code avc1} for CodecID 7, {@code hvc1} for CodecID 12 (also for command frames, as
     * {@link #peekFourCc}); null for the other legacy codecs, which have no FourCC.
     *
     * @since 0.2.0
     */
    @Override
    public FourCc fourCc() {
        return codecId == AVC ? FourCc.AVC1 : codecId == HEVC ? FourCc.HVC1 : null;
    }

    /**
     * The packet type in Enhanced RTMP numbering: for AVC and HEVC, AVCPacketType 0, 1 and 2 are
     * {@link ExVideoData#SEQUENCE_START}, {@link ExVideoData#CODED_FRAMES} and
     * {@link ExVideoData#SEQUENCE_END} (the same values); other legacy codecs carry a coded frame
     * ({@link ExVideoData#CODED_FRAMES}). -1 for command frames and for AVCPacketType 3..255,
     * which no spec defines.
     *
     * @since 0.2.0
     */
    @Override
    public int videoPacketType() {
        if (frameType == COMMAND_FRAME) {
            return -1;
        }
        if (!hasPacketType(codecId)) {
            return ExVideoData.CODED_FRAMES;
        }
        return avcPacketType <= AVC_END_OF_SEQUENCE ? avcPacketType : -1;
    }

    /**
     * AVC or HEVC as the track an Enhanced RTMP message of the same frames carries: FourCC
     * {@code avc1}/{@code hvc1}, track id 0, the composition time for coded frames (0 for a
     * sequence header or end of sequence, as Enhanced RTMP carries none there), and {@link #data()}.
     * Null for command frames, AVCPacketType 3..255 and codecs without a FourCC (use {@link #data()}).
     *
     * @since 0.2.0
     */
    @Override
    public VideoTrack track() {
        int type = videoPacketType();
        if (!hasPacketType(codecId) || type < 0) {
            return null;
        }
        return new VideoTrack(fourCc(), 0, type == ExVideoData.CODED_FRAMES ? compositionTime : 0, data);
    }

    @Override
    public int encodedSize() {
        return 1 + (hasPacketType(codecId) ? 4 : 0) + (frameType == COMMAND_FRAME ? 1 : 0) + data.remaining();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.put((byte) (frameType << 4 | codecId));
        if (hasPacketType(codecId)) {
            out.put((byte) avcPacketType);
            BigEndian.putMediumRelative(out, compositionTime & 0xFF_FFFF);
        }
        if (frameType == COMMAND_FRAME) {
            out.put((byte) videoCommand);
        }
        ExAudioData.put(out, data);
    }
}
