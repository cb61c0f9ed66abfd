package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Decoding time to sample box {@code stts}, ISO/IEC 14496-12:2022 §8.6.1.2, a full box of version 0:
 * <pre>
 * unsigned int(32) entry_count;
 * for (i = 0; i &lt; entry_count; i++) { unsigned int(32) sample_count; unsigned int(32) sample_delta; }
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param sampleCount sample_count per entry (unsigned 32-bit values held in ints)
 * @param sampleDelta sample_delta per entry, in media ticks (unsigned 32-bit values held in ints)
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @since 0.2.0
 */
public record TimeToSampleBox(int version, int flags, int[] sampleCount, int[] sampleDelta) implements Box {
    /** Checks the components; copies the arrays. */
    public TimeToSampleBox {
        Boxes.checkVersionFlags(version, 0, flags);
        sampleCount = sampleCount.clone();
        sampleDelta = sampleDelta.clone();
        Boxes.checkSameLength(sampleCount.length, sampleDelta.length);
    }

    /** An empty table (fragmented files). */
    public static TimeToSampleBox empty() {
        return new TimeToSampleBox(0, 0, new int[0], new int[0]);
    }

    /** entry_count. */
    public int entryCount() {
        return sampleCount.length;
    }

    /** sample_count of entry {@code i}, unsigned. */
    public long sampleCount(int i) {
        return sampleCount[i] & 0xFFFF_FFFFL;
    }

    /** sample_delta of entry {@code i}, unsigned. */
    public long sampleDelta(int i) {
        return sampleDelta[i] & 0xFFFF_FFFFL;
    }

    @Override
    public int[] sampleCount() {
        return sampleCount.clone();
    }

    @Override
    public int[] sampleDelta() {
        return sampleDelta.clone();
    }

    @Override
    public BoxType type() {
        return BoxType.STTS;
    }

    static TimeToSampleBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        int[][] entries = EntryPairs.read(p, "sample_count", "sample_delta");
        return new TimeToSampleBox(version, flags, entries[0], entries[1]);
    }

    @Override
    public int payloadSize() {
        return EntryPairs.payloadSize(sampleCount);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        EntryPairs.write(out, version, flags, sampleCount, sampleDelta);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeToSampleBox t && EntryPairs.equal(version, flags, sampleCount, sampleDelta, t.version, t.flags, t.sampleCount, t.sampleDelta);
    }

    @Override
    public int hashCode() {
        return EntryPairs.hash(version, flags, sampleCount, sampleDelta);
    }

    @Override
    public String toString() {
        return "TimeToSampleBox[version=" + version + ", flags=" + flags + ", sampleCount=" + Arrays.toString(sampleCount)
                + ", sampleDelta=" + Arrays.toString(sampleDelta) + "]";
    }
}
