package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Fixtures;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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

/** {@link Hvcc}: length-prefixed ⇄ Annex B (ISO/IEC 14496-15 §8.3.2, §8.4.1; ITU-T H.265 Annex B). */
class HvccTest {
    private static final HexFormat HEX = HexFormat.of();

    static List<String> types(List<ByteBuffer> nals) {
        List<String> out = new ArrayList<>();
        for (ByteBuffer n : nals) {
            out.add(NalUnitType.name(NalUnitType.fromHeaderByte(n.get(n.position()) & 0xFF)));
        }
        return out;
    }

    static HevcDecoderConfigurationRecord config(String name) {
        return HevcDecoderConfigurationRecord.parse(TestMp4Boxes.read(Fixtures.bytes("h265/" + name + ".mp4")).hvcC());
    }

    /** Annex B → length-prefixed (parameter sets kept) → Annex B gives the same NAL units, for every length size. */
    @Property(tries = 300)
    void annexBAndLengthPrefixedAreInverse(@ForAll("nalLists") List<byte[]> nals, @ForAll("lengthSizes") int lengthSize) {
        List<ByteBuffer> in = nals.stream().map(ByteBuffer::wrap).filter(n -> lengthSize == 4 || n.remaining() < 256).toList();
        byte[] annexB = HevcAnnexB.toByteArray(in);
        byte[] prefixed = Hvcc.fromAnnexB(ByteBuffer.wrap(annexB), lengthSize, false);
        assertThat(Hvcc.split(ByteBuffer.wrap(prefixed), lengthSize)).isEqualTo(in);
        byte[] back = Hvcc.toAnnexB(ByteBuffer.wrap(prefixed), lengthSize, null);
        assertThat(back).isEqualTo(annexB);
        ByteBuffer out = ByteBuffer.allocate(back.length + 3).position(3);
        assertThat(Hvcc.toAnnexB(ByteBuffer.wrap(prefixed), lengthSize, null, out)).isEqualTo(back.length);
        assertThat(out.position()).isEqualTo(3 + back.length);
    }

    @Provide
    Arbitrary<Integer> lengthSizes() {
        return Arbitraries.of(1, 2, 4);
    }

    @Provide
    Arbitrary<List<byte[]>> nalLists() {
        // NAL units of slice types (0..9) and non-VCL types other than parameter sets, escaped, last byte non-zero
        Arbitrary<byte[]> nal = Arbitraries.bytes().array(byte[].class).ofMinSize(3).ofMaxSize(300).map(b -> {
            byte[] c = b.clone();
            c[0] = (byte) ((c[0] & 0x7E) % 20 | 0); // types 0..9 (even bytes 0..19 >> 1)
            c[1] = (byte) ((c[1] & 0xF8) == 0 ? 1 : 1);
            for (int i = 2; i < c.length; i++) {
                if (c[i - 2] == 0 && c[i - 1] == 0 && (c[i] & 0xFF) <= 3) {
                    c[i] = 0x55;
                }
            }
            if (c[c.length - 1] == 0) {
                c[c.length - 1] = (byte) 0x80;
            }
            return c;
        });
        return nal.list().ofMaxSize(10);
    }

    /** hvc1: in-band VPS/SPS/PPS dropped; hev1: kept; AUD and SEI kept either way. */
    @Test
    void dropOrKeepParameterSets() {
        byte[] annexB = HEX.parseHex("00000001 4601 50 00000001 40010c 00000001 42010101 00000001 44010a"
                .replace(" ", "") + "000000014e01050180" + "00000001260188");
        assertThat(types(Hvcc.split(ByteBuffer.wrap(Hvcc.fromAnnexB(ByteBuffer.wrap(annexB), 4, true)), 4)))
                .containsExactly("AUD_NUT", "PREFIX_SEI_NUT", "IDR_W_RADL");
        assertThat(types(Hvcc.split(ByteBuffer.wrap(Hvcc.fromAnnexB(ByteBuffer.wrap(annexB), 2, false)), 2)))
                .containsExactly("AUD_NUT", "VPS_NUT", "SPS_NUT", "PPS_NUT", "PREFIX_SEI_NUT", "IDR_W_RADL");
    }

