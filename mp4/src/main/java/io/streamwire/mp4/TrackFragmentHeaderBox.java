package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Track fragment header box {@code tfhd}, ISO/IEC 14496-12:2022 §8.8.7, a full box of version 0 whose
 * flags say which optional fields follow:
 * <pre>
 * unsigned int(32) track_ID;
 * unsigned int(64) base_data_offset;                 // flags &amp; 0x000001
 * unsigned int(32) sample_description_index;         // flags &amp; 0x000002
 * unsigned int(32) default_sample_duration;          // flags &amp; 0x000008
 * unsigned int(32) default_sample_size;              // flags &amp; 0x000010
 * unsigned int(32) default_sample_flags;             // flags &amp; 0x000020
 * // 0x010000 duration-is-empty, 0x020000 default-base-is-moof
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, as above
 * @param trackId track_ID
 * @param baseDataOffset base_data_offset, or 0 when absent
 * @param sampleDescriptionIndex sample_description_index, or 0 when absent
 * @param defaultSampleDuration default_sample_duration, or 0 when absent
 * @param defaultSampleSize default_sample_size, or 0 when absent
 * @param defaultSampleFlags default_sample_flags, or 0 when absent
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record TrackFragmentHeaderBox(int version, int flags, long trackId, long baseDataOffset, long sampleDescriptionIndex,
        long defaultSampleDuration, long defaultSampleSize, int defaultSampleFlags) implements Box {
    public static final int BASE_DATA_OFFSET_PRESENT = 0x000001;
    public static final int SAMPLE_DESCRIPTION_INDEX_PRESENT = 0x000002;
    public static final int DEFAULT_SAMPLE_DURATION_PRESENT = 0x000008;
    public static final int DEFAULT_SAMPLE_SIZE_PRESENT = 0x000010;
    public static final int DEFAULT_SAMPLE_FLAGS_PRESENT = 0x000020;
    public static final int DURATION_IS_EMPTY = 0x010000;
    public static final int DEFAULT_BASE_IS_MOOF = 0x020000;

    /** Checks the components: absent fields must be 0. */
    public TrackFragmentHeaderBox {
        Boxes.checkVersionFlags(version, 0, flags);
        Boxes.checkU32("track_ID", trackId);
        Boxes.checkU32("sample_description_index", sampleDescriptionIndex);
        Boxes.checkU32("default_sample_duration", defaultSampleDuration);
        Boxes.checkU32("default_sample_size", defaultSampleSize);
        if ((flags & BASE_DATA_OFFSET_PRESENT) == 0 && baseDataOffset != 0
                || (flags & SAMPLE_DESCRIPTION_INDEX_PRESENT) == 0 && sampleDescriptionIndex != 0
                || (flags & DEFAULT_SAMPLE_DURATION_PRESENT) == 0 && defaultSampleDuration != 0
                || (flags & DEFAULT_SAMPLE_SIZE_PRESENT) == 0 && defaultSampleSize != 0
                || (flags & DEFAULT_SAMPLE_FLAGS_PRESENT) == 0 && defaultSampleFlags != 0) {
            throw new IllegalArgumentException("tfhd field set whose flag is clear: flags 0x" + Integer.toHexString(flags));
        }
    }

    @Override
    public BoxType type() {
        return BoxType.TFHD;
    }

    static TrackFragmentHeaderBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("tf_flags");
        if (version != 0) {
            return null;
        }
        long track = p.u32("track_ID");
        long base = (flags & BASE_DATA_OFFSET_PRESENT) != 0 ? p.i64("base_data_offset") : 0;
        long sdi = (flags & SAMPLE_DESCRIPTION_INDEX_PRESENT) != 0 ? p.u32("sample_description_index") : 0;
        long duration = (flags & DEFAULT_SAMPLE_DURATION_PRESENT) != 0 ? p.u32("default_sample_duration") : 0;
        long size = (flags & DEFAULT_SAMPLE_SIZE_PRESENT) != 0 ? p.u32("default_sample_size") : 0;
        int sampleFlags = (flags & DEFAULT_SAMPLE_FLAGS_PRESENT) != 0 ? p.i32("default_sample_flags") : 0;
        return new TrackFragmentHeaderBox(version, flags, track, base, sdi, duration, size, sampleFlags);
    }

    @Override
    public int payloadSize() {
        return 8 + ((flags & BASE_DATA_OFFSET_PRESENT) != 0 ? 8 : 0) + 4 * Integer.bitCount(flags & 0x3A);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, (int) trackId);
        if ((flags & BASE_DATA_OFFSET_PRESENT) != 0) {
            BigEndian.putLongRelative(out, baseDataOffset);
        }
        if ((flags & SAMPLE_DESCRIPTION_INDEX_PRESENT) != 0) {
            BigEndian.putIntRelative(out, (int) sampleDescriptionIndex);
        }
        if ((flags & DEFAULT_SAMPLE_DURATION_PRESENT) != 0) {
            BigEndian.putIntRelative(out, (int) defaultSampleDuration);
        }
        if ((flags & DEFAULT_SAMPLE_SIZE_PRESENT) != 0) {
            BigEndian.putIntRelative(out, (int) defaultSampleSize);
        }
        if ((flags & DEFAULT_SAMPLE_FLAGS_PRESENT) != 0) {
            BigEndian.putIntRelative(out, defaultSampleFlags);
        }
    }
}
