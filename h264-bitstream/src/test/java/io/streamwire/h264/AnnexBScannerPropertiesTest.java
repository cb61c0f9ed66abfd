package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link AnnexBScanner} (which keeps the start code that ended one NAL unit for the next instead of
 * scanning for it again) against a byte-by-byte reading of Annex B (§B.2): random streams dense in
 * 0x00, 0x01 and 0x03, as an array, an offset heap slice and a direct buffer, scanned from every
 * start position.
 */
class AnnexBScannerPropertiesTest {
    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<Byte> dense = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just((byte) 0)),
                Tuple.of(10, Arbitraries.just((byte) 1)),
                Tuple.of(5, Arbitraries.just((byte) 3)),
                Tuple.of(3, Arbitraries.bytes().between((byte) 0x80, (byte) 0x81)),
                Tuple.of(20, Arbitraries.bytes()));
        return dense.array(byte[].class).ofMaxSize(300);
    }

    /** {start, end} of each non-empty NAL unit of {@code a[from, to)}, found one byte at a time. */
    static List<List<Integer>> naive(byte[] a, int from, int to) {
        List<Integer> codes = new ArrayList<>();
        for (int i = from; i + 2 < to; i++) {
            if (a[i] == 0 && a[i + 1] == 0 && a[i + 2] == 1) {
                codes.add(i);
                i += 2;
            }
        }
        List<List<Integer>> nals = new ArrayList<>();
        for (int c = 0; c < codes.size(); c++) {
            int start = codes.get(c) + 3;
            int end = c + 1 < codes.size() ? codes.get(c + 1) : to;
            while (end > start && a[end - 1] == 0) {
                end--;
            }
            if (end > start) {
                nals.add(List.of(start, end));
            }
        }
        return nals;
    }

    @Property(tries = 300)
    void scannerMatchesByteLoop(@ForAll("streams") byte[] a) {
        int n = a.length;
        byte[] padded = new byte[n + 5];
        System.arraycopy(a, 0, padded, 5, n);
        for (int from = 0; from <= n; from++) {
            List<List<Integer>> expected = naive(a, from, n);
            ByteBuffer[] views = {
                ByteBuffer.wrap(a).position(from),
                ByteBuffer.wrap(padded, 5, n).slice().position(from),
                ByteBuffer.allocateDirect(n).put(a).flip().position(from)
            };
            for (ByteBuffer view : views) {
                AnnexBScanner scanner = new AnnexBScanner().reset(view);
                List<List<Integer>> got = new ArrayList<>();
                while (scanner.next()) {
                    got.add(List.of(scanner.nalStart(), scanner.nalEnd()));
                    assertThat(scanner.nalLength()).isEqualTo(scanner.nalEnd() - scanner.nalStart());
                    assertThat(scanner.nalHeaderByte()).isEqualTo(a[scanner.nalStart()] & 0xFF);
                }
                assertThat(got).as("from %d, %s", from, view).isEqualTo(expected);
                assertThat(scanner.next()).isFalse();
            }
        }
    }
}
