package io.streamwire.examples.origin;

import io.streamwire.aac.AudioSpecificConfig;
import io.streamwire.core.StreamwireException;
import io.streamwire.flv.AudioData;
import io.streamwire.flv.AudioTagBody;
import io.streamwire.flv.ExAudioData;
import io.streamwire.flv.ExVideoData;
import io.streamwire.flv.FourCc;
import io.streamwire.flv.VideoData;
import io.streamwire.flv.VideoTagBody;
import io.streamwire.flv.VideoTrack;
import io.streamwire.h264.AvcDecoderConfigurationRecord;
import io.streamwire.h264.Sps;
import io.streamwire.h265.HevcDecoderConfigurationRecord;
import io.streamwire.h265.HevcSps;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.CodecConfigurationBox;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * What a stream carries, read from its FLV / RTMP sequence headers: the codec as ffprobe names it
 * ({@code h264}, {@code hevc}, {@code av1}, {@code aac}, {@code opus}, {@code mp3}, ...), the RFC 6381
 * {@code codecs} string, and picture or sound parameters.
 *
 * <p>Reads legacy FLV (Adobe FLV/F4V v10.1 §E.4.2, §E.4.3: CodecID 7 AVC, the de-facto CodecID 12 HEVC,
 * SoundFormat 10 AAC, 2 MP3) and Enhanced RTMP (ExVideoTagHeader / ExAudioTagHeader with FourCC
 * {@code avc1}, {@code hvc1}, {@code av01}, {@code Opus}, ...). Codec strings: {@code avc1.PPCCLL}
 * (ISO/IEC 14496-15 Annex E.2), {@code hvc1.…} (Annex E.3), {@code av01.P.LLT.DD} (AV1-ISOBMFF v1.2.0
 * Annex A), {@code mp4a.40.N} (RFC 6381 §3.3), {@code opus} (Opus in ISOBMFF v0.6.8 §4.3).
 *
 * <p>Immutable and thread-safe.
 *
 * @param codec codec name as ffprobe's {@code codec_name}, "" when unknown
 * @param codecString RFC 6381 codec string, "" when unknown
 * @param width display width in pixels, 0 when unknown or audio
 * @param height display height in pixels, 0 when unknown or audio
 * @param frameRate frames per second from VUI / sequence header timing, 0 when absent
 * @param sampleRate output sample rate in Hz, 0 when unknown or video
 * @param channels channel count, 0 when unknown or video
 *
 * @implNote Never throws on bad input: what cannot be read stays "" or 0, and a sequence header whose
 *     parameter set is broken still gives the codec string of its configuration record. Bodies that
 *     are not sequence headers give the codec name only.
 */
