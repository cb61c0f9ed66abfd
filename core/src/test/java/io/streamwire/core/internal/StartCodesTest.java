package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The word scan against a byte-by-byte reference: random buffers dense in 0x00, 0x01 and 0x03 with
 * a start code (and an emulation prevention sequence) planted at every offset, every sub-range
 * {@code [from, to)}, and the three byte ranges the module asks for, over arrays, heap buffers with
 * an array offset and direct buffers.
 */
class StartCodesTest {
    private static final int[][] RANGES = {{1, 1}, {3, 3}, {0, 1}, {0, 0}, {2, 3}, {0, 3}};

    static int naive(byte[] a, int from, int to, int lo, int hi) {
        for (int i = from; i + 2 < to; i++) {
            if (a[i] == 0 && a[i + 1] == 0 && (a[i + 2] & 0xFF) >= lo && (a[i + 2] & 0xFF) <= hi) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] randomBytes(SplittableRandom rnd, int n, int zeroPercent) {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(100);
            a[i] = r < zeroPercent ? 0 : r < zeroPercent + 8 ? 1 : r < zeroPercent + 14 ? 3 : (byte) rnd.nextInt(256);
        }
        return a;
    }

    private static void checkAllRanges(byte[] a) {
        int n = a.length;
        int pad = 5;
        byte[] padded = new byte[n + 2 * pad];
        System.arraycopy(a, 0, padded, pad, n);
        ByteBuffer offsetHeap = ByteBuffer.wrap(padded, pad, n).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(n).put(a).flip();
        for (int[] range : RANGES) {
            for (int from = 0; from <= n; from++) {
                for (int to = from; to <= n; to++) {
                    int expected = naive(a, from, to, range[0], range[1]);
                    String where = "from " + from + " to " + to + " third " + range[0] + ".." + range[1];
                    assertThat(StartCodes.findPair(a, from, to, range[0], range[1])).as("array " + where).isEqualTo(expected);
                    assertThat(StartCodes.findPair(offsetHeap, from, to, range[0], range[1])).as("heap slice " + where).isEqualTo(expected);
                    assertThat(StartCodes.findPair(direct, from, to, range[0], range[1])).as("direct " + where).isEqualTo(expected);
                    if (range[0] == 1 && range[1] == 1) {
                        assertThat(StartCodes.find(a, from, to)).as("find array " + where).isEqualTo(expected);
                        assertThat(StartCodes.find(offsetHeap, from, to)).as("find heap slice " + where).isEqualTo(expected);
                        assertThat(StartCodes.find(direct, from, to)).as("find direct " + where).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void plantedAtEveryAlignmentMatchesByteByByteReference() {
        SplittableRandom rnd = new SplittableRandom(20261121);
        int n = 48;
        for (int at = 0; at + 3 <= n; at++) {
            for (int third : new int[] {1, 3}) {
                byte[] a = randomBytes(rnd, n, 3);
                a[at] = 0;
                a[at + 1] = 0;
                a[at + 2] = (byte) third;
                checkAllRanges(a);
            }
        }
    }

    @Test
    void randomBuffersDenseInZerosMatchByteByByteReference() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int zeroPercent = new int[] {0, 2, 10, 30, 60}[round % 5];
            checkAllRanges(randomBytes(rnd, 1 + rnd.nextInt(56), zeroPercent));
        }
    }

    @Test
    void longBuffersWithSparseStartCodesFindEveryOne() {
        SplittableRandom rnd = new SplittableRandom(99);
        for (int round = 0; round < 50; round++) {
            byte[] a = randomBytes(rnd, 4096 + rnd.nextInt(64), 1);
            for (int k = 0; k < 20; k++) {
                int at = rnd.nextInt(a.length - 3);
                a[at] = 0;
                a[at + 1] = 0;
                a[at + 2] = 1;
            }
            ByteBuffer direct = ByteBuffer.allocateDirect(a.length).put(a).flip();
            for (int[] range : RANGES) {
                int from = 0;
                while (true) {
                    int expected = naive(a, from, a.length, range[0], range[1]);
                    assertThat(StartCodes.findPair(a, from, a.length, range[0], range[1])).isEqualTo(expected);
                    assertThat(StartCodes.findPair(direct, from, a.length, range[0], range[1])).isEqualTo(expected);
                    if (expected < 0) {
                        break;
                    }
                    from = expected + 1;
                }
            }
        }
    }
}
