package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Sample to chunk box {@code stsc}, ISO/IEC 14496-12:2022 §8.7.4, a full box of version 0:
 * <pre>
 * unsigned int(32) entry_count;
 * for (i = 0; i &lt; entry_count; i++) {
 *     unsigned int(32) first_chunk; unsigned int(32) samples_per_chunk; unsigned int(32) sample_description_index; }
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param firstChunk first_chunk per entry, 1-based (unsigned 32-bit values held in ints)
 * @param samplesPerChunk samples_per_chunk per entry (unsigned 32-bit values held in ints)
 * @param sampleDescriptionIndex sample_description_index per entry, 1-based (unsigned 32-bit values held in ints)
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @since 0.2.0
 */
public record SampleToChunkBox(int version, int flags, int[] firstChunk, int[] samplesPerChunk,
        int[] sampleDescriptionIndex) implements Box {
    /** Checks the components; copies the arrays. */
    public SampleToChunkBox {
        Boxes.checkVersionFlags(version, 0, flags);
        firstChunk = firstChunk.clone();
        samplesPerChunk = samplesPerChunk.clone();
        sampleDescriptionIndex = sampleDescriptionIndex.clone();
        Boxes.checkSameLength(firstChunk.length, samplesPerChunk.length);
        Boxes.checkSameLength(firstChunk.length, sampleDescriptionIndex.length);
    }

    /** An empty table (fragmented files). */
    public static SampleToChunkBox empty() {
        return new SampleToChunkBox(0, 0, new int[0], new int[0], new int[0]);
    }

    /** entry_count. */
    public int entryCount() {
        return firstChunk.length;
    }

    /** first_chunk of entry {@code i}, unsigned. */
    public long firstChunk(int i) {
        return firstChunk[i] & 0xFFFF_FFFFL;
    }

    /** samples_per_chunk of entry {@code i}, unsigned. */
    public long samplesPerChunk(int i) {
        return samplesPerChunk[i] & 0xFFFF_FFFFL;
    }

    /** sample_description_index of entry {@code i}, unsigned. */
    public long sampleDescriptionIndex(int i) {
        return sampleDescriptionIndex[i] & 0xFFFF_FFFFL;
    }

    @Override
    public int[] firstChunk() {
        return firstChunk.clone();
    }

    @Override
    public int[] samplesPerChunk() {
        return samplesPerChunk.clone();
    }

    @Override
    public int[] sampleDescriptionIndex() {
        return sampleDescriptionIndex.clone();
    }

    @Override
    public BoxType type() {
        return BoxType.STSC;
    }

    static SampleToChunkBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        int n = p.entries(p.u32("entry_count"), 12, "entry_count");
        int[] first = new int[n];
        int[] per = new int[n];
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = p.i32("first_chunk");
            per[i] = p.i32("samples_per_chunk");
            index[i] = p.i32("sample_description_index");
        }
        return new SampleToChunkBox(version, flags, first, per, index);
    }

    @Override
    public int payloadSize() {
        return 8 + 12 * firstChunk.length;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, firstChunk.length);
        for (int i = 0; i < firstChunk.length; i++) {
            BigEndian.putIntRelative(out, firstChunk[i]);
            BigEndian.putIntRelative(out, samplesPerChunk[i]);
            BigEndian.putIntRelative(out, sampleDescriptionIndex[i]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleToChunkBox t && version == t.version && flags == t.flags
                && Arrays.equals(firstChunk, t.firstChunk) && Arrays.equals(samplesPerChunk, t.samplesPerChunk)
                && Arrays.equals(sampleDescriptionIndex, t.sampleDescriptionIndex);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {version, flags, Arrays.hashCode(firstChunk), Arrays.hashCode(samplesPerChunk),
            Arrays.hashCode(sampleDescriptionIndex)});
    }

    @Override
    public String toString() {
        return "SampleToChunkBox[version=" + version + ", flags=" + flags + ", firstChunk=" + Arrays.toString(firstChunk)
                + ", samplesPerChunk=" + Arrays.toString(samplesPerChunk) + ", sampleDescriptionIndex="
                + Arrays.toString(sampleDescriptionIndex) + "]";
    }
}
