package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Track extends box {@code trex}, ISO/IEC 14496-12:2022 §8.8.3, a full box of version 0: the defaults
 * that track fragments of one track use.
 * <pre>
 * unsigned int(32) track_ID; unsigned int(32) default_sample_description_index;
 * unsigned int(32) default_sample_duration; unsigned int(32) default_sample_size;
 * unsigned int(32) default_sample_flags;
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param trackId track_ID
 * @param defaultSampleDescriptionIndex default_sample_description_index, 1-based
 * @param defaultSampleDuration default_sample_duration, media ticks
 * @param defaultSampleSize default_sample_size, bytes
 * @param defaultSampleFlags default_sample_flags (see {@link SampleFlags})
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record TrackExtendsBox(int version, int flags, long trackId, long defaultSampleDescriptionIndex,
        long defaultSampleDuration, long defaultSampleSize, int defaultSampleFlags) implements Box {
    /** Checks the components. */
    public TrackExtendsBox {
        Boxes.checkVersionFlags(version, 0, flags);
        Boxes.checkU32("track_ID", trackId);
        Boxes.checkU32("default_sample_description_index", defaultSampleDescriptionIndex);
        Boxes.checkU32("default_sample_duration", defaultSampleDuration);
        Boxes.checkU32("default_sample_size", defaultSampleSize);
    }

    /** Defaults of zero, sample description 1. */
    public static TrackExtendsBox of(long trackId) {
        return new TrackExtendsBox(0, 0, trackId, 1, 0, 0, 0);
    }

    @Override
    public BoxType type() {
        return BoxType.TREX;
    }

    static TrackExtendsBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        return new TrackExtendsBox(version, flags, p.u32("track_ID"), p.u32("default_sample_description_index"),
                p.u32("default_sample_duration"), p.u32("default_sample_size"), p.i32("default_sample_flags"));
    }

    @Override
    public int payloadSize() {
        return 24;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, (int) trackId);
        BigEndian.putIntRelative(out, (int) defaultSampleDescriptionIndex);
        BigEndian.putIntRelative(out, (int) defaultSampleDuration);
        BigEndian.putIntRelative(out, (int) defaultSampleSize);
        BigEndian.putIntRelative(out, defaultSampleFlags);
    }
}
