package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Track run box {@code trun}, ISO/IEC 14496-12:2022 §8.8.8, a full box of version 0 (unsigned
 * composition offsets) or 1 (signed); the flags say which fields are present:
 * <pre>
 * unsigned int(32) sample_count;
 * signed int(32) data_offset;                        // flags &amp; 0x000001
 * unsigned int(32) first_sample_flags;               // flags &amp; 0x000004
 * { unsigned int(32) sample_duration;                // flags &amp; 0x000100
 *   unsigned int(32) sample_size;                    // flags &amp; 0x000200
 *   unsigned int(32) sample_flags;                   // flags &amp; 0x000400
 *   (un)signed int(32) sample_composition_time_offset; // flags &amp; 0x000800
 * } [sample_count]
 * </pre>
 *
 * @param version 0 or 1
 * @param flags 24 bits, as above
 * @param sampleCount sample_count
 * @param dataOffset data_offset (from the base data offset of the {@code tfhd}), or 0 when absent
 * @param firstSampleFlags first_sample_flags, or 0 when absent
 * @param sampleDuration per sample when present, else empty
 * @param sampleSize per sample when present, else empty
 * @param sampleFlags per sample when present, else empty
 * @param sampleCompositionTimeOffset per sample when present, else empty (signed in version 1)
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @since 0.2.0
 */
