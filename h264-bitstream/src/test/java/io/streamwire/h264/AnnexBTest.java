package io.streamwire.h264;

import io.streamwire.core.internal.EmulationPrevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.core.LimitExceededException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Chunks;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnnexBTest {
    static final HexFormat HEX = HexFormat.of();

    /** name, stream, NAL units (hex, space separated), offset of each NAL unit. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("4-byte start codes", "00000001 6742 00000001 68ce", "6742 68ce", new long[] {4, 10}),
                Arguments.of("3-byte start codes", "000001 6742 000001 68ce", "6742 68ce", new long[] {3, 8}),
                Arguments.of("leading zeros", "0000000000 000001 65aa", "65aa", new long[] {8}),
                Arguments.of("trailing zeros", "000001 65aa 000000 000001 41bb 0000", "65aa 41bb", new long[] {3, 11}),
                Arguments.of("garbage first", "ffee 000001 09f0", "09f0", new long[] {5}),
                Arguments.of("empty NAL skipped", "000001 000001 0910", "0910", new long[] {6}),
                Arguments.of("zero inside", "000001 650000 04 00 88", "6500000400 88", new long[] {3}),
                Arguments.of("no start code", "6742aabb", "", new long[] {}),
                Arguments.of("zero run inside kept", "000001 6500000000 77 000001 41", "650000000077 41", new long[] {3, 12}),
                Arguments.of("header byte zero", "000001 00 80", "0080", new long[] {3}));
    }

    static List<String> hexList(List<ByteBuffer> nals) {
        return nals.stream().map(AnnexBTest::hex).toList();
    }

    static String hex(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return HEX.formatHex(a);
    }

    static List<String> expected(String nals) {
        return nals.isBlank() ? List.of() : List.of(nals.replace(" 88", "88").split(" "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitterAndScanner(String name, String stream, String nals, long[] offsets) {
        byte[] bytes = HEX.parseHex(stream.replace(" ", ""));
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            int pos = in.position();
            assertThat(hexList(AnnexB.split(in))).as(kind.name()).isEqualTo(expected(nals));
            assertThat(in.position()).isEqualTo(pos);
            AnnexBScanner scanner = new AnnexBScanner().reset(in);
            List<Long> got = new ArrayList<>();
            while (scanner.next()) {
                got.add((long) scanner.nalStart() - pos);
            }
            assertThat(got).containsExactly(java.util.Arrays.stream(offsets).boxed().toArray(Long[]::new));
        }
    }

    /** Records what a decoder delivers, in WHOLE, FRAGMENTS or mixed mode. */
    static final class Recorder implements AnnexBDecoder.Listener {
        final List<String> nals = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();
        final List<String> anomalies = new ArrayList<>();
        final ByteArrayOutputStream current = new ByteArrayOutputStream();
        final int mode; // 0 buffer, 1 stream, 2 alternate with ignore of type 9

        Recorder(int mode) {
            this.mode = mode;
        }

        @Override
        public Interest onNalStart(int header, long offset) {
            if (mode == 2 && (header & 0x1F) == 9) {
                return Interest.IGNORE;
            }
            offsets.add(offset);
            return mode == 0 || (mode == 2 && offsets.size() % 2 == 0) ? Interest.WHOLE : Interest.FRAGMENTS;
        }

        @Override
        public void onNal(ByteBuffer nal, long offset) {
            assertThat(offset).isEqualTo(offsets.get(offsets.size() - 1));
            nals.add(hex(nal));
        }

        @Override
        public void onNalFragment(ByteBuffer fragment, boolean last) {
            byte[] a = new byte[fragment.remaining()];
            fragment.get(a);
            current.writeBytes(a);
            if (last) {
                nals.add(HEX.formatHex(current.toByteArray()));
                current.reset();
            }
        }

        @Override
        public void onAnomaly(Anomaly<H264AnomalyKind> anomaly) {
            anomalies.add(anomaly.kind() + " " + anomaly.detail() + "@" + anomaly.offset());
        }
    }

    static Recorder decode(List<byte[]> pieces, Chunks.Kind kind, int mode) {
        Recorder r = new Recorder(mode);
        AnnexBDecoder d = new AnnexBDecoder(r);
        for (byte[] p : pieces) {
            ByteBuffer b = kind.wrap(p);
            d.feed(b);
            assertThat(b.hasRemaining()).isFalse();
        }
        d.endOfInput();
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decoderMatchesSplitterHoweverSplit(String name, String stream, String nals, long[] offsets) {
        byte[] bytes = HEX.parseHex(stream.replace(" ", ""));
        List<Long> expectedOffsets = java.util.Arrays.stream(offsets).boxed().toList();
        for (Chunks.Split split : Chunks.splits(bytes, 7)) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                for (int mode = 0; mode < 2; mode++) {
                    Recorder r = decode(split.pieces(), kind, mode);
                    assertThat(r.nals).as(split + " " + kind + " mode " + mode).isEqualTo(expected(nals));
                    assertThat(r.offsets).as(split + " offsets").isEqualTo(expectedOffsets);
                }
            }
        }
    }

    @Test
    void bufferedNalWithinOneFeedIsAViewOfTheFedBuffer() {
        byte[] bytes = HEX.parseHex("00000001674200000001" + "68ce3880" + "00000001");
        ByteBuffer fed = ByteBuffer.wrap(bytes);
        List<Boolean> sameArray = new ArrayList<>();
        AnnexBDecoder d = new AnnexBDecoder(new AnnexBDecoder.Listener() {
            @Override
            public Interest onNalStart(int header, long offset) {
                return Interest.WHOLE;
            }

            @Override
            public void onNal(ByteBuffer nal, long offset) {
                sameArray.add(nal.array() == bytes);
            }
        });
        d.feed(fed);
        d.endOfInput();
        assertThat(sameArray).containsExactly(true, true);
    }

    @Test
    void nalSizeLimitFailsBeforeBuffering() {
        byte[] bytes = new byte[100];
        bytes[2] = 1;
        java.util.Arrays.fill(bytes, 3, 100, (byte) 0x55);
        Recorder r = new Recorder(0);
        AnnexBDecoder d = new AnnexBDecoder(r, H264Limits.defaults().withMaxNalSize(50));
        LimitExceededException[] first = new LimitExceededException[1];
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.module()).isEqualTo("h264");
                    assertThat(e.field()).isEqualTo("nal_unit");
                    assertThat(e.limitName()).isEqualTo("H264Limits.maxNalSize()");
                    assertThat(e.limit()).isEqualTo(50);
                    assertThat(e.actual()).isGreaterThan(50);
                    assertThat(e.offset()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("(see H264Limits.maxNalSize())");
                    first[0] = e;
                });
        assertThat(r.nals).isEmpty();
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(bytes))).isInstanceOf(IllegalStateException.class)
                .hasCause(first[0]).hasMessageContaining(first[0].getMessage());
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(first[0]);
        d.reset();
        assertThat(d.position()).isZero();
        d.feed(ByteBuffer.wrap(new byte[] {0, 0, 1, 9}));
        d.endOfInput();
        assertThat(r.nals).containsExactly("09");
    }

    @Test
    void lifecycleFollowsTheStreamDecoderContract() {
        byte[] bytes = HEX.parseHex("00000001674200000001" + "68ce3880");
        Recorder r = new Recorder(0);
        AnnexBDecoder d = new AnnexBDecoder(r);
        assertThat(d.position()).isZero();
        d.feed(ByteBuffer.wrap(bytes));
        assertThat(d.position()).isEqualTo(bytes.length);
        assertThat(r.nals).containsExactly("6742"); // the last one waits for its end
        d.endOfInput();
        assertThat(r.nals).containsExactly("6742", "68ce3880");
        d.endOfInput(); // a second endOfInput does nothing
        assertThat(r.nals).hasSize(2);
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(bytes))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after endOfInput()");
        assertThatThrownBy(() -> d.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class);
        assertThat(d.position()).isEqualTo(bytes.length);
        d.reset();
        assertThat(d.position()).isZero();
        d.feed(ByteBuffer.wrap(bytes));
        d.endOfInput();
        assertThat(r.nals).containsExactly("6742", "68ce3880", "6742", "68ce3880");
        assertThat(r.offsets).containsExactly(4L, 10L, 4L, 10L);
    }

    @Test
    void aListenerExceptionFailsTheDecoder() {
        RuntimeException boom = new IllegalArgumentException("boom");
        AnnexBDecoder d = new AnnexBDecoder((nal, offset) -> {
            throw boom;
        });
        byte[] bytes = HEX.parseHex("000001674200000168ce");
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(bytes))).isSameAs(boom);
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(bytes))).isInstanceOf(IllegalStateException.class)
                .hasCause(boom).hasMessageContaining("boom");
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(boom);
        assertThat(d.position()).isZero(); // the failed feed is not counted
        d.reset();
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(bytes))).isSameAs(boom);
    }

    @Test
    void aNullInterestIsAProgrammingError() {
        AnnexBDecoder d = new AnnexBDecoder(new AnnexBDecoder.Listener() {
            @Override
            public Interest onNalStart(int nalHeaderByte, long offset) {
                return null;
            }

            @Override
            public void onNal(ByteBuffer nal, long offset) {
                throw new AssertionError("no interest, no NAL unit");
            }
        });
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(HEX.parseHex("0000016742")))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLambdaListenerTakesEveryNalUnitWhole() {
        List<String> nals = new ArrayList<>();
        AnnexBDecoder d = new AnnexBDecoder((nal, offset) -> nals.add(hex(nal) + "@" + offset));
        for (byte[] piece : Chunks.fixed(HEX.parseHex("000001674200000168ce" + "0000000109f0"), 3)) {
            d.feed(ByteBuffer.wrap(piece));
        }
        d.endOfInput();
        assertThat(nals).containsExactly("6742@3", "68ce@8", "09f0@14");
    }

    @Test
    void garbageIsReportedOnce() {
        Recorder r = decode(List.of(HEX.parseHex("ffee00000109f0")), Chunks.Kind.HEAP, 0);
        assertThat(r.anomalies).hasSize(1);
        assertThat(r.anomalies.get(0)).isEqualTo("BYTES_BEFORE_FIRST_START_CODE bytes before the first start code skipped@0");
    }

    @Test
    void zeroRunInsideANalIsKeptAndReported() {
        for (Chunks.Split split : Chunks.splits(HEX.parseHex("000001650000000077000001" + "41"), 3)) {
            Recorder r = decode(split.pieces(), Chunks.Kind.HEAP, 0);
            assertThat(r.nals).as(split.name()).containsExactly("650000000077", "41");
            assertThat(r.anomalies).as(split.name())
                    .containsExactly("ZERO_RUN_IN_NAL_UNIT run of 4 zero bytes inside a NAL unit kept as data@4");
        }
    }

    @Test
    void scannerAllocatesNothingPerNal() {
        byte[] stream = AnnexB.toByteArray(List.of(ByteBuffer.wrap(HEX.parseHex("6742c01e")),
                ByteBuffer.wrap(HEX.parseHex("68ce3c80")), ByteBuffer.wrap(new byte[5000]).put(0, (byte) 0x65).put(4999, (byte) 1)));
        ByteBuffer in = ByteBuffer.wrap(stream);
        AnnexBScanner scanner = new AnnexBScanner();
        long[] sink = new long[1];
        Allocation.assertAllocatesNothing("AnnexBScanner", 20_000, 2_000, 0, () -> {
            scanner.reset(in);
            while (scanner.next()) {
                sink[0] += scanner.nalLength();
            }
        });
        assertThat(sink[0]).isPositive();
    }

    @Test
    void decoderAllocatesNothingPerNalWhenWhole() {
        byte[] stream = HEX.parseHex("000000016742c01e0000000168ce3c80000001658880");
        ByteBuffer in = ByteBuffer.wrap(stream);
        long[] sink = new long[1];
        AnnexBDecoder d = new AnnexBDecoder(new AnnexBDecoder.Listener() {
            @Override
            public Interest onNalStart(int header, long offset) {
                return Interest.WHOLE;
            }

            @Override
            public void onNal(ByteBuffer nal, long offset) {
                sink[0] += nal.remaining();
            }
        });
        Allocation.assertAllocatesNothing("AnnexBDecoder", 20_000, 2_000, 0, () -> {
            in.position(0);
            d.feed(in);
            d.endOfInput();
            d.reset();
        });
        assertThat(sink[0]).isPositive();
    }

    @Provide
    Arbitrary<List<byte[]>> nalLists() {
        Arbitrary<byte[]> nal = Arbitraries.integers().between(0, 6).map(i -> (byte) (i == 6 ? 0x9A : i))
                .list().ofMinSize(0).ofMaxSize(20).map(l -> {
                    byte[] rbsp = new byte[l.size() + 1];
                    rbsp[0] = 0x41;
                    for (int i = 0; i < l.size(); i++) {
                        rbsp[i + 1] = l.get(i);
                    }
                    byte[] nalBytes = EmulationPrevention.insert(rbsp);
                    if (nalBytes[nalBytes.length - 1] == 0) {
                        nalBytes = java.util.Arrays.copyOf(nalBytes, nalBytes.length + 1);
                        nalBytes[nalBytes.length - 1] = (byte) 0x80;
                    }
                    return nalBytes;
                });
        return nal.list().ofMaxSize(8);
    }

    @Property(tries = 300)
    void splitOfJoinIsIdentityAndChunkingDoesNotMatter(@ForAll("nalLists") List<byte[]> nals, @ForAll long seed) {
        List<ByteBuffer> buffers = nals.stream().map(ByteBuffer::wrap).toList();
        byte[] stream = AnnexB.toByteArray(buffers);
        List<String> expected = buffers.stream().map(AnnexBTest::hex).toList();
        assertThat(hexList(AnnexB.split(ByteBuffer.wrap(stream)))).isEqualTo(expected);
        Recorder r = decode(Chunks.random(stream, new java.util.Random(seed)), Chunks.Kind.DIRECT, 1);
        assertThat(r.nals).isEqualTo(expected);
        Recorder b = decode(Chunks.fixed(stream, 1), Chunks.Kind.POSITION, 0);
        assertThat(b.nals).isEqualTo(expected);
    }
}
