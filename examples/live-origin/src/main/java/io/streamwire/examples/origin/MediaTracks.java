package io.streamwire.examples.origin;

import io.streamwire.aac.AudioSpecificConfig;
import io.streamwire.core.StreamwireException;
import io.streamwire.mp4.AudioSampleEntry;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.CmafTrack;
import io.streamwire.mp4.CodecConfigurationBox;
import io.streamwire.mp4.EsdsBox;
import io.streamwire.mp4.OpusSpecificBox;
import io.streamwire.mp4.VisualSampleEntry;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The ISOBMFF tracks of one publish, made from its FLV codec configurations: {@code avc1}/{@code avcC}
 * (ISO/IEC 14496-15:2022 §5.4), {@code hvc1}/{@code hvcC} (§8.4), {@code av01}/{@code av1C}
 * (AV1-ISOBMFF v1.2.0 §2.2-2.3), {@code mp4a}/{@code esds} (ISO/IEC 14496-14:2020 §5.6) and
 * {@code Opus}/{@code dOps} (Opus in ISOBMFF v0.6.8 §4.3). Video runs at 90 kHz, audio at its sample
 * rate (48 kHz for Opus, RFC 7845 §5.1: the decoder always runs at 48 kHz).
 *
 * <p>Each {@link Config} keeps the configuration bytes so that a repeated sequence header with the same
 * bytes can be told from a real change ({@link Config#sameAs}).
 *
 * <p>Opus priming: the decoder output's first PreSkip samples (OpusHead, RFC 7845 §4.2, §5.1) are not
 * presented. Opus in ISOBMFF v0.6.8 §4.4 trims them with the edit list (media_time = the priming
 * samples), as ffmpeg's MP4 muxer writes it; {@link Config#primingTicks()} gives that number, and the
 * packager (init segment) and the recorder add it to the media time of the Opus track's edit list.
 * ffmpeg 7.0 applies it in the progressive recording (the first packet is marked to skip PreSkip
 * samples, the audio starts at 0, as in the source file); reading the fragmented HLS output it leaves
 * the edit list unapplied and trims PreSkip from {@code dOps} alone, presenting the audio PreSkip
 * samples late (its own fMP4 HLS output of the source file reads the same way).
 *
 * <p>Immutable and thread-safe.
 *
 * @implNote Enhanced RTMP v2 lets an Opus SequenceStart carry either the identification header
 *     (OpusHead) or the comment header (OpusTags, RFC 7845 §5.2); only an OpusHead makes a
 *     configuration, an OpusTags reads as none ({@link #config} returns null) and changes nothing.
 */
final class MediaTracks {
    static final long VIDEO_TIMESCALE = 90_000;
    static final long OPUS_TIMESCALE = 48_000;
    /** Opus frames are 20 ms unless the publisher says otherwise (RFC 6716 §2.1.4); used only at the very end. */
    static final long OPUS_DEFAULT_FRAME = 960;

    private MediaTracks() {}

    /**
     * One codec configuration: its bytes, the track made from it, and what the stream info says.
     *
     * @param codec the codec
     * @param bytes the configuration record as received
     * @param timescale ticks per second of the track
     * @param frameTicks the duration of one audio frame in ticks (AAC 1024/960/2048, Opus 960), 0 for video
     * @param info width, height, frame rate (video) as {@link StreamInfo} reads them
     */
    record Config(FlvMedia.Codec codec, byte[] bytes, long timescale, long frameTicks, StreamInfo info) {
        boolean sameAs(Config other) {
            return other != null && other.codec == codec && Arrays.equals(other.bytes, bytes);
        }

        boolean video() {
            return codec.video;
        }

        /**
         * The priming samples the edit list skips: Opus PreSkip (RFC 7845 §5.1, at 48 kHz = the track's
         * timescale); 0 for other codecs (an AudioSpecificConfig does not carry AAC's encoder delay).
         */
        long primingTicks() {
            return codec == FlvMedia.Codec.OPUS ? OpusSpecificBox.fromOpusHead(ByteBuffer.wrap(bytes)).preSkip() : 0;
        }

        /** The track with {@code trackId} and the given edit list media time (-1: none). */
        CmafTrack track(long trackId, long mediaTime) {
            CmafTrack t;
            switch (codec) {
                case AVC -> t = CmafTrack.video(trackId, timescale, VisualSampleEntry.of(BoxType.AVC1, info.width(),
                        info.height(), CodecConfigurationBox.avcC(bytes)));
                case HEVC -> t = CmafTrack.video(trackId, timescale, VisualSampleEntry.of(BoxType.HVC1, info.width(),
                        info.height(), CodecConfigurationBox.hvcC(bytes)));
                case AV1 -> t = CmafTrack.video(trackId, timescale, VisualSampleEntry.of(BoxType.AV01, info.width(),
                        info.height(), CodecConfigurationBox.av1C(bytes)));
                case AAC -> {
                    AudioSpecificConfig asc = AudioSpecificConfig.parse(ByteBuffer.wrap(bytes));
                    t = CmafTrack.audio(trackId, timescale, AudioSampleEntry.of(BoxType.MP4A, Math.max(1, asc.channelCount()),
                            (int) timescale, EsdsBox.forAudio((int) trackId, bytes, 0, 0, 0)));
                }
                case OPUS -> {
                    OpusSpecificBox dOps = OpusSpecificBox.fromOpusHead(ByteBuffer.wrap(bytes));
                    t = CmafTrack.audio(trackId, timescale, AudioSampleEntry.of(BoxType.OPUS, dOps.outputChannelCount(),
                            (int) timescale, dOps));
                }
                default -> throw new IllegalStateException("codec " + codec);
            }
            return mediaTime >= 0 ? t.withMediaTime(mediaTime) : t;
        }
    }

    /**
     * Reads a configuration message; null when its record cannot be read (then the track is left
     * out: a broken sequence header must not stop the packager).
     */
    static Config config(FlvMedia m, ByteBuffer body) {
        byte[] bytes = new byte[m.data().remaining()];
        m.data().duplicate().get(bytes);
        try {
            switch (m.codec()) {
                case AVC, HEVC, AV1 -> {
                    StreamInfo info = StreamInfo.video(body);
                    if (info.width() <= 0 || info.height() <= 0 || info.codecString().isEmpty()) {
                        return null;
                    }
                    Config c = new Config(m.codec(), bytes, VIDEO_TIMESCALE, 0, info);
                    c.track(1, -1); // checks the record can be written
                    return c;
                }
                case AAC -> {
                    AudioSpecificConfig asc = AudioSpecificConfig.parse(ByteBuffer.wrap(bytes));
                    int rate = asc.outputSampleRateHz();
                    int frame = asc.outputSamplesPerFrame();
                    if (rate <= 0 || frame <= 0) {
                        return null;
                    }
                    return new Config(m.codec(), bytes, rate, frame, StreamInfo.audio(body));
                }
                case OPUS -> {
                    OpusSpecificBox.fromOpusHead(ByteBuffer.wrap(bytes));
                    return new Config(m.codec(), bytes, OPUS_TIMESCALE, OPUS_DEFAULT_FRAME, StreamInfo.audio(body));
                }
                default -> {
                    return null;
                }
            }
        } catch (StreamwireException | IllegalArgumentException e) {
            // a malformed record (the parsers' exception), or values a sample entry cannot hold (its writer's check)
            return null;
        }
    }

    /** The RFC 6381 CODECS value of {@code configs} (nulls skipped), e.g. {@code "avc1.64001E,mp4a.40.2"}. */
    static String codecs(Config... configs) {
        StringBuilder b = new StringBuilder();
        for (Config c : configs) {
            if (c != null) {
                b.append(b.length() == 0 ? "" : ",").append(c.track(1, -1).codecString());
            }
        }
        return b.toString();
    }
}