public record TrackRunBox(int version, int flags, int sampleCount, int dataOffset, int firstSampleFlags, int[] sampleDuration,
        int[] sampleSize, int[] sampleFlags, int[] sampleCompositionTimeOffset) implements Box {
    public static final int DATA_OFFSET_PRESENT = 0x000001;
    public static final int FIRST_SAMPLE_FLAGS_PRESENT = 0x000004;
    public static final int SAMPLE_DURATION_PRESENT = 0x000100;
    public static final int SAMPLE_SIZE_PRESENT = 0x000200;
    public static final int SAMPLE_FLAGS_PRESENT = 0x000400;
    public static final int SAMPLE_COMPOSITION_TIME_OFFSETS_PRESENT = 0x000800;
    static final String SPEC = "ISO/IEC 14496-12:2022 §8.8.8";

    /** Checks the components; copies the arrays. */
    public TrackRunBox {
        Boxes.checkVersionFlags(version, 1, flags);
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sample_count out of range: " + sampleCount);
        }
        sampleDuration = column(sampleDuration, flags, SAMPLE_DURATION_PRESENT, sampleCount);
        sampleSize = column(sampleSize, flags, SAMPLE_SIZE_PRESENT, sampleCount);
        sampleFlags = column(sampleFlags, flags, SAMPLE_FLAGS_PRESENT, sampleCount);
        sampleCompositionTimeOffset = column(sampleCompositionTimeOffset, flags, SAMPLE_COMPOSITION_TIME_OFFSETS_PRESENT, sampleCount);
        if ((flags & DATA_OFFSET_PRESENT) == 0 && dataOffset != 0 || (flags & FIRST_SAMPLE_FLAGS_PRESENT) == 0 && firstSampleFlags != 0) {
            throw new IllegalArgumentException("trun field set whose flag is clear: flags 0x" + Integer.toHexString(flags));
        }
    }

    private static int[] column(int[] values, int flags, int bit, int count) {
        int expected = (flags & bit) != 0 ? count : 0;
        if (values.length != expected) {
            throw new IllegalArgumentException("trun column for flag 0x" + Integer.toHexString(bit) + " has " + values.length
                    + " values, expected " + expected);
        }
        return values.clone();
    }

    /** Bytes per sample that the flags ask for. */
    static int bytesPerSample(int flags) {
        return 4 * Integer.bitCount(flags & 0xF00);
    }

    @Override
    public int[] sampleDuration() {
        return sampleDuration.clone();
    }

    @Override
    public int[] sampleSize() {
        return sampleSize.clone();
    }

    @Override
    public int[] sampleFlags() {
        return sampleFlags.clone();
    }

    @Override
    public int[] sampleCompositionTimeOffset() {
        return sampleCompositionTimeOffset.clone();
    }

    @Override
    public BoxType type() {
        return BoxType.TRUN;
    }

    static TrackRunBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("tr_flags");
        if (version > 1) {
            return null;
        }
        long count = p.u32("sample_count");
        if (count > p.limits.maxSamplesPerFragment()) {
            throw Mp4Exception.limit(p.path, "sample_count", "maxSamplesPerFragment", p.limits.maxSamplesPerFragment(), count,
                    p.offset() - 4);
        }
        int dataOffset = (flags & DATA_OFFSET_PRESENT) != 0 ? p.i32("data_offset") : 0;
        int first = (flags & FIRST_SAMPLE_FLAGS_PRESENT) != 0 ? p.i32("first_sample_flags") : 0;
        int per = bytesPerSample(flags);
        if (per > 0) {
            p.entries(count, per, "sample_count");
        }
        int n = (int) count;
        int[] duration = new int[(flags & SAMPLE_DURATION_PRESENT) != 0 ? n : 0];
        int[] size = new int[(flags & SAMPLE_SIZE_PRESENT) != 0 ? n : 0];
        int[] sampleFlags = new int[(flags & SAMPLE_FLAGS_PRESENT) != 0 ? n : 0];
        int[] cto = new int[(flags & SAMPLE_COMPOSITION_TIME_OFFSETS_PRESENT) != 0 ? n : 0];
        for (int i = 0; i < n; i++) {
            if (duration.length > 0) {
                duration[i] = p.i32("sample_duration");
            }
            if (size.length > 0) {
                size[i] = p.i32("sample_size");
            }
            if (sampleFlags.length > 0) {
                sampleFlags[i] = p.i32("sample_flags");
            }
            if (cto.length > 0) {
                cto[i] = p.i32("sample_composition_time_offset");
            }
        }
        return new TrackRunBox(version, flags, n, dataOffset, first, duration, size, sampleFlags, cto);
    }

    @Override
    public int payloadSize() {
        return 8 + 4 * Integer.bitCount(flags & 0x5) + bytesPerSample(flags) * sampleCount;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, sampleCount);
        if ((flags & DATA_OFFSET_PRESENT) != 0) {
            BigEndian.putIntRelative(out, dataOffset);
        }
        if ((flags & FIRST_SAMPLE_FLAGS_PRESENT) != 0) {
            BigEndian.putIntRelative(out, firstSampleFlags);
        }
        for (int i = 0; i < sampleCount; i++) {
            if (sampleDuration.length > 0) {
                BigEndian.putIntRelative(out, sampleDuration[i]);
            }
            if (sampleSize.length > 0) {
                BigEndian.putIntRelative(out, sampleSize[i]);
            }
            if (sampleFlags.length > 0) {
                BigEndian.putIntRelative(out, sampleFlags[i]);
            }
            if (sampleCompositionTimeOffset.length > 0) {
                BigEndian.putIntRelative(out, sampleCompositionTimeOffset[i]);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackRunBox t && version == t.version && flags == t.flags && sampleCount == t.sampleCount
                && dataOffset == t.dataOffset && firstSampleFlags == t.firstSampleFlags
                && Arrays.equals(sampleDuration, t.sampleDuration) && Arrays.equals(sampleSize, t.sampleSize)
                && Arrays.equals(sampleFlags, t.sampleFlags)
                && Arrays.equals(sampleCompositionTimeOffset, t.sampleCompositionTimeOffset);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {version, flags, sampleCount, dataOffset, firstSampleFlags,
            Arrays.hashCode(sampleDuration), Arrays.hashCode(sampleSize), Arrays.hashCode(sampleFlags),
            Arrays.hashCode(sampleCompositionTimeOffset)});
    }

    @Override
    public String toString() {
        return "TrackRunBox[version=" + version + ", flags=0x" + Integer.toHexString(flags) + ", sampleCount=" + sampleCount
                + ", dataOffset=" + dataOffset + ", firstSampleFlags=0x" + Integer.toHexString(firstSampleFlags)
                + ", sampleDuration=" + Arrays.toString(sampleDuration) + ", sampleSize=" + Arrays.toString(sampleSize)
                + ", sampleFlags=" + Arrays.toString(sampleFlags) + ", sampleCompositionTimeOffset="
                + Arrays.toString(sampleCompositionTimeOffset) + "]";
    }
}
