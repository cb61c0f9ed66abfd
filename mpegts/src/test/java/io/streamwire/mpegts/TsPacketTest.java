package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.ByteOrders;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TsPacketTest {

    /** One case table: name, adaptation field; decoded, encoded and used as property seeds. */
    static Stream<Arguments> adaptationFields() {
        return Stream.of(
                Arguments.of("length 0", new AdaptationField(false, false, false, -1, 0, -1, 0, null, null, null, 0)),
                Arguments.of("flags only, stuffing", new AdaptationField(true, true, true, -1, 0, -1, 0, null, null, null, 20)),
                Arguments.of("keyframe PCR as ffmpeg", AdaptationField.of(true, 1_800_000L * 300 + 17)),
                Arguments.of("PCR at 2^33-1", AdaptationField.of(false, ((1L << 33) - 1) * 300 + 299)),
                Arguments.of("PCR and OPCR", new AdaptationField(false, false, false, 1, 0, 2, 5, null, null, null, 0)),
                Arguments.of("splice countdown -3", new AdaptationField(false, false, false, -1, 0, -1, 0, -3, null, null, 0)),
                Arguments.of("private data", new AdaptationField(false, false, false, -1, 0, -1, 0, null,
                        ByteBuffer.wrap(new byte[] {1, 2, 3}), null, 2)),
                Arguments.of("extension ltw+rate+splice", new AdaptationField(false, false, false, -1, 0, -1, 0, null, null,
                        new AdaptationField.Extension(0x1234, true, 0x2ABCDE, 3, (1L << 32) + 5, true, ByteBuffer.allocate(0)), 0)),
                Arguments.of("extension with reserved bytes", new AdaptationField(false, true, false, 90_000, 0, -1, 0, 5, null,
                        new AdaptationField.Extension(-1, false, -1, -1, -1, false, ByteBuffer.wrap(new byte[] {9, 9})), 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adaptationFields")
    void adaptationFieldRoundTripsThroughThePacketView(String name, AdaptationField af) {
        byte[] bytes = TsTestPackets.packet(0x100, true, 7, af, new byte[] {0, 0, 1, (byte) 0xE0});
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            TsPacket p = new TsPacket().wrap(in, in.position(), 1000);
            assertThat(p.pid()).isEqualTo(0x100);
            assertThat(p.payloadUnitStartIndicator()).isTrue();
            assertThat(p.continuityCounter()).isEqualTo(7);
            assertThat(p.adaptationFieldControl()).isEqualTo(3);
            assertThat(p.adaptationFieldLength()).isEqualTo(af.adaptationFieldLength());
            assertThat(p.adaptationField()).isEqualTo(af);
            assertThat(p.pcr27MHz()).isEqualTo(af.pcr());
            assertThat(p.opcr27MHz()).isEqualTo(af.opcr());
            assertThat(p.randomAccessIndicator()).isEqualTo(af.randomAccessIndicator());
            assertThat(p.discontinuityIndicator()).isEqualTo(af.discontinuityIndicator());
            assertThat(p.hasSpliceCountdown()).isEqualTo(af.spliceCountdown() != null);
            if (af.spliceCountdown() != null) {
                assertThat(p.spliceCountdown()).isEqualTo(af.spliceCountdown());
            }
            assertThat(p.payloadIndex() - p.index()).isEqualTo(4 + af.encodedSize());
            assertThat(p.payloadLength()).isEqualTo(184 - af.encodedSize());
            assertThat(in.get(p.payloadIndex() + 3)).isEqualTo((byte) 0xE0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adaptationFields")
    void adaptationFieldIsBigEndianInEveryBufferOrder(String name, AdaptationField af) {
        byte[] bytes = ByteOrders.writtenInEveryOrder(188, af::writeTo);
        assertThat(bytes).hasSize(af.encodedSize());
        assertThat(ByteOrders.parsedFromEveryKind(bytes, in -> AdaptationField.parse(in, in.position(), 0)))
                .allSatisfy(parsed -> assertThat(parsed).isEqualTo(af));
    }

    @Test
    void pcrBaseAndExtensionAreSplitAsTheSpecSays() {
        // PCR base 0x1_2345_6789 (33 bits), extension 299: after length 7 and flags 0x10, 91 A2 B3 C4 FF 2B (reserved bits set)
        byte[] bytes = TsTestPackets.packet(0x100, false, 0, AdaptationField.of(false, 0x123456789L * 300 + 299), null);
        assertThat(HexFormat.of().formatHex(bytes, 4, 12)).isEqualTo("071091a2b3c4ff2b");
        TsPacket p = new TsPacket().wrap(ByteBuffer.wrap(bytes), 0, 0);
        assertThat(p.pcrBase()).isEqualTo(0x123456789L);
        assertThat(p.pcrExtension()).isEqualTo(299);
        assertThat(p.hasPayload()).isFalse();
        assertThat(p.payloadLength()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedPacketsRaiseTsExceptionWithFieldAndOffset(String name, String hexHead, String field, long offset) {
        byte[] bytes = new byte[188];
        byte[] head = HexFormat.of().parseHex(hexHead);
        System.arraycopy(head, 0, bytes, 0, head.length);
        assertThatThrownBy(() -> new TsPacket().wrap(ByteBuffer.wrap(bytes), 0, 376)).isInstanceOfSatisfying(TsException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.offset()).isEqualTo(376 + offset);
        });
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("lost sync", "48000010", "sync_byte", 0),
                Arguments.of("AF length 184 with payload", "47000030b7", "adaptation_field_length", 4),
                Arguments.of("AF length 184 alone", "47000020b8", "adaptation_field_length", 4),
                Arguments.of("PCR flag in a 1-byte AF", "470000300110", "adaptation_field", 5),
                Arguments.of("private data past AF", "470000300302" + "05", "adaptation_field", 5),
                Arguments.of("extension past AF", "470000300301" + "09", "adaptation_field", 5));
    }

    @Test
    void wrappingAllocatesNothing() {
        byte[] bytes = TsTestPackets.packet(0x100, true, 1, AdaptationField.of(true, 123456), new byte[] {0, 0, 1});
        ByteBuffer buf = ByteBuffer.allocateDirect(188).put(bytes).flip();
        TsPacket view = new TsPacket();
        long[] sink = new long[1];
        Allocation.assertAllocatesNothing("TsPacket.wrap + accessors", 20_000, 100_000, 0, () -> {
            view.wrap(buf, 0, 0);
            sink[0] += view.pid() + view.pcr27MHz() + view.payloadLength() + (view.randomAccessIndicator() ? 1 : 0);
        });
        assertThat(sink[0]).isPositive();
    }

    @Provide
    Arbitrary<AdaptationField> anyAdaptationField() {
        Arbitrary<Long> clock = Arbitraries.longs().between(-1, (1L << 33) - 1);
        Arbitrary<AdaptationField.Extension> ext = Combinators.combine(Arbitraries.integers().between(-1, 0x7FFF),
                Arbitraries.of(true, false), Arbitraries.integers().between(-1, 0x3FFFFF), Arbitraries.integers().between(-1, 15),
                Arbitraries.longs().between(0, (1L << 33) - 1), Arbitraries.bytes().array(byte[].class).ofMaxSize(10))
                .as((ltw, valid, rate, type, dts, rest) -> new AdaptationField.Extension(ltw, ltw >= 0 && valid, rate, type,
                        type >= 0 ? dts : -1, valid, ByteBuffer.wrap(rest)));
        return Combinators.combine(Arbitraries.of(true, false).list().ofSize(3), clock, clock,
                Arbitraries.integers().between(-129, 127), Arbitraries.bytes().array(byte[].class).ofMaxSize(40).injectNull(0.5),
                ext.injectNull(0.5), Arbitraries.integers().between(0, 60))
                .as((flags, pcr, opcr, splice, priv, x, stuffing) -> new AdaptationField(flags.get(0), flags.get(1), flags.get(2),
                        pcr, pcr >= 0 ? (int) (pcr & 511) : 0, opcr, opcr >= 0 ? (int) (opcr & 255) : 0, splice < -128 ? null : splice, priv == null ? null : ByteBuffer.wrap(priv), x, stuffing));
    }

    @Property
    void adaptationFieldsRoundTrip(@ForAll("anyAdaptationField") AdaptationField af) {
        byte[] bytes = TsTestPackets.packet(33, false, 0, af, new byte[0]);
        TsPacket p = new TsPacket().wrap(ByteBuffer.wrap(bytes), 0, 0);
        assertThat(p.adaptationField()).isEqualTo(af);
        assertThat(p.pcr27MHz()).isEqualTo(af.pcr());
    }

    @Property
    void randomPacketsOnlyRaiseTsException(@ForAll("packetBytes") byte[] bytes) {
        bytes[0] = 0x47;
        try {
            TsPacket p = new TsPacket().wrap(ByteBuffer.wrap(bytes), 0, 0);
            p.pcr27MHz();
            p.opcr27MHz();
            p.spliceCountdown();
            p.adaptationField();
            assertThat(p.payloadLength()).isBetween(0, 184);
        } catch (TsException expected) {
            assertThat(expected.offset()).isBetween(0L, 188L);
        }
    }

    @Provide
    Arbitrary<byte[]> packetBytes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(188);
    }

    @Test
    void headerRecordMatchesView() {
        byte[] bytes = TsTestPackets.packet(4096, true, 3, null, new byte[] {0});
        assertThat(new TsPacket().wrap(ByteBuffer.wrap(bytes), 0, 0).header())
                .isEqualTo(new TsPacketHeader(false, true, false, 4096, 0, 1, 3));
        assertThat(List.of(new TsPacket().wrap(ByteBuffer.wrap(bytes), 0, 0).toByteArray())).hasSize(1);
    }
}
