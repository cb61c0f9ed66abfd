package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Sync sample box {@code stss}, ISO/IEC 14496-12:2022 §8.6.2, a full box of version 0; when absent,
 * every sample is a sync sample:
 * <pre>
 * unsigned int(32) entry_count;
 * for (i = 0; i &lt; entry_count; i++) { unsigned int(32) sample_number; }   // 1-based, increasing
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param sampleNumber sample_number per entry (unsigned 32-bit values held in ints)
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @since 0.2.0
 */
public record SyncSampleBox(int version, int flags, int[] sampleNumber) implements Box {
    /** Checks the components; copies the array. */
    public SyncSampleBox {
        Boxes.checkVersionFlags(version, 0, flags);
        sampleNumber = sampleNumber.clone();
    }

    /** entry_count. */
    public int entryCount() {
        return sampleNumber.length;
    }

    /** sample_number of entry {@code i}, unsigned. */
    public long sampleNumber(int i) {
        return sampleNumber[i] & 0xFFFF_FFFFL;
    }

    @Override
    public int[] sampleNumber() {
        return sampleNumber.clone();
    }

    @Override
    public BoxType type() {
        return BoxType.STSS;
    }

    static SyncSampleBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        int n = p.entries(p.u32("entry_count"), 4, "entry_count");
        int[] numbers = new int[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = p.i32("sample_number");
        }
        return new SyncSampleBox(version, flags, numbers);
    }

    @Override
    public int payloadSize() {
        return 8 + 4 * sampleNumber.length;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, sampleNumber.length);
        for (int n : sampleNumber) {
            BigEndian.putIntRelative(out, n);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncSampleBox t && version == t.version && flags == t.flags
                && Arrays.equals(sampleNumber, t.sampleNumber);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * version + flags) + Arrays.hashCode(sampleNumber);
    }

    @Override
    public String toString() {
        return "SyncSampleBox[version=" + version + ", flags=" + flags + ", sampleNumber=" + Arrays.toString(sampleNumber) + "]";
    }
}
