package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Composition time to sample box {@code ctts}, ISO/IEC 14496-12:2022 §8.6.1.3, a full box of version 0
 * (unsigned offsets) or 1 (signed offsets):
 * <pre>
 * unsigned int(32) entry_count;
 * for (i = 0; i &lt; entry_count; i++) { unsigned int(32) sample_count; (un)signed int(32) sample_offset; }
 * </pre>
 *
 * @param version 0 or 1
 * @param flags 24 bits, 0
 * @param sampleCount sample_count per entry (unsigned 32-bit values held in ints)
 * @param sampleOffset sample_offset per entry: composition minus decoding time in media ticks
 *     (version 1: signed; version 0: unsigned, held in ints)
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @since 0.2.0
 */
public record CompositionOffsetBox(int version, int flags, int[] sampleCount, int[] sampleOffset) implements Box {
    /** Checks the components; copies the arrays. */
    public CompositionOffsetBox {
        Boxes.checkVersionFlags(version, 1, flags);
        sampleCount = sampleCount.clone();
        sampleOffset = sampleOffset.clone();
        Boxes.checkSameLength(sampleCount.length, sampleOffset.length);
    }

    /** entry_count. */
    public int entryCount() {
        return sampleCount.length;
    }

    /** sample_count of entry {@code i}, unsigned. */
    public long sampleCount(int i) {
        return sampleCount[i] & 0xFFFF_FFFFL;
    }

    /** sample_offset of entry {@code i}: signed in version 1, unsigned in version 0. */
    public long sampleOffset(int i) {
        return version == 1 ? sampleOffset[i] : sampleOffset[i] & 0xFFFF_FFFFL;
    }

    @Override
    public int[] sampleCount() {
        return sampleCount.clone();
    }

    @Override
    public int[] sampleOffset() {
        return sampleOffset.clone();
    }

    @Override
    public BoxType type() {
        return BoxType.CTTS;
    }

    static CompositionOffsetBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        int[][] entries = EntryPairs.read(p, "sample_count", "sample_offset");
        return new CompositionOffsetBox(version, flags, entries[0], entries[1]);
    }

    @Override
    public int payloadSize() {
        return EntryPairs.payloadSize(sampleCount);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        EntryPairs.write(out, version, flags, sampleCount, sampleOffset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompositionOffsetBox t && EntryPairs.equal(version, flags, sampleCount, sampleOffset, t.version, t.flags, t.sampleCount, t.sampleOffset);
    }

    @Override
    public int hashCode() {
        return EntryPairs.hash(version, flags, sampleCount, sampleOffset);
    }

    @Override
    public String toString() {
        return "CompositionOffsetBox[version=" + version + ", flags=" + flags + ", sampleCount=" + Arrays.toString(sampleCount)
                + ", sampleOffset=" + Arrays.toString(sampleOffset) + "]";
    }
}