    /**
     * Every MP4 sample of the fixtures to Annex B: an IRAP sample gets the hvcC's VPS, SPS and PPS
     * first; the result has the access units of the .h265 encoded with the same settings.
     */
    @ParameterizedTest
    @ValueSource(strings = {"main", "open-gop", "bframes-pyramid", "slices4", "hdr10"})
    void mp4SamplesBecomeThePlayableAnnexBStream(String name) {
        TestMp4Boxes.Track track = TestMp4Boxes.read(Fixtures.bytes("h265/" + name + ".mp4"));
        HevcDecoderConfigurationRecord config = HevcDecoderConfigurationRecord.parse(track.hvcC());
        List<HevcAccessUnit> expected = HevcAccessUnit.split(ByteBuffer.wrap(Fixtures.bytes("h265/" + name + ".h265")));
        assertThat(track.samples()).hasSameSizeAs(expected);
        ByteBuffer frame = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < track.samples().size(); i++) {
            ByteBuffer sample = track.samples().get(i);
            byte[] annexB = Hvcc.toAnnexB(sample, config.nalUnitLengthSize(), config);
            List<String> types = types(HevcAnnexB.split(ByteBuffer.wrap(annexB)));
            List<String> sampleTypes = types(Hvcc.split(sample, 4));
            if (expected.get(i).keyframe() && !sampleTypes.contains("VPS_NUT")) {
                assertThat(types.subList(0, 3)).containsExactly("VPS_NUT", "SPS_NUT", "PPS_NUT");
                assertThat(types.subList(3, types.size())).isEqualTo(sampleTypes);
            } else {
                assertThat(types).isEqualTo(sampleTypes);
            }
            frame.clear();
            assertThat(Hvcc.toAnnexB(sample, 4, config, frame)).isEqualTo(annexB.length)
                    .isEqualTo(Hvcc.annexBSize(sample, 4, config));
            assertThat(ByteBuffer.wrap(frame.array(), 0, annexB.length)).isEqualTo(ByteBuffer.wrap(annexB));
        }
    }

    @Test
    void parameterSetsGoAfterALeadingAudAndNotBeforeASampleCarryingThem() {
        HevcDecoderConfigurationRecord config = config("main");
        byte[] withAud = Hvcc.toByteArray(List.of(ByteBuffer.wrap(HEX.parseHex("460150")), ByteBuffer.wrap(HEX.parseHex("28018c"))), 4);
        assertThat(types(HevcAnnexB.split(ByteBuffer.wrap(Hvcc.toAnnexB(ByteBuffer.wrap(withAud), 4, config)))))
                .containsExactly("AUD_NUT", "VPS_NUT", "SPS_NUT", "PPS_NUT", "IDR_N_LP");
        List<ByteBuffer> sets = new ArrayList<>();
        sets.addAll(config.nalUnits(32));
        sets.addAll(config.nalUnits(33));
        sets.addAll(config.nalUnits(34));
        sets.add(ByteBuffer.wrap(HEX.parseHex("2a01ac")));
        byte[] carrying = Hvcc.toByteArray(sets, 4);
        assertThat(types(HevcAnnexB.split(ByteBuffer.wrap(Hvcc.toAnnexB(ByteBuffer.wrap(carrying), 4, config)))))
                .containsExactly("VPS_NUT", "SPS_NUT", "PPS_NUT", "CRA_NUT");
        byte[] trailing = Hvcc.toByteArray(List.of(ByteBuffer.wrap(HEX.parseHex("0201ac"))), 4);
        assertThat(Hvcc.toAnnexB(ByteBuffer.wrap(trailing), 4, config)).isEqualTo(HEX.parseHex("000000010201ac"));
    }

    @Test
    void lengthsPastTheSampleAreRefusedWithOffsetAndField() {
        byte[] sample = HEX.parseHex("00000003020101" + "00000009" + "0201");
        for (int lengthSize : new int[] {4}) {
            assertThatThrownBy(() -> Hvcc.split(ByteBuffer.wrap(sample), lengthSize, H265Limits.defaults(), 100))
                    .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("hvcc NALUnitLength");
                        assertThat(e.offset()).isEqualTo(107);
                        assertThat(e.module()).isEqualTo("h265");
                    });
            ByteBuffer out = ByteBuffer.allocate(64);
            assertThatThrownBy(() -> Hvcc.toAnnexB(ByteBuffer.wrap(sample), lengthSize, null, out))
                    .isInstanceOf(TruncatedInputException.class);
            assertThat(out.position()).isZero();
        }
        assertThatThrownBy(() -> Hvcc.split(ByteBuffer.wrap(HEX.parseHex("0000")), 4))
                .isInstanceOf(TruncatedInputException.class).hasMessageContaining("needs 4 bytes");
        assertThatThrownBy(() -> Hvcc.toAnnexB(ByteBuffer.wrap(HEX.parseHex("00020000")), 2, null))
                .isInstanceOfSatisfying(H265Exception.class, e -> assertThat(e.field()).isEqualTo("hvcc nal_unit"));
        assertThatThrownBy(() -> Hvcc.toAnnexB(ByteBuffer.wrap(HEX.parseHex("0003020101")), 2, null, ByteBuffer.allocate(6)))
                .isInstanceOf(BufferOverflowException.class);
        assertThatThrownBy(() -> Hvcc.split(ByteBuffer.wrap(new byte[4]), 3)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A NAL unit holding 00 00 01 (emulation prevention missing) would read as two NAL units in
     * Annex B: refused in both forms with the field and the offset of the NAL unit (Jazzer finding,
     * kept as {@code HvccFuzzTestInputs/toAnnexB/start-code-inside-nal-unit}).
     */
    @Test
    void startCodeInsideANalUnitIsRefused() {
        byte[] sample = HEX.parseHex("04020101aa" + "0702a7000001002f");
        assertThatThrownBy(() -> Hvcc.toAnnexB(ByteBuffer.wrap(sample), 1, null))
                .isInstanceOfSatisfying(H265Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("hvcc nal_unit");
                    assertThat(e.offset()).isEqualTo(6);
                    assertThat(e.getMessage()).contains("at its byte 2");
                });
        ByteBuffer out = ByteBuffer.allocate(64);
        assertThatThrownBy(() -> Hvcc.toAnnexB(ByteBuffer.wrap(sample), 1, null, out)).isInstanceOf(H265Exception.class);
        assertThat(out.position()).isZero();
        // 00 00 00 and 00 00 02 are not start codes: carried as they are
        byte[] zeros = HEX.parseHex("0702a70000000a2f");
        assertThat(HevcAnnexB.split(ByteBuffer.wrap(Hvcc.toAnnexB(ByteBuffer.wrap(zeros), 1, null))))
                .containsExactly(ByteBuffer.wrap(HEX.parseHex("02a70000000a2f")));
    }

    /** A 2 GB length prefix fails on the limit before anything of that size exists. */
    @Test
    void hostileLengthNamesTheLimit() {
        byte[] sample = HEX.parseHex("7fffffff0201");
        assertThatThrownBy(() -> Hvcc.split(ByteBuffer.wrap(sample), 4, H265Limits.defaults(), 0))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("H265Limits.maxNalSize()");
                    assertThat(e.actual()).isEqualTo(0x7fffffffL);
                    assertThat(e.offset()).isZero();
                });
        assertThatThrownBy(() -> Hvcc.toAnnexB(ByteBuffer.wrap(sample), 4, null)).isInstanceOf(LimitExceededException.class);
    }

    /** The buffer form allocates nothing per sample. */
    @Test
    void toAnnexBIntoABufferAllocatesNothing() {
        TestMp4Boxes.Track track = TestMp4Boxes.read(Fixtures.bytes("h265/open-gop.mp4"));
        HevcDecoderConfigurationRecord config = HevcDecoderConfigurationRecord.parse(track.hvcC());
        ByteBuffer frame = ByteBuffer.allocate(1 << 16);
        List<ByteBuffer> samples = track.samples();
        Allocation.assertAllocatesNothing("Hvcc.toAnnexB into a buffer", 3000, 300, 0, () -> {
            for (int i = 0; i < samples.size(); i++) {
                frame.clear();
                Hvcc.toAnnexB(samples.get(i), 4, config, frame);
            }
        });
    }
}
