package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvccTest {
    static final HexFormat HEX = HexFormat.of();

    static ByteBuffer nal(String hex) {
        return ByteBuffer.wrap(HEX.parseHex(hex));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void splitsAndWritesEachLengthSize(int lengthSize) {
        List<ByteBuffer> nals = List.of(nal("6764001f"), nal("68ee3cb0"), nal("65888400"));
        byte[] avcc = Avcc.toByteArray(nals, lengthSize);
        assertThat(avcc).hasSize(3 * lengthSize + 12);
        assertThat(avcc[lengthSize - 1]).isEqualTo((byte) 4);
        assertThat(Avcc.split(ByteBuffer.wrap(avcc), lengthSize)).isEqualTo(nals);
    }

    @Test
    void badLengthsRaiseWithOffsets() {
        assertThatThrownBy(() -> Avcc.split(ByteBuffer.wrap(HEX.parseHex("00000002674200000009" + "65")), 4, H264Limits.defaults(), 100))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                    assertThat(e.offset()).isEqualTo(106);
                    assertThat(e.field()).isEqualTo("avcc NALUnitLength");
                });
        assertThatThrownBy(() -> Avcc.split(ByteBuffer.wrap(HEX.parseHex("0000")), 4))
                .isInstanceOf(TruncatedInputException.class);
        // a hostile length is refused before anything is sliced or allocated
        assertThatThrownBy(() -> Avcc.split(ByteBuffer.wrap(HEX.parseHex("7fffffff65")), 4, H264Limits.defaults(), 0))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("H264Limits.maxNalSize()");
                    assertThat(e.actual()).isEqualTo(0x7fffffffL);
                    assertThat(e.offset()).isEqualTo(0);
                });
        assertThatThrownBy(() -> Avcc.toByteArray(List.of(ByteBuffer.allocate(300)), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void annexBToAvccDropsParameterSetsOnRequest() {
        byte[] annexB = HEX.parseHex("00000001 0910 00000001 6764001f 00000001 68ee3cb0 000001 06050102 000001 65888480".replace(" ", ""));
        List<ByteBuffer> kept = Avcc.split(ByteBuffer.wrap(Avcc.fromAnnexB(ByteBuffer.wrap(annexB), 4, true)), 4);
        assertThat(kept).containsExactly(nal("06050102"), nal("65888480"));
        List<ByteBuffer> all = Avcc.split(ByteBuffer.wrap(Avcc.fromAnnexB(ByteBuffer.wrap(annexB), 2, false)), 2);
        assertThat(all).hasSize(5);
    }

    @Test
    void avccToAnnexBInsertsParameterSetsBeforeIdrOnlyWhenMissing() {
        AvcDecoderConfigurationRecord config = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3,
                List.of(nal("6764001f")), List.of(nal("68ee3cb0")), null);
        byte[] idrSample = Avcc.toByteArray(List.of(nal("06050102"), nal("65888480")), 4);
        assertThat(AnnexB.split(ByteBuffer.wrap(Avcc.toAnnexB(ByteBuffer.wrap(idrSample), 4, config))))
                .containsExactly(nal("06050102"), nal("6764001f"), nal("68ee3cb0"), nal("65888480"));
        byte[] withSets = Avcc.toByteArray(List.of(nal("6764001f"), nal("68ee3cb0"), nal("65888480"), nal("65888481")), 4);
        assertThat(AnnexB.split(ByteBuffer.wrap(Avcc.toAnnexB(ByteBuffer.wrap(withSets), 4, config)))).hasSize(4);
        byte[] pSample = Avcc.toByteArray(List.of(nal("419a0080")), 4);
        assertThat(AnnexB.split(ByteBuffer.wrap(Avcc.toAnnexB(ByteBuffer.wrap(pSample), 4, config))))
                .containsExactly(nal("419a0080"));
    }

    @Test
    void fixtureRoundTripsThroughAvcc() {
        byte[] stream = Fixtures.bytes("h264/main-bframes.h264");
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(stream));
        byte[] avcc = Avcc.fromAnnexB(ByteBuffer.wrap(stream), 4, false);
        assertThat(Avcc.split(ByteBuffer.wrap(avcc), 4)).isEqualTo(nals);
        assertThat(AnnexB.split(ByteBuffer.wrap(Avcc.toAnnexB(ByteBuffer.wrap(avcc), 4, null)))).isEqualTo(nals);
    }

    @Provide
    Arbitrary<List<byte[]>> nalLists() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40).map(b -> {
            b[0] = (byte) (b[0] & 0x7F);
            if (b[0] == 0) {
                b[0] = 0x41;
            }
            byte[] e = EmulationPrevention.insert(b);
            if (e[e.length - 1] == 0) {
                e = java.util.Arrays.copyOf(e, e.length + 1);
                e[e.length - 1] = (byte) 0x80;
            }
            return e;
        }).list().ofMaxSize(6);
    }

    @Property(tries = 300)
    void annexBAndAvccAreInverse(@ForAll("nalLists") List<byte[]> nals) {
        List<ByteBuffer> buffers = nals.stream().map(ByteBuffer::wrap).toList();
        byte[] annexB = AnnexB.toByteArray(buffers);
        byte[] avcc = Avcc.fromAnnexB(ByteBuffer.wrap(annexB), 4, false);
        assertThat(Avcc.split(ByteBuffer.wrap(avcc), 4)).isEqualTo(buffers);
        assertThat(Avcc.toAnnexB(ByteBuffer.wrap(avcc), 4, null)).isEqualTo(annexB);
    }
}
