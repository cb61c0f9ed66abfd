package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The 64-byte lane filter of {@link StartCodes} against a naive byte loop: random buffers made
 * mostly of 0x00, 0x01, 0x03 and 0x80-0x83 (so pairs, start codes, emulation prevention sequences
 * and false filter hits are everywhere, also across word and block edges), searched from every start offset (every
 * alignment of the blocks) to every end, for the byte ranges the module asks for (and the other masks' edge ranges), over an
 * array, a heap buffer with a non-zero array offset and a direct buffer.
 */
class StartCodesPropertiesTest {
    private static final int[][] RANGES = {{1, 1}, {3, 3}, {0, 1}, {0, 0}, {2, 3}, {0, 3}};

    @Provide
    Arbitrary<byte[]> denseBuffers() {
        Arbitrary<Byte> dense = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just((byte) 0)),
                Tuple.of(8, Arbitraries.just((byte) 1)),
                Tuple.of(6, Arbitraries.just((byte) 3)),
                Tuple.of(4, Arbitraries.bytes().between((byte) 0x80, (byte) 0x83)),
                Tuple.of(20, Arbitraries.bytes()));
        return dense.array(byte[].class).ofMaxSize(160);
    }

    @Property(tries = 300)
    void wordScanMatchesByteLoopAtEveryAlignmentAndLength(@ForAll("denseBuffers") byte[] a) {
        int n = a.length;
        byte[] padded = new byte[n + 7];
        System.arraycopy(a, 0, padded, 3, n);
        ByteBuffer offsetHeap = ByteBuffer.wrap(padded, 3, n).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(n).put(a).flip();
        for (int[] range : RANGES) {
            for (int from = 0; from <= n; from++) {
                for (int to = from; to <= n; to++) {
                    int expected = StartCodesTest.naive(a, from, to, range[0], range[1]);
                    assertThat(StartCodes.findPair(a, from, to, range[0], range[1]))
                            .as("array from %d to %d third %d..%d", from, to, range[0], range[1]).isEqualTo(expected);
                    assertThat(StartCodes.findPair(offsetHeap, from, to, range[0], range[1]))
                            .as("heap slice from %d to %d", from, to).isEqualTo(expected);
                    if (to == n || to - from < 40) {
                        assertThat(StartCodes.findPair(direct, from, to, range[0], range[1]))
                                .as("direct from %d to %d", from, to).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<byte[]> sparseBuffers() {
        Arbitrary<Byte> sparse = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just((byte) 0)),
                Tuple.of(1, Arbitraries.just((byte) 1)),
                Tuple.of(1, Arbitraries.just((byte) 3)),
                Tuple.of(60, Arbitraries.bytes()));
        return sparse.array(byte[].class).ofMinSize(64).ofMaxSize(2048);
    }

    /** Long buffers where most blocks pass the filter: every match found in turn, as the scanner walks. */
    @Property(tries = 300)
    void walkingFromMatchToMatchFindsEveryOne(@ForAll("sparseBuffers") byte[] a) {
        for (int[] range : RANGES) {
            for (int start = 0; start < 33 && start <= a.length; start++) {
                int from = start;
                while (true) {
                    int expected = StartCodesTest.naive(a, from, a.length, range[0], range[1]);
                    assertThat(StartCodes.findPair(a, from, a.length, range[0], range[1])).isEqualTo(expected);
                    if (expected < 0) {
                        break;
                    }
                    from = expected + 1;
                }
            }
        }
    }
}
