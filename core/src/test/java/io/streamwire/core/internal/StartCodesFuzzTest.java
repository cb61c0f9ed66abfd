package io.streamwire.core.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * The start-code scan against the naive byte loop ({@link StartCodesTest#naive}) on fuzzer-chosen
 * bytes: the first two bytes pick the search start and the byte range, the rest is searched over
 * an array and over a direct buffer (the two code paths). Seeds under
 * {@code StartCodesFuzzTestInputs/find/}.
 */
class StartCodesFuzzTest {
    private static final int[][] RANGES = {{1, 1}, {3, 3}, {0, 1}, {0, 3}, {0, 0}, {2, 3}};

    @FuzzTest(maxDuration = "120s")
    void find(byte[] data) {
        if (data.length < 2) {
            return;
        }
        byte[] a = java.util.Arrays.copyOfRange(data, 2, data.length);
        int from = Math.min(data[0] & 0xFF, a.length);
        int[] range = RANGES[(data[1] & 0xFF) % RANGES.length];
        int expected = StartCodesTest.naive(a, from, a.length, range[0], range[1]);
        int overArray = StartCodes.findPair(a, from, a.length, range[0], range[1]);
        ByteBuffer direct = ByteBuffer.allocateDirect(a.length).put(a).flip();
        int overBuffer = StartCodes.findPair(direct, from, a.length, range[0], range[1]);
        if (overArray != expected || overBuffer != expected) {
            throw new AssertionError("from " + from + " range " + range[0] + ".." + range[1] + ": naive " + expected
                    + ", array " + overArray + ", direct " + overBuffer);
        }
    }
}
