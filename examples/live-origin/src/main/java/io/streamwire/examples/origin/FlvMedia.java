package io.streamwire.examples.origin;

import io.streamwire.core.StreamwireException;
import io.streamwire.flv.AudioData;
import io.streamwire.flv.AudioTagBody;
import io.streamwire.flv.ExAudioData;
import io.streamwire.flv.ExVideoData;
import io.streamwire.flv.FourCc;
import io.streamwire.flv.VideoTagBody;
import io.streamwire.flv.VideoTrack;
import java.nio.ByteBuffer;

/**
 * One FLV / RTMP media message read for ISOBMFF packaging: a codec configuration, a coded frame in
 * ISOBMFF sample format, or the end of a sequence.
 *
 * <p>Video: legacy VIDEODATA CodecID 7 (AVC) and the de-facto CodecID 12 (HEVC) (Adobe FLV/F4V v10.1
 * §E.4.3.1), and Enhanced RTMP v1/v2 ExVideoTagHeader with FourCC {@code avc1}, {@code hvc1},
 * {@code av01} (SequenceStart, CodedFrames with or without CompositionTime, CodedFramesX, SequenceEnd).
 * The coded frames of AVC/HEVC are already NAL units with 4-byte lengths (ISO/IEC 14496-15:2022 §5.3.2,
 * §8.3.2); AV1 frames are OBUs in the low-overhead format (AV1-ISOBMFF v1.2.0 §2.4). Audio: legacy
 * AUDIODATA SoundFormat 10 (AAC, §E.4.2.1) and Enhanced RTMP v2 ExAudioTagHeader with FourCC
 * {@code mp4a} or {@code Opus} (the configuration is an AudioSpecificConfig or an OpusHead, RFC 7845
 * §5.1; the frames are raw AAC frames or Opus packets).
 *
 * <p>Immutable and thread-safe; {@code data} is a read-only view of the parsed body, valid while its
 * bytes are.
 *
 * @param kind what the message carries
 * @param codec the codec
 * @param data the configuration record (avcC, hvcC, av1C, AudioSpecificConfig, OpusHead) or the frame
 * @param compositionTimeMs CompositionTime in ms (SI24), 0 when absent
 * @param sync whether the frame is a sync sample (FrameType 1 or 4 for video; every audio frame)
 *
 * @implNote Multitrack messages give their first track; ModEx TimestampOffsetNano is ignored (the
 *     packagers work in milliseconds). A SequenceStart with an empty payload (ffmpeg 7.0 sends one for
 *     {@code av01} before libaom hands over the av1C) reads as {@link Kind#OTHER}. Temporal delimiter
 *     OBUs at the start of an AV1 frame are left out of the sample (AV1-ISOBMFF v1.2.0 §2.4: they
 *     SHOULD NOT be in samples).
 */
record FlvMedia(Kind kind, Codec codec, ByteBuffer data, int compositionTimeMs, boolean sync) {
    /** What a message carries. */
    enum Kind { CONFIG, FRAME, END, OTHER }

    /** The codecs the ISOBMFF packagers take. */
    enum Codec {
        AVC(true), HEVC(true), AV1(true), AAC(false), OPUS(false);

        final boolean video;

        Codec(boolean video) {
            this.video = video;
        }
    }

    private static final int OBU_TEMPORAL_DELIMITER = 2;

    /** Reads a video tag body (its position to its limit; unchanged); null when not AVC/HEVC/AV1 or malformed. */
    static FlvMedia video(ByteBuffer body) {
        VideoTagBody v;
        try {
            v = VideoTagBody.parse(body.duplicate());
        } catch (StreamwireException e) {
            return null;
        }
        FourCc fourCc = v.fourCc();
        VideoTrack track = v.track();
        if (fourCc == null || track == null) {
            return null;
        }
        Codec codec = FourCc.AVC1.equals(fourCc) ? Codec.AVC : FourCc.HVC1.equals(fourCc) ? Codec.HEVC
                : FourCc.AV01.equals(fourCc) ? Codec.AV1 : null;
        if (codec == null) {
            return null;
        }
        ByteBuffer data = track.data();
        return switch (v.videoPacketType()) {
            case ExVideoData.SEQUENCE_START -> data.hasRemaining() ? new FlvMedia(Kind.CONFIG, codec, data, 0, false)
                    : new FlvMedia(Kind.OTHER, codec, data, 0, false);
            case ExVideoData.CODED_FRAMES, ExVideoData.CODED_FRAMES_X -> {
                if (v.frameType() == VideoTagBody.COMMAND_FRAME) {
                    yield new FlvMedia(Kind.OTHER, codec, data, 0, false);
                }
                if (codec == Codec.AV1) {
                    skipTemporalDelimiters(data);
                }
                yield new FlvMedia(data.hasRemaining() ? Kind.FRAME : Kind.OTHER, codec, data, track.compositionTime(),
                        v.isKeyFrame());
            }
            case ExVideoData.SEQUENCE_END -> new FlvMedia(Kind.END, codec, data, 0, false);
            default -> new FlvMedia(Kind.OTHER, codec, data, 0, false);
        };
    }

    /** Reads an audio tag body (its position to its limit; unchanged); null when not AAC/Opus or malformed. */
    static FlvMedia audio(ByteBuffer body) {
        AudioTagBody a;
        try {
            a = AudioTagBody.parse(body.duplicate());
        } catch (StreamwireException e) {
            return null;
        }
        if (a instanceof AudioData legacy) {
            if (legacy.soundFormat() != AudioData.AAC) {
                return null;
            }
            Kind kind = legacy.aacPacketType() == AudioData.AAC_SEQUENCE_HEADER ? Kind.CONFIG : Kind.FRAME;
            return new FlvMedia(kind, Codec.AAC, legacy.data(), 0, true);
        }
        ExAudioData ex = (ExAudioData) a;
        FourCc fourCc = ex.track().fourCc();
        Codec codec = FourCc.MP4A.equals(fourCc) ? Codec.AAC : FourCc.OPUS.equals(fourCc) ? Codec.OPUS : null;
        if (codec == null) {
            return null;
        }
        ByteBuffer data = ex.track().data();
        Kind kind = switch (ex.audioPacketType()) {
            case ExAudioData.SEQUENCE_START -> data.hasRemaining() ? Kind.CONFIG : Kind.OTHER;
            case ExAudioData.CODED_FRAMES -> data.hasRemaining() ? Kind.FRAME : Kind.OTHER;
            case ExAudioData.SEQUENCE_END -> Kind.END;
            default -> Kind.OTHER;
        };
        return new FlvMedia(kind, codec, data, 0, true);
    }

    /** Moves the position past leading temporal delimiter OBUs (obu_type 2, with obu_size 0). */
    private static void skipTemporalDelimiters(ByteBuffer obus) {
        while (obus.remaining() >= 2) {
            int header = obus.get(obus.position()) & 0xFF;
            boolean extension = (header & 0x04) != 0;
            boolean hasSize = (header & 0x02) != 0;
            int sizeAt = obus.position() + (extension ? 2 : 1);
            if ((header >>> 3 & 0x0F) != OBU_TEMPORAL_DELIMITER || !hasSize || sizeAt >= obus.limit()
                    || obus.get(sizeAt) != 0) {
                return;
            }
            obus.position(sizeAt + 1);
        }
    }
}
