package io.streamwire.h264;

import io.streamwire.core.internal.EmulationPrevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Fixtures;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    void avccToAnnexBInsertsParameterSetsAtTheAccessUnitStartOnlyWhenMissing() {
        AvcDecoderConfigurationRecord config = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3,
                List.of(nal("6764001f")), List.of(nal("68ee3cb0")), null);
        byte[] idrSample = Avcc.toByteArray(List.of(nal("06050102"), nal("65888480")), 4);
        // the array form writes what the buffer form writes: parameter sets first (§7.4.1.2.3), then the SEI
        assertThat(AnnexB.split(ByteBuffer.wrap(Avcc.toAnnexB(ByteBuffer.wrap(idrSample), 4, config))))
                .containsExactly(nal("6764001f"), nal("68ee3cb0"), nal("06050102"), nal("65888480"));
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

    static final AvcDecoderConfigurationRecord CONFIG = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3,
            List.of(nal("6764001f")), List.of(nal("68ee3cb0")), null);

    static List<ByteBuffer> intoBuffer(byte[] sample, int lengthSize, AvcDecoderConfigurationRecord config) {
        ByteBuffer in = ByteBuffer.wrap(sample);
        int size = Avcc.annexBSize(in, lengthSize, config);
        ByteBuffer out = ByteBuffer.allocate(size + 7).order(ByteOrder.LITTLE_ENDIAN).position(3);
        assertThat(Avcc.toAnnexB(in, lengthSize, config, out)).isEqualTo(size);
        assertThat(out.position()).isEqualTo(3 + size);
        assertThat(in.position()).isZero();
        return AnnexB.split(out.flip().position(3));
    }

    @Test
    void toAnnexBIntoBufferPutsParameterSetsAtTheStartOfTheAccessUnit() {
        byte[] withAud = Avcc.toByteArray(List.of(nal("0910"), nal("06050102"), nal("65888480")), 4);
        assertThat(intoBuffer(withAud, 4, CONFIG))
                .containsExactly(nal("0910"), nal("6764001f"), nal("68ee3cb0"), nal("06050102"), nal("65888480"));
        byte[] noAud = Avcc.toByteArray(List.of(nal("06050102"), nal("65888480"), nal("65888481")), 2);
        assertThat(intoBuffer(noAud, 2, CONFIG))
                .containsExactly(nal("6764001f"), nal("68ee3cb0"), nal("06050102"), nal("65888480"), nal("65888481"));
        // an SPS but no PPS before the IDR still gets both, at the start
        byte[] spsOnly = Avcc.toByteArray(List.of(nal("6764001f"), nal("65888480")), 4);
        assertThat(intoBuffer(spsOnly, 4, CONFIG))
                .containsExactly(nal("6764001f"), nal("68ee3cb0"), nal("6764001f"), nal("65888480"));
        // the SPS extension of a High-profile configuration goes between SPS and PPS
        AvcDecoderConfigurationRecord high = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3,
                List.of(nal("6764001f")), List.of(nal("68ee3cb0")),
                new AvcDecoderConfigurationRecord.HighProfileExtension(1, 0, 0, List.of(nal("6d0102"))));
        assertThat(intoBuffer(withAud, 4, high))
                .containsExactly(nal("0910"), nal("6764001f"), nal("6d0102"), nal("68ee3cb0"), nal("06050102"), nal("65888480"));
    }

    @Test
    void toAnnexBIntoBufferInsertsNothingWhenNotNeeded() {
        byte[] withSets = Avcc.toByteArray(List.of(nal("0910"), nal("6764001f"), nal("68ee3cb0"), nal("65888480")), 4);
        assertThat(intoBuffer(withSets, 4, CONFIG)).isEqualTo(AnnexB.split(ByteBuffer.wrap(Avcc.toAnnexB(ByteBuffer.wrap(withSets), 4, CONFIG))));
        assertThat(intoBuffer(withSets, 4, CONFIG)).hasSize(4);
        byte[] pSample = Avcc.toByteArray(List.of(nal("0910"), nal("419a0080")), 4);
        assertThat(intoBuffer(pSample, 4, CONFIG)).containsExactly(nal("0910"), nal("419a0080"));
        byte[] idr = Avcc.toByteArray(List.of(nal("65888480")), 4);
        assertThat(intoBuffer(idr, 4, null)).containsExactly(nal("65888480"));
        // zero-length NAL units are skipped, as split does
        assertThat(intoBuffer(HEX.parseHex("00000000" + "0000000265ff"), 4, null)).containsExactly(nal("65ff"));
    }

    @Property
    void toAnnexBIntoBufferWritesWhatTheArrayVersionWrites(@ForAll("nalLists") List<byte[]> nals) {
        byte[] avcc = Avcc.toByteArray(nals.stream().map(ByteBuffer::wrap).toList(), 4);
        for (AvcDecoderConfigurationRecord config : java.util.Arrays.asList(null, CONFIG)) {
            byte[] expected = Avcc.toAnnexB(ByteBuffer.wrap(avcc), 4, config);
            ByteBuffer out = ByteBuffer.allocate(Avcc.annexBSize(ByteBuffer.wrap(avcc), 4, config));
            Avcc.toAnnexB(ByteBuffer.wrap(avcc), 4, config, out);
            assertThat(out.hasRemaining()).isFalse();
            assertThat(out.array()).isEqualTo(expected);
        }
    }

    /** Any sample, well formed or not: both forms write the same bytes or raise the same module error. */
    @Property(tries = 2000)
    void bothToAnnexBFormsAgreeOnAnySample(@ForAll byte[] sample, @ForAll boolean withConfig) {
        AvcDecoderConfigurationRecord config = withConfig ? CONFIG : null;
        String array;
        try {
            array = HEX.formatHex(Avcc.toAnnexB(ByteBuffer.wrap(sample), 4, config));
        } catch (io.streamwire.core.StreamwireException e) {
            ModuleErrors.requireH264(e);
            array = e.getClass().getSimpleName() + " " + e.getMessage();
        }
        String buffer;
        try {
            ByteBuffer out = ByteBuffer.allocate(sample.length * 2 + 64);
            Avcc.toAnnexB(ByteBuffer.wrap(sample), 4, config, out);
            buffer = HEX.formatHex(java.util.Arrays.copyOf(out.array(), out.position()));
        } catch (io.streamwire.core.StreamwireException e) {
            ModuleErrors.requireH264(e);
            buffer = e.getClass().getSimpleName() + " " + e.getMessage();
        }
        assertThat(array).isEqualTo(buffer);
    }

    /**
     * A NAL unit ending in 0x00 (§7.4.1 forbids it; some cameras pad parameter sets so): both forms
     * leave the trailing zeros out, as an Annex B reader would take them for trailing_zero_8bits, and
     * skip a NAL unit of zeros only. The array form used to throw IllegalArgumentException from
     * AnnexB.writeNal where the buffer form wrote the zero.
     */
    @Test
    void aNalUnitHoldingAStartCodeIsRefusedNotCutInTwo() {
        // an IDR slice whose bytes 2..4 are 00 00 01 (emulation prevention left out): Annex B would make
        // two NAL units of it, so every form refuses it, pointing at the start code
        byte[] sample = HEX.parseHex("00000006" + "6588000001aa");
        for (int i = 0; i < 3; i++) {
            int form = i;
            assertThatThrownBy(() -> {
                switch (form) {
                    case 0 -> Avcc.toAnnexB(ByteBuffer.wrap(sample), 4, CONFIG);
                    case 1 -> Avcc.annexBSize(ByteBuffer.wrap(sample), 4, CONFIG);
                    default -> Avcc.toAnnexB(ByteBuffer.wrap(sample), 4, CONFIG, ByteBuffer.allocate(64));
                }
            }).isInstanceOfSatisfying(H264Exception.class, e -> {
                assertThat(e.field()).isEqualTo("avcc nal_unit");
                assertThat(e.offset()).isEqualTo(4 + 2);
                assertThat(e.getMessage()).contains("emulation prevention missing");
            });
        }
        // with the 0x03 in place it converts
        assertThat(Avcc.toAnnexB(ByteBuffer.wrap(HEX.parseHex("00000007" + "658800000301aa")), 4, null)).isNotEmpty();
    }

    /**
     * The configuration's parameter sets go through the same check when they are inserted (as the
     * HEVC twin does): a PPS holding 00 00 01 would read as two NAL units in Annex B. Reported with
     * the avcC element and no stream offset; nothing is written.
     */
    @Test
    void aParameterSetHoldingAStartCodeIsRefusedWhenInserted() {
        AvcDecoderConfigurationRecord bad = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3,
                List.of(nal("6764001f")), List.of(nal("68ee000001b0")), null);
        byte[] idr = Avcc.toByteArray(List.of(nal("65888480")), 4);
        ByteBuffer out = ByteBuffer.allocate(64);
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(idr), 4, bad, out))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("avcC pictureParameterSetNALUnit");
                    assertThat(e.offset()).isEqualTo(-1);
                    assertThat(e.getMessage()).contains("at its byte 2");
                });
        assertThat(out.position()).isZero();
        // not inserted (no IDR slice, or SPS and PPS in the sample): not looked at
        byte[] nonIdr = Avcc.toByteArray(List.of(nal("41e1")), 4);
        assertThat(Avcc.toAnnexB(ByteBuffer.wrap(nonIdr), 4, bad)).isEqualTo(HEX.parseHex("00000001" + "41e1"));
    }

    @Test
    void nalUnitsEndingInZeroConvertTheSameInBothForms() {
        // a NAL unit of zero bytes only has no header: the module's exception from both forms
        byte[] onlyZero = HEX.parseHex("0000000100");
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(onlyZero), 4, CONFIG)).isInstanceOfSatisfying(H264Exception.class, e -> {
            assertThat(e.field()).isEqualTo("avcc nal_unit");
            assertThat(e.offset()).isEqualTo(4);
        });
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(onlyZero), 4, CONFIG)).isInstanceOf(H264Exception.class);
        assertThatThrownBy(() -> Avcc.annexBSize(ByteBuffer.wrap(onlyZero), 4, CONFIG)).isInstanceOf(H264Exception.class);
        ByteBuffer out = ByteBuffer.allocate(16);
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(onlyZero), 4, CONFIG, out)).isInstanceOf(H264Exception.class);
        assertThat(out.position()).isZero();
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(HEX.parseHex("00000004" + "65888080" + "00000002" + "0000")), 4, CONFIG))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.offset()).isEqualTo(12));

        byte[] padded = HEX.parseHex("00000004" + "65888000" + "00000000" + "00000004" + "41e10000");
        byte[] expected = HEX.parseHex("00000001" + "6764001f" + "00000001" + "68ee3cb0" + "00000001" + "658880"
                + "00000001" + "41e1");
        assertThat(Avcc.toAnnexB(ByteBuffer.wrap(padded), 4, CONFIG)).isEqualTo(expected);
        assertThat(intoBuffer(padded, 4, CONFIG)).containsExactly(nal("6764001f"), nal("68ee3cb0"), nal("658880"), nal("41e1"));
        assertThat(Avcc.annexBSize(ByteBuffer.wrap(padded), 4, CONFIG)).isEqualTo(expected.length);

        // a configuration whose PPS ends in a padding zero (as some cameras send): inserted without it
        AvcDecoderConfigurationRecord paddedConfig = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3,
                List.of(nal("6764001f")), List.of(nal("68ee3cb000")), null);
        byte[] idr = Avcc.toByteArray(List.of(nal("65888480")), 4);
        assertThat(Avcc.toAnnexB(ByteBuffer.wrap(idr), 4, paddedConfig))
                .isEqualTo(HEX.parseHex("00000001" + "6764001f" + "00000001" + "68ee3cb0" + "00000001" + "65888480"));
        assertThat(intoBuffer(idr, 4, paddedConfig)).containsExactly(nal("6764001f"), nal("68ee3cb0"), nal("65888480"));
    }

    @Test
    void toAnnexBIntoBufferChecksEverythingBeforeWriting() {
        byte[] idr = Avcc.toByteArray(List.of(nal("0910"), nal("65888480")), 4);
        ByteBuffer small = ByteBuffer.allocate(Avcc.annexBSize(ByteBuffer.wrap(idr), 4, CONFIG) - 1);
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(idr), 4, CONFIG, small)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
        assertThat(small.array()).containsOnly(0);
        ByteBuffer out = ByteBuffer.allocate(64);
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(HEX.parseHex("00000002674200000009" + "65")), 4, CONFIG, out))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                    assertThat(e.offset()).isEqualTo(6);
                    assertThat(e.field()).isEqualTo("avcc NALUnitLength");
                });
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(HEX.parseHex("7fffffff65")), 4, CONFIG, out))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.actual()).isEqualTo(0x7fffffffL));
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(HEX.parseHex("ffffffff65")), 4, CONFIG, out))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.actual()).isEqualTo(0xffffffffL));
        assertThatThrownBy(() -> Avcc.toAnnexB(ByteBuffer.wrap(idr), 3, CONFIG, out)).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.position()).isZero();
    }

    @Test
    void toAnnexBIntoBufferAllocatesNothing() {
        byte[] stream = Fixtures.bytes("h264/main-bframes.h264");
        ByteBuffer sample = ByteBuffer.wrap(Avcc.fromAnnexB(ByteBuffer.wrap(stream), 4, true));
        ByteBuffer out = ByteBuffer.allocate(Avcc.annexBSize(sample, 4, CONFIG));
        Allocation.assertAllocatesNothing("Avcc.toAnnexB into a buffer", 2000, 200, 0, () -> {
            out.clear();
            Avcc.toAnnexB(sample, 4, CONFIG, out);
        });
        assertThat(out.position()).isEqualTo(Avcc.annexBSize(sample, 4, CONFIG));
    }
}
