package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Chunk offset box, ISO/IEC 14496-12:2022 §8.7.5: {@code stco} with 32-bit offsets or {@code co64}
 * with 64-bit ones, a full box of version 0:
 * <pre>
 * unsigned int(32) entry_count;
 * for (i = 0; i &lt; entry_count; i++) { unsigned int(32|64) chunk_offset; }   // from the start of the file
 * </pre>
 *
 * @param type {@code stco} or {@code co64}
 * @param version 0
 * @param flags 24 bits, 0
 * @param chunkOffset chunk_offset per chunk (below 2^32 for {@code stco})
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @since 0.2.0
 */
public record ChunkOffsetBox(BoxType type, int version, int flags, long[] chunkOffset) implements Box {
    /** Checks the components; copies the array. */
    public ChunkOffsetBox {
        if (!type.equals(BoxType.STCO) && !type.equals(BoxType.CO64)) {
            throw new IllegalArgumentException("type stco or co64, not " + type);
        }
        Boxes.checkVersionFlags(version, 0, flags);
        chunkOffset = chunkOffset.clone();
        boolean wide = type.equals(BoxType.CO64);
        for (long o : chunkOffset) {
            if (o < 0 && !wide || !wide && o > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("chunk_offset " + o + " does not fit stco; use co64");
            }
        }
    }

    /** An empty {@code stco} (fragmented files). */
    public static ChunkOffsetBox empty() {
        return new ChunkOffsetBox(BoxType.STCO, 0, 0, new long[0]);
    }

    /** {@code stco} when every offset is below 2^32, else {@code co64}. */
    public static ChunkOffsetBox of(long[] offsets) {
        boolean wide = false;
        for (long o : offsets) {
            wide |= o > 0xFFFF_FFFFL || o < 0;
        }
        return new ChunkOffsetBox(wide ? BoxType.CO64 : BoxType.STCO, 0, 0, offsets);
    }

    /** entry_count. */
    public int entryCount() {
        return chunkOffset.length;
    }

    /** chunk_offset of chunk {@code i} (0-based). */
    public long chunkOffset(int i) {
        return chunkOffset[i];
    }

    @Override
    public long[] chunkOffset() {
        return chunkOffset.clone();
    }

    static ChunkOffsetBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        boolean wide = p.header.type().equals(BoxType.CO64);
        int n = p.entries(p.u32("entry_count"), wide ? 8 : 4, "entry_count");
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = wide ? p.i64("chunk_offset") : p.u32("chunk_offset");
        }
        return new ChunkOffsetBox(p.header.type(), version, flags, offsets);
    }

    @Override
    public int payloadSize() {
        return 8 + (type.equals(BoxType.CO64) ? 8 : 4) * chunkOffset.length;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, chunkOffset.length);
        boolean wide = type.equals(BoxType.CO64);
        for (long o : chunkOffset) {
            if (wide) {
                BigEndian.putLongRelative(out, o);
            } else {
                BigEndian.putIntRelative(out, (int) o);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkOffsetBox t && type.equals(t.type) && version == t.version && flags == t.flags
                && Arrays.equals(chunkOffset, t.chunkOffset);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * type.hashCode() + version) + flags) + Arrays.hashCode(chunkOffset);
    }

    @Override
    public String toString() {
        return "ChunkOffsetBox[type=" + type + ", version=" + version + ", flags=" + flags + ", chunkOffset="
                + Arrays.toString(chunkOffset) + "]";
    }
}
