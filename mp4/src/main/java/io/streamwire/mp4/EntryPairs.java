package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The shared layout of the full boxes whose payload is {@code entry_count} then pairs of 32-bit
 * fields: stts (sample_count, sample_delta; ISO/IEC 14496-12:2022 §8.6.1.2) and ctts (sample_count,
 * sample_offset; §8.6.1.3). Reading, size, writing, equality and hashing of the two arrays.
 *
 * <p>Thread-safe (stateless).
 */
final class EntryPairs {
    private EntryPairs() {}

    /** Reads entry_count and the pairs after version and flags; returns {first[], second[]}. */
    static int[][] read(Payload p, String firstName, String secondName) {
        int n = p.entries(p.u32("entry_count"), 8, "entry_count");
        int[] first = new int[n];
        int[] second = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = p.i32(firstName);
            second[i] = p.i32(secondName);
        }
        return new int[][] {first, second};
    }

    static int payloadSize(int[] first) {
        return 8 + 8 * first.length;
    }

    static void write(ByteBuffer out, int version, int flags, int[] first, int[] second) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, first.length);
        for (int i = 0; i < first.length; i++) {
            BigEndian.putIntRelative(out, first[i]);
            BigEndian.putIntRelative(out, second[i]);
        }
    }

    static boolean equal(int version, int flags, int[] first, int[] second, int otherVersion, int otherFlags, int[] otherFirst,
            int[] otherSecond) {
        return version == otherVersion && flags == otherFlags && Arrays.equals(first, otherFirst) && Arrays.equals(second, otherSecond);
    }

    static int hash(int version, int flags, int[] first, int[] second) {
        return 31 * (31 * (31 * version + flags) + Arrays.hashCode(first)) + Arrays.hashCode(second);
    }
}