record StreamInfo(String codec, String codecString, int width, int height, double frameRate, int sampleRate,
        int channels) {
    /** Nothing known. */
    static final StreamInfo EMPTY = new StreamInfo("", "", 0, 0, 0, 0, 0);
    private static final int HEVC_SPS = 33;
    private static final int[] FLV_SOUND_RATES = {5512, 11025, 22050, 44100};

    StreamInfo {
        codec = codec == null ? "" : codec;
        codecString = codecString == null ? "" : codecString;
        if (!(frameRate >= 0) || Double.isInfinite(frameRate)) {
            frameRate = 0;
        }
    }

    /** Whether this is video. */
    boolean isVideo() {
        return width > 0 || List.of("h264", "hevc", "av1", "vp9", "vp8").contains(codec);
    }

    /** Reads a video tag body (from its position to its limit; the buffer is unchanged). */
    static StreamInfo video(ByteBuffer flvVideoTagBody) {
        try {
            VideoTagBody body = VideoTagBody.parse(flvVideoTagBody.duplicate());
            FourCc fourCc = body.fourCc();
            if (fourCc == null) {
                return body instanceof VideoData legacy ? named(legacyVideoCodec(legacy.codecId())) : EMPTY;
            }
            String name = videoCodec(fourCc);
            VideoTrack track = body.track();
            if (body.videoPacketType() != ExVideoData.SEQUENCE_START || track == null) {
                return named(name);
            }
            ByteBuffer config = track.data();
            if (FourCc.AVC1.equals(fourCc)) {
                return avc(config);
            }
            if (FourCc.HVC1.equals(fourCc)) {
                return hevc(config);
            }
            if (FourCc.AV01.equals(fourCc)) {
                return av1(config);
            }
            return named(name);
        } catch (StreamwireException e) { // the module parsers' one exception for malformed input
            return EMPTY;
        }
    }

    /** Reads an audio tag body (from its position to its limit; the buffer is unchanged). */
    static StreamInfo audio(ByteBuffer flvAudioTagBody) {
        try {
            AudioTagBody body = AudioTagBody.parse(flvAudioTagBody.duplicate());
            if (body instanceof AudioData a) {
                if (a.soundFormat() == AudioData.AAC) {
                    return a.isAacSequenceHeader() ? aac(a.data()) : named("aac");
                }
                String name = legacyAudioCodec(a.soundFormat());
                int rate = a.soundFormat() == 14 ? 8000 : FLV_SOUND_RATES[a.soundRate()];
                return new StreamInfo(name, name.equals("mp3") ? "mp4a.40.34" : "", 0, 0, 0, rate, a.soundType() + 1);
            }
            ExAudioData ex = (ExAudioData) body;
            if (ex.track() == null) {
                return EMPTY;
            }
            FourCc fourCc = ex.track().fourCc();
            boolean start = ex.audioPacketType() == ExAudioData.SEQUENCE_START;
            if (FourCc.MP4A.equals(fourCc)) {
                return start ? aac(ex.track().data()) : named("aac");
            }
            if (FourCc.OPUS.equals(fourCc)) {
                return start ? opus(ex.track().data()) : new StreamInfo("opus", "opus", 0, 0, 0, 0, 0);
            }
            if (FourCc.MP3.equals(fourCc)) {
                return new StreamInfo("mp3", "mp4a.40.34", 0, 0, 0, 0, 0);
            }
            if (FourCc.FLAC.equals(fourCc)) {
                return new StreamInfo("flac", "flac", 0, 0, 0, 0, 0);
            }
            if (FourCc.AC3.equals(fourCc)) {
                return new StreamInfo("ac3", "ac-3", 0, 0, 0, 0, 0);
            }
            if (FourCc.EAC3.equals(fourCc)) {
                return new StreamInfo("eac3", "ec-3", 0, 0, 0, 0, 0);
            }
            return EMPTY;
        } catch (StreamwireException e) { // the module parsers' one exception for malformed input
            return EMPTY;
        }
    }

    private static StreamInfo named(String codec) {
        return new StreamInfo(codec, "", 0, 0, 0, 0, 0);
    }

    private static StreamInfo avc(ByteBuffer config) {
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.parse(config);
        String codecString = String.format("avc1.%02X%02X%02X", record.avcProfileIndication(),
                record.profileCompatibility(), record.avcLevelIndication());
        if (record.sequenceParameterSets().isEmpty()) {
            return new StreamInfo("h264", codecString, 0, 0, 0, 0, 0);
        }
        try {
            Sps sps = Sps.parse(record.sequenceParameterSets().get(0).duplicate());
            return new StreamInfo("h264", codecString, sps.widthPixels(), sps.heightPixels(),
                    sps.hasFrameRate() ? sps.framesPerSecond() : 0, 0, 0);
        } catch (StreamwireException e) { // the module parsers' one exception for malformed input
            return new StreamInfo("h264", codecString, 0, 0, 0, 0, 0);
        }
    }

    private static StreamInfo hevc(ByteBuffer config) {
        HevcDecoderConfigurationRecord record = HevcDecoderConfigurationRecord.parse(config);
        String codecString = record.codecString("hvc1");
        List<ByteBuffer> spss = record.nalUnits(HEVC_SPS);
        if (spss.isEmpty()) {
            return new StreamInfo("hevc", codecString, 0, 0, 0, 0, 0);
        }
        try {
            HevcSps sps = HevcSps.parse(spss.get(0).duplicate());
            return new StreamInfo("hevc", codecString, sps.widthPixels(), sps.heightPixels(),
                    sps.hasFrameRate() ? sps.framesPerSecond() : 0, 0, 0);
        } catch (StreamwireException e) { // the module parsers' one exception for malformed input
            return new StreamInfo("hevc", codecString, 0, 0, 0, 0, 0);
        }
    }

    /** av1C: marker 1 and version 1 in the first byte (AV1-ISOBMFF v1.2.0 §2.3.3); ffmpeg 7.0 may send an empty one first. */
    private static StreamInfo av1(ByteBuffer config) {
        if (config.remaining() < 4 || (config.get(config.position()) & 0xFF) != 0x81) {
            return named("av1");
        }
        String codecString = new CodecConfigurationBox(BoxType.AV1C, config).codecString(BoxType.AV01);
        Av1SequenceHeader sh = Av1SequenceHeader.fromAv1C(config);
        return sh == null ? new StreamInfo("av1", codecString, 0, 0, 0, 0, 0)
                : new StreamInfo("av1", codecString, sh.maxFrameWidth(), sh.maxFrameHeight(), sh.framesPerSecond(), 0, 0);
    }

    private static StreamInfo aac(ByteBuffer config) {
        AudioSpecificConfig asc = AudioSpecificConfig.parse(config);
        return new StreamInfo("aac", asc.codecString(), 0, 0, 0, asc.outputSampleRateHz(), asc.channelCount());
    }

    /**
     * OpusHead (RFC 7845 §5.1): "OpusHead", version, output channel count, pre-skip, input sample rate
     * (little-endian). The decoder always runs at 48 kHz (RFC 7845 §5.1 "Input Sample Rate"), which is
     * what ffprobe reports.
     */
    private static StreamInfo opus(ByteBuffer head) {
        ByteBuffer b = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int p = b.position();
        boolean magic = b.remaining() >= 19 && b.get(p) == 'O' && b.get(p + 1) == 'p' && b.get(p + 2) == 'u'
                && b.get(p + 3) == 's' && b.get(p + 4) == 'H' && b.get(p + 5) == 'e' && b.get(p + 6) == 'a'
                && b.get(p + 7) == 'd';
        int channels = magic ? b.get(p + 9) & 0xFF : 0;
        return new StreamInfo("opus", "opus", 0, 0, 0, magic ? 48_000 : 0, channels);
    }

    private static String videoCodec(FourCc fourCc) {
        if (FourCc.AVC1.equals(fourCc)) {
            return "h264";
        }
        if (FourCc.HVC1.equals(fourCc)) {
            return "hevc";
        }
        if (FourCc.AV01.equals(fourCc)) {
            return "av1";
        }
        if (FourCc.VP09.equals(fourCc)) {
            return "vp9";
        }
        return FourCc.VP08.equals(fourCc) ? "vp8" : "";
    }

    /** Legacy CodecID names as ffprobe gives them (Adobe FLV/F4V v10.1 §E.4.3.1). */
    private static String legacyVideoCodec(int codecId) {
        return switch (codecId) {
            case 2 -> "flv1";
            case 3 -> "flashsv";
            case 4 -> "vp6f";
            case 5 -> "vp6a";
            case 6 -> "flashsv2";
            default -> "";
        };
    }

    /** Legacy SoundFormat names as ffprobe gives them (Adobe FLV/F4V v10.1 §E.4.2.1). */
    private static String legacyAudioCodec(int soundFormat) {
        return switch (soundFormat) {
            case 0, 3 -> "pcm_s16le";
            case 1 -> "adpcm_swf";
            case 2, 14 -> "mp3";
            case 4, 5, 6 -> "nellymoser";
            case 7 -> "pcm_alaw";
            case 8 -> "pcm_mulaw";
            case 11 -> "speex";
            default -> "";
        };
    }
}
