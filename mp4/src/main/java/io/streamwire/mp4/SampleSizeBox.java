package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Sample size box {@code stsz}, ISO/IEC 14496-12:2022 §8.7.3.2, a full box of version 0:
 * <pre>
 * unsigned int(32) sample_size;    // 0: sizes differ and the table follows
 * unsigned int(32) sample_count;
 * if (sample_size == 0) for (i = 0; i &lt; sample_count; i++) { unsigned int(32) entry_size; }
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param sampleSize the size of every sample, or 0
 * @param sampleCount sample_count, 0..2^32-1
 * @param entrySize entry_size per sample when sampleSize is 0 (sampleCount entries), else empty
 *     (unsigned 32-bit values held in ints)
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @since 0.2.0
 */
public record SampleSizeBox(int version, int flags, long sampleSize, long sampleCount, int[] entrySize) implements Box {
    /** Checks the components; copies the array. */
    public SampleSizeBox {
        Boxes.checkVersionFlags(version, 0, flags);
        Boxes.checkU32("sample_size", sampleSize);
        Boxes.checkU32("sample_count", sampleCount);
        entrySize = entrySize.clone();
        if (sampleSize == 0 ? entrySize.length != sampleCount : entrySize.length != 0) {
            throw new IllegalArgumentException("entry_size has " + entrySize.length + " values for sample_size "
                    + sampleSize + ", sample_count " + sampleCount);
        }
    }

    /** An empty table (fragmented files). */
    public static SampleSizeBox empty() {
        return new SampleSizeBox(0, 0, 0, 0, new int[0]);
    }

    /** The size of sample {@code i} (0-based), in bytes. */
    public long size(int i) {
        return sampleSize != 0 ? sampleSize : entrySize[i] & 0xFFFF_FFFFL;
    }

    @Override
    public int[] entrySize() {
        return entrySize.clone();
    }

    @Override
    public BoxType type() {
        return BoxType.STSZ;
    }

    static SampleSizeBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        long size = p.u32("sample_size");
        long count = p.u32("sample_count");
        if (size != 0) {
            return new SampleSizeBox(version, flags, size, count, new int[0]);
        }
        int n = p.entries(count, 4, "sample_count");
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = p.i32("entry_size");
        }
        return new SampleSizeBox(version, flags, size, count, sizes);
    }

    @Override
    public int payloadSize() {
        return 12 + 4 * entrySize.length;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, (int) sampleSize);
        BigEndian.putIntRelative(out, (int) sampleCount);
        for (int n : entrySize) {
            BigEndian.putIntRelative(out, n);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleSizeBox t && version == t.version && flags == t.flags && sampleSize == t.sampleSize
                && sampleCount == t.sampleCount && Arrays.equals(entrySize, t.entrySize);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * version + flags) + Long.hashCode(sampleSize * 31 + sampleCount)) + Arrays.hashCode(entrySize);
    }

    @Override
    public String toString() {
        return "SampleSizeBox[version=" + version + ", flags=" + flags + ", sampleSize=" + sampleSize + ", sampleCount="
                + sampleCount + ", entrySize=" + Arrays.toString(entrySize) + "]";
    }
}
