package io.streamwire.mp4;

import java.util.Objects;

/**
 * What an init segment says about one track, and what {@link FragmentWriter} needs to write its
 * fragments: ISO/IEC 23000-19:2020 (CMAF) §7.3 track constraints on ISO/IEC 14496-12:2022 §8.3 (trak).
 *
 * @param trackId track_ID, 1..2^32-1, unique in the presentation
 * @param handlerType {@link BoxType#VIDE} or {@link BoxType#SOUN} (others are written with a null media header)
 * @param timescale media ticks per second (e.g. 90000 or 12800 for video, the sample rate for audio)
 * @param sampleEntry the sample entry ({@link VisualSampleEntry#of}, {@link AudioSampleEntry#of}, or any box)
 * @param language ISO 639-2/T code, e.g. {@code "und"}
 * @param mediaTime the media time where presentation starts, written as a one-entry edit list
 *     (ISO/IEC 14496-12:2022 §8.6.6), e.g. the first composition offset of video with B-frames; -1 for
 *     no edit list
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record CmafTrack(long trackId, BoxType handlerType, long timescale, Box sampleEntry, String language, long mediaTime) {
    /** Checks the components. */
    public CmafTrack {
        if (trackId < 1 || trackId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("track_ID out of range 1..2^32-1: " + trackId);
        }
        if (timescale < 1 || timescale > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("timescale out of range 1..2^32-1: " + timescale);
        }
        Objects.requireNonNull(handlerType, "handlerType");
        Objects.requireNonNull(sampleEntry, "sampleEntry");
        MediaHeaderBox.packLanguage(language);
        if (mediaTime < -1) {
            throw new IllegalArgumentException("mediaTime is -1 or a media time: " + mediaTime);
        }
    }

    /** A video track without an edit list. */
    public static CmafTrack video(long trackId, long timescale, VisualSampleEntry entry) {
        return new CmafTrack(trackId, BoxType.VIDE, timescale, entry, "und", -1);
    }

    /** An audio track without an edit list. */
    public static CmafTrack audio(long trackId, long timescale, AudioSampleEntry entry) {
        return new CmafTrack(trackId, BoxType.SOUN, timescale, entry, "und", -1);
    }

    /** A copy whose presentation starts at {@code value} (an edit list), or -1 for none. */
    public CmafTrack withMediaTime(long value) {
        return new CmafTrack(trackId, handlerType, timescale, sampleEntry, language, value);
    }

    /** The RFC 6381 codec string of the sample entry (for HLS CODECS and DASH @codecs). */
    public String codecString() {
        if (sampleEntry instanceof VisualSampleEntry v) {
            return v.codecString();
        } else if (sampleEntry instanceof AudioSampleEntry a) {
            return a.codecString();
        }
        return sampleEntry.type().toString();
    }
}
