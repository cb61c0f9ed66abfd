package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.LimitExceededException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HevcAnnexB}, {@link HevcAnnexBScanner} and {@link HevcAnnexBDecoder} on synthetic and x265 streams (ITU-T H.265 §B.2). */
class HevcAnnexBTest {
    private static final HexFormat HEX = HexFormat.of();

    private static List<String> hex(List<ByteBuffer> nals) {
        List<String> out = new ArrayList<>();
        for (ByteBuffer n : nals) {
            byte[] b = new byte[n.remaining()];
            n.duplicate().get(b);
            out.add(HEX.formatHex(b));
        }
        return out;
    }

    @Test
    void splitsStartCodesTrailingZerosAndLeadingBytes() {
        byte[] stream = HEX.parseHex("ffee" + "00000001" + "40010c" + "000001" + "42010100" + "0000" // trailing_zero_8bits
                + "000001" + "000001" + "2601af" + "00000000" + "0001" + "0201");
        assertThat(hex(HevcAnnexB.split(ByteBuffer.wrap(stream)))).containsExactly("40010c", "420101", "2601af", "0201");
    }

    @Test
    void scannerReportsTypesAndLeavesThePositionAlone() {
        ByteBuffer buf = ByteBuffer.wrap(HEX.parseHex("0000000140010c000001420101000001440101"));
        buf.position(1);
        HevcAnnexBScanner s = new HevcAnnexBScanner().reset(buf);
        List<Integer> types = new ArrayList<>();
        while (s.next()) {
            types.add(s.nalUnitType());
        }
        assertThat(types).containsExactly(32, 33, 34);
        assertThat(buf.position()).isEqualTo(1);
        assertThatThrownBy(() -> new HevcAnnexBScanner().next()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writeRefusesWhatAnnexBCannotCarry() {
        assertThatThrownBy(() -> HevcAnnexB.toByteArray(List.of(ByteBuffer.wrap(new byte[0]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HevcAnnexB.toByteArray(List.of(ByteBuffer.wrap(new byte[] {0x40, 0x01, 0}))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Random NAL units (no 00 00 0x inside, none ending in 00) joined with start codes split back to themselves. */
    @Property(tries = 300)
    void splitOfJoinIsIdentityInEveryChunking(@ForAll("nalLists") List<byte[]> nals, @ForAll long seed) {
        List<ByteBuffer> in = nals.stream().map(ByteBuffer::wrap).toList();
        byte[] stream = HevcAnnexB.toByteArray(in);
        assertThat(hex(HevcAnnexB.split(ByteBuffer.wrap(stream)))).isEqualTo(hex(in));
        List<String> pushed = new ArrayList<>();
        HevcAnnexBDecoder d = new HevcAnnexBDecoder((nal, offset) -> pushed.add(hex(List.of(nal)).get(0)));
        for (byte[] piece : Chunks.random(stream, new Random(seed))) {
            d.feed(ByteBuffer.wrap(piece));
        }
        d.endOfInput();
        assertThat(pushed).isEqualTo(hex(in));
    }

    @Provide
    Arbitrary<List<byte[]>> nalLists() {
        Arbitrary<byte[]> nal = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40).map(b -> {
            byte[] c = b.clone();
            for (int i = 0; i < c.length; i++) {
                if (c[i] == 0) {
                    c[i] = (i % 3 == 1) ? (byte) 0x03 : 0; // keep zero pairs rare and escaped: 00 03
                }
                if (i >= 2 && c[i - 2] == 0 && c[i - 1] == 0 && (c[i] & 0xFF) <= 3) {
                    c[i] = 0x55;
                }
            }
            if (c[c.length - 1] == 0) {
                c[c.length - 1] = (byte) 0x80; // rbsp_stop_one_bit
            }
            return c;
        });
        return nal.list().ofMaxSize(12);
    }

    /** The decoder and the one-shot split agree on every fixture, fed in 7-byte pieces. */
    @ParameterizedTest
    @ValueSource(strings = {"main", "slices4", "hdr10", "open-gop", "rext444-12"})
    void decoderMatchesSplitOnFixtures(String name) {
        byte[] stream = Fixtures.bytes("h265/" + name + ".h265");
        List<String> expected = hex(HevcAnnexB.split(ByteBuffer.wrap(stream)));
        List<String> got = new ArrayList<>();
        List<Anomaly<H265AnomalyKind>> anomalies = new ArrayList<>();
        HevcAnnexBDecoder d = new HevcAnnexBDecoder(new HevcAnnexBDecoder.Listener() {
            @Override
            public void onNal(ByteBuffer nal, long offset) {
                assertThat(stream[(int) offset] & 0xFF).isEqualTo(nal.get(nal.position()) & 0xFF);
                got.add(hex(List.of(nal)).get(0));
            }

            @Override
            public void onAnomaly(Anomaly<H265AnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        }, H265Limits.defaults());
        for (byte[] piece : Chunks.fixed(stream, 7)) {
            d.feed(ByteBuffer.wrap(piece));
        }
        d.endOfInput();
        assertThat(got).isEqualTo(expected).isNotEmpty();
        assertThat(anomalies).isEmpty();
        assertThat(d.position()).isEqualTo(stream.length);
    }

    @Test
    void anomaliesAreTyped() {
        List<Anomaly<H265AnomalyKind>> anomalies = new ArrayList<>();
        HevcAnnexBDecoder d = new HevcAnnexBDecoder(new HevcAnnexBDecoder.Listener() {
            @Override
            public void onNal(ByteBuffer nal, long offset) {}

            @Override
            public void onAnomaly(Anomaly<H265AnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        });
        d.feed(ByteBuffer.wrap(HEX.parseHex("aa00000140010000000055")));
        d.endOfInput();
        assertThat(anomalies).extracting(Anomaly::kind)
                .containsExactly(H265AnomalyKind.BYTES_BEFORE_FIRST_START_CODE, H265AnomalyKind.ZERO_RUN_IN_NAL_UNIT);
        assertThat(anomalies).extracting(Anomaly::offset).containsExactly(0L, 6L);
    }

    /** A NAL unit past H265Limits.maxNalSize() fails at the byte that passes it, with nothing of its size allocated. */
    @Test
    void hostileNalSizeNamesTheLimit() {
        byte[] stream = new byte[4 + 1000];
        stream[3] = 1;
        java.util.Arrays.fill(stream, 4, stream.length, (byte) 0x55);
        HevcAnnexBDecoder d = new HevcAnnexBDecoder((nal, offset) -> {}, H265Limits.defaults().withMaxNalSize(100));
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(stream))).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo("H265Limits.maxNalSize()");
            assertThat(e.module()).isEqualTo("h265");
            assertThat(e.offset()).isEqualTo(4);
            assertThat(e.limit()).isEqualTo(100);
        });
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasMessageContaining("HevcAnnexBDecoder");
    }

    /** The steady path of the scanner allocates nothing per NAL unit. */
    @Test
    void scannerAllocatesNothingPerNalUnit() {
        ByteBuffer stream = ByteBuffer.wrap(Fixtures.bytes("h265/slices4.h265"));
        HevcAnnexBScanner s = new HevcAnnexBScanner();
        Allocation.assertAllocatesNothing("HevcAnnexBScanner over slices4", 2000, 200, 0, () -> {
            s.reset(stream);
            while (s.next()) {
                s.nalUnitType();
            }
        });
    }

    /** Whole NAL units inside one feed are views of the fed buffer: nothing allocated per NAL unit. */
    @Test
    void decoderAllocatesNothingPerNalUnitWithinAFeed() {
        byte[] bytes = Fixtures.bytes("h265/slices4.h265");
        int[] count = new int[1];
        HevcAnnexBDecoder d = new HevcAnnexBDecoder((nal, offset) -> count[0]++);
        ByteBuffer whole = ByteBuffer.wrap(bytes);
        Allocation.assertAllocatesNothing("HevcAnnexBDecoder over slices4", 2000, 200, 0, () -> {
            d.reset();
            whole.clear();
            d.feed(whole);
            d.endOfInput();
        });
        assertThat(count[0]).isPositive();
    }

    @Test
    void writeThenSplitKeepsBytes() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        List<ByteBuffer> nals = HevcAnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h265/main.h265")));
        ByteBuffer out = ByteBuffer.allocate(HevcAnnexB.encodedSize(nals));
        HevcAnnexB.write(nals, out);
        assertThat(out.hasRemaining()).isFalse();
        assertThat(hex(HevcAnnexB.split(out.flip()))).isEqualTo(hex(nals));
        expected.reset();
    }
}
