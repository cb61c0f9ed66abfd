package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Interest;
import io.streamwire.core.LimitExceededException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * {@link NalScanner} against a byte-by-byte reading of ITU-T H.264 / H.265 §B.2 (as this project
 * applies it: a NAL unit ends only at {@code 00 00 01}, trailing zeros dropped, empty units skipped),
 * and {@link AnnexBFramer} against {@link NalScanner} for every chunking and interest: the codec
 * modules' Annex B scanners and push decoders are thin layers over these two.
 */
class AnnexBFramerPropertiesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<Byte> dense = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just((byte) 0)),
                Tuple.of(10, Arbitraries.just((byte) 1)),
                Tuple.of(5, Arbitraries.just((byte) 3)),
                Tuple.of(30, Arbitraries.bytes()));
        return dense.array(byte[].class).ofMaxSize(200);
    }

    /** The reference: find each 00 00 01, the unit runs to the next one, trailing zeros dropped. */
    static List<String> reference(byte[] a) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 2 < a.length; i++) {
            if (a[i] == 0 && a[i + 1] == 0 && a[i + 2] == 1) {
                starts.add(i);
            }
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k) + 3;
            int to = k + 1 < starts.size() ? starts.get(k + 1) : a.length;
            if (from > to) {
                continue; // overlapping prefixes: 00 00 01 can't overlap another, kept for safety
            }
            while (to > from && a[to - 1] == 0) {
                to--;
            }
            if (to > from) {
                out.add(from + ":" + HEX.formatHex(a, from, to));
            }
        }
        return out;
    }

    @Property(tries = 500)
    void scannerMatchesTheByteReading(@ForAll("streams") byte[] a) {
        List<String> got = new ArrayList<>();
        NalScanner s = new NalScanner().reset(ByteBuffer.wrap(a));
        while (s.next()) {
            got.add(s.nalStart() + ":" + HEX.formatHex(a, s.nalStart(), s.nalEnd()));
            assertThat(s.nalHeaderByte()).isEqualTo(a[s.nalStart()] & 0xFF);
        }
        assertThat(got).isEqualTo(reference(a));
    }

    @Property(tries = 500)
    void framerMatchesTheScannerInEveryChunking(@ForAll("streams") byte[] a, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> expected = new ArrayList<>();
        for (String nal : reference(a)) {
            int at = Integer.parseInt(nal.substring(0, nal.indexOf(':')));
            if (interest(a[at] & 0xFF) != Interest.IGNORE) {
                expected.add(nal);
            }
        }
        List<String> got = new ArrayList<>();
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        long[] start = new long[1];
        AnnexBFramer framer = new AnnexBFramer("Test", "test", "TestLimits.maxNalSize()", 1 << 16, new AnnexBFramer.Sink() {
            @Override
            public Interest onNalStart(int headerByte, long offset) {
                start[0] = offset;
                return interest(headerByte);
            }

            @Override
            public void onNal(ByteBuffer nal, long offset) {
                byte[] b = new byte[nal.remaining()];
                nal.get(b);
                got.add(offset + ":" + HEX.formatHex(b));
            }

            @Override
            public void onNalFragment(ByteBuffer fragment, boolean last) {
                byte[] b = new byte[fragment.remaining()];
                fragment.get(b);
                pieces.writeBytes(b);
                if (last) {
                    got.add(start[0] + ":" + HEX.formatHex(pieces.toByteArray()));
                    pieces.reset();
                }
            }

            @Override
            public void onBytesBeforeFirstStartCode(long offset) {}

            @Override
            public void onZeroRun(long length, long offset) {}
        });
        int i = 0;
        while (i < a.length) {
            int n = 1 + random.nextInt(Math.min(a.length - i, 17));
            ByteBuffer chunk = ByteBuffer.wrap(a, i, n);
            framer.feed(chunk);
            assertThat(chunk.position()).isEqualTo(i + n);
            i += n;
        }
        framer.endOfInput();
        assertThat(got).isEqualTo(expected);
        assertThat(framer.position()).isEqualTo(a.length);
    }

    private static Interest interest(int header) {
        return Interest.values()[header % 3];
    }

    @Test
    void limitAndLifecycle() {
        AnnexBFramer framer = new AnnexBFramer("TestDecoder", "test", "TestLimits.maxNalSize()", 4, new AnnexBFramer.Sink() {
            @Override
            public Interest onNalStart(int headerByte, long offset) {
                return Interest.IGNORE;
            }

            @Override
            public void onNal(ByteBuffer nal, long offset) {}

            @Override
            public void onNalFragment(ByteBuffer fragment, boolean last) {}

            @Override
            public void onBytesBeforeFirstStartCode(long offset) {}

            @Override
            public void onZeroRun(long length, long offset) {}
        });
        assertThatThrownBy(() -> framer.feed(ByteBuffer.wrap(HEX.parseHex("0000000155555555550000"))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("TestLimits.maxNalSize()");
                    assertThat(e.offset()).isEqualTo(4);
                    assertThat(e.module()).isEqualTo("test");
                });
        assertThatThrownBy(() -> framer.feed(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TestDecoder");
        framer.reset();
        framer.feed(ByteBuffer.wrap(HEX.parseHex("00000155")));
        framer.endOfInput();
        framer.endOfInput();
        assertThat(framer.position()).isEqualTo(4);
    }
}
