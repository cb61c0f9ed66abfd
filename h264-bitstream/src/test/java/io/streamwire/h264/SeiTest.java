package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.CaptionData;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.ByteOrders;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SeiTest {
    static final HexFormat HEX = HexFormat.of();

    static List<ByteBuffer> nals(String name, int type) {
        return SpsTest.nalsOfType(Fixtures.bytes("h264/" + name + ".h264"), type);
    }

    static ParameterSets sets(String name) {
        ParameterSets sets = new ParameterSets();
        for (ByteBuffer nal : AnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h264/" + name + ".h264")))) {
            sets.accept(nal, 0);
        }
        return sets;
    }

    @Test
    void x264WritesItsSettingsAsUserDataUnregistered() {
        List<SeiMessage> messages = SeiMessage.parseAll(nals("high", 6).get(0));
        assertThat(messages).hasSize(1);
        UserDataUnregistered udu = UserDataUnregistered.parse(messages.get(0));
        // x264's UUID dc45e9bd-e6d9-48b7-962c-d820d923eeef
        assertThat(udu.uuid()).isEqualTo(UUID.fromString("dc45e9bd-e6d9-48b7-962c-d820d923eeef"));
        assertThat(udu.text()).startsWith("x264 - core ").contains("cabac=1");
        assertThat(messages.get(0).payloadSize()).isGreaterThan(255); // 0xFF-extended size
        assertThat(SeiMessage.parseAll(ByteBuffer.wrap(SeiMessage.toNal(List.of(udu.toMessage()))))).hasSize(1)
                .first().extracting(UserDataUnregistered::parse).isEqualTo(udu);
        byte[] original = new byte[nals("high", 6).get(0).remaining()];
        nals("high", 6).get(0).duplicate().get(original);
        assertThat(SeiMessage.toNal(messages)).isEqualTo(original);
    }

    @Test
    void hrdStreamHasBufferingPeriodAndPicTiming() {
        ParameterSets sets = sets("aud-hrd");
        Sps sps = sets.sps(0);
        int bufferingPeriods = 0;
        int picTimings = 0;
        for (ByteBuffer nal : nals("aud-hrd", 6)) {
            for (SeiMessage m : SeiMessage.parseAll(nal)) {
                if (m.payloadType() == SeiMessage.BUFFERING_PERIOD) {
                    BufferingPeriod bp = BufferingPeriod.parse(m, sets);
                    assertThat(bp.seqParameterSetId()).isZero();
                    assertThat(bp.nal()).hasSize(1);
                    assertThat(bp.nal().get(0).initialCpbRemovalDelay()).isPositive();
                    bufferingPeriods++;
                } else if (m.payloadType() == SeiMessage.PIC_TIMING) {
                    PicTiming pt = PicTiming.parse(m, sps);
                    assertThat(pt.cpbRemovalDelay()).isNotNegative();
                    assertThat(pt.dpbOutputDelay()).isNotNegative();
                    picTimings++;
                }
            }
        }
        assertThat(bufferingPeriods).isGreaterThanOrEqualTo(1);
        assertThat(picTimings).isEqualTo(12);
    }

    @Test
    void interlacedPicStructGivesFfprobesFieldOrder() {
        ParameterSets sets = sets("interlaced");
        String fieldOrder = SpsTest.keyValues(Fixtures.lines("h264/interlaced.h264.sps.txt")).get("field_order");
        int checked = 0;
        for (ByteBuffer nal : nals("interlaced", 6)) {
            for (SeiMessage m : SeiMessage.parseAll(nal)) {
                if (m.payloadType() == SeiMessage.PIC_TIMING) {
                    assertThat(PicTiming.parse(m, sets.sps(0)).fieldOrder()).isEqualTo(fieldOrder);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(10);
    }

    @Test
    void captionsRoundTrip() {
        CaptionData cc = new CaptionData(false, true, false, 0xFF, List.of(
                new CaptionData.CcData(true, 0, 0x94 & 0xFF, 0x2C), // erase displayed memory (with parity)
                new CaptionData.CcData(true, 0, 'H' | 0x80, 'i'),
                new CaptionData.CcData(false, 1, 0x80, 0x80),
                new CaptionData.CcData(true, 3, 0x02, 0x21)));
        byte[] nal = SeiMessage.toNal(List.of(SeiMessage.captions(cc), new RecoveryPoint(3, false, true, 0).toMessage()));
        List<SeiMessage> back = SeiMessage.parseAll(ByteBuffer.wrap(nal));
        assertThat(back).extracting(SeiMessage::payloadType).containsExactly(4, 6);
        assertThat(back.get(0).captionData()).isEqualTo(cc);
        assertThat((back.get(0)).captionData().cea608Field1Text()).isEqualTo("Hi");
        assertThat(RecoveryPoint.parse(back.get(1))).isEqualTo(new RecoveryPoint(3, false, true, 0));
        // another T.35 registration is not captions
        SeiMessage other = new SeiMessage(4, ByteBuffer.wrap(HEX.parseHex("b5003c0001")), 0);
        assertThat(other.captionData()).isNull();
    }

    @Test
    void captionsAndUserDataReadTheSameFromEveryBufferOrder() {
        CaptionData cc = new CaptionData(false, true, false, 0xFF, List.of(new CaptionData.CcData(true, 0, 'H' | 0x80, 'i')));
        UserDataUnregistered udu = new UserDataUnregistered(UUID.fromString("dc45e9bd-e6d9-48b7-962c-d820d923eeef"),
                ByteBuffer.wrap("x264 - core 164".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        byte[] nal = SeiMessage.toNal(List.of(SeiMessage.captions(cc), udu.toMessage()));
        assertThat(ByteOrders.parsedFromEveryKind(nal, SeiMessage::parseAll)).allSatisfy(messages -> {
            assertThat(messages.get(0).captionData()).isEqualTo(cc);
            assertThat(UserDataUnregistered.parse(messages.get(1))).isEqualTo(udu);
        });
        // messages the caller makes over its own (little-endian) buffers
        assertThat(ByteOrders.parsedFromEveryKind(SeiMessage.captions(cc).payloadBytes(),
                in -> new SeiMessage(SeiMessage.USER_DATA_REGISTERED_ITU_T_T35, in, 0).captionData())).containsOnly(cc);
        assertThat(ByteOrders.parsedFromEveryKind(udu.toMessage().payloadBytes(),
                in -> UserDataUnregistered.parse(new SeiMessage(SeiMessage.USER_DATA_UNREGISTERED, in, 0)))).containsOnly(udu);
    }

    @Test
    void sizesPastTheEndAndLimitsRaise() {
        // type 5, size 20, 3 bytes
        assertThatThrownBy(() -> SeiMessage.parseAll(ByteBuffer.wrap(HEX.parseHex("060514aabbcc80")), H264Limits.defaults(), 50))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("sei payloadSize");
                    assertThat(e.offset()).isEqualTo(51);
                });
        // size 0xFF 0xFF 0xFF 0x10 = 781 > limit 100, refused before slicing
        assertThatThrownBy(() -> SeiMessage.parseAll(ByteBuffer.wrap(HEX.parseHex("0605ffffff10aa")), H264Limits.defaults().withMaxSeiPayloadSize(100), 0))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("H264Limits.maxSeiPayloadSize()");
                    assertThat(e.actual()).isEqualTo(781);
                });
        assertThatThrownBy(() -> SeiMessage.parseAll(ByteBuffer.wrap(HEX.parseHex("06ffff"))))
                .isInstanceOf(TruncatedInputException.class);
    }

    /**
     * payloadType is a sum of 0xFF bytes: 8,421,505 of them pass the int range. It raised
     * IllegalArgumentException from the record's constructor after wrapping to a negative int.
     */
    @Test
    void payloadTypePastTheIntRangeRaisesTheModulesException() {
        int ffBytes = 8_421_505; // 255 x 8,421,505 = 2,147,483,775 > 2^31 - 1
        byte[] nal = new byte[1 + ffBytes + 4];
        nal[0] = 0x06;
        java.util.Arrays.fill(nal, 1, 1 + ffBytes, (byte) 0xFF);
        System.arraycopy(HEX.parseHex("05010080"), 0, nal, 1 + ffBytes, 4);
        assertThatThrownBy(() -> SeiMessage.parseAll(ByteBuffer.wrap(nal), H264Limits.defaults(), 7))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.module()).isEqualTo("h264");
                    assertThat(e.field()).isEqualTo("sei payloadType");
                    assertThat(e.offset()).isEqualTo(8);
                    assertThat(e.getMessage()).contains("exceeds 2147483647");
                });
        // the largest type that fits: 8,421,504 x 255 + 127 = 2^31 - 1
        byte[] largest = nal.clone();
        largest[ffBytes] = 0x7F;
        System.arraycopy(HEX.parseHex("01aa80"), 0, largest, 1 + ffBytes, 3);
        List<SeiMessage> messages = SeiMessage.parseAll(ByteBuffer.wrap(largest, 0, largest.length - 1));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).payloadType()).isEqualTo(Integer.MAX_VALUE);
        assertThat(messages.get(0).payloadBytes()).containsExactly(0xAA);
    }

    /**
     * Table D-1 as ffprobe 5.1 reports field_order: pic_struct 0 (a frame, as x264's fake-interlaced
     * mode writes in a stream with frame_mbs_only_flag 0), 7 and 8 (frame doubling, tripling) are
     * progressive; 3 and 5 top field first, 4 and 6 bottom first; a lone field says nothing.
     */
    @Test
    void picStructOfAFrameIsProgressive() {
        String[] expected = {"progressive", null, null, "tt", "bb", "tt", "bb", "progressive", "progressive"};
        for (int picStruct = 0; picStruct <= 8; picStruct++) {
            assertThat(new PicTiming(-1, -1, picStruct, List.of()).fieldOrder()).as("pic_struct " + picStruct)
                    .isEqualTo(expected[picStruct]);
        }
        assertThat(new PicTiming(-1, -1, -1, List.of()).fieldOrder()).isNull();
        // parsed: an interlaced-capable SPS (frame_mbs_only_flag 0) with pic_struct_present_flag and no HRD
        VuiParameters vui = new VuiParameters(false, 0, 0, 0, false, false, false, 0, false, false, 0, 0, 0, false, 0, 0,
                false, 0, 0, false, null, null, false, true, false, false, 0, 0, 0, 0, 0, 0);
        Sps sps = new Sps(77, 0, 0, 30, 0, 1, false, 0, 0, false, null, 0, 0, 0, false, 0, 0, List.of(), 1, false, 19, 7,
                false, false, true, false, 0, 0, 0, 0, vui);
        // pic_struct u(4), then clock_timestamp_flag 0 for each of NumClockTS (1, 2 or 3)
        assertThat(PicTiming.parse(new SeiMessage(SeiMessage.PIC_TIMING, ByteBuffer.wrap(HEX.parseHex("00")), 0), sps)
                .fieldOrder()).isEqualTo("progressive");
        assertThat(PicTiming.parse(new SeiMessage(SeiMessage.PIC_TIMING, ByteBuffer.wrap(HEX.parseHex("70")), 0), sps)
                .fieldOrder()).isEqualTo("progressive");
        assertThat(PicTiming.parse(new SeiMessage(SeiMessage.PIC_TIMING, ByteBuffer.wrap(HEX.parseHex("80")), 0), sps)
                .fieldOrder()).isEqualTo("progressive");
        assertThat(PicTiming.parse(new SeiMessage(SeiMessage.PIC_TIMING, ByteBuffer.wrap(HEX.parseHex("50")), 0), sps)
                .fieldOrder()).isEqualTo("tt");
    }

    @Test
    void accessUnitDelimiter() {
        for (int t = 0; t < 8; t++) {
            byte[] nal = new AccessUnitDelimiter(t).toNal();
            assertThat(AccessUnitDelimiter.parse(ByteBuffer.wrap(nal), 0).primaryPicType()).isEqualTo(t);
        }
        ByteBuffer aud = nals("aud-hrd", 9).get(0);
        assertThat(AccessUnitDelimiter.parse(aud.duplicate(), 0)).isEqualTo(new AccessUnitDelimiter(0));
        byte[] original = new byte[aud.remaining()];
        aud.duplicate().get(original);
        assertThat(new AccessUnitDelimiter(0).toNal()).isEqualTo(original);
        assertThatThrownBy(() -> AccessUnitDelimiter.parse(ByteBuffer.wrap(HEX.parseHex("0900")), 7))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.field()).isEqualTo("aud rbsp_stop_one_bit"));
    }

    @Property
    void messagesRoundTripWithExtendedTypesAndSizes(@ForAll @IntRange(max = 1000) int type, @ForAll @Size(max = 600) byte[] payload) {
        SeiMessage m = new SeiMessage(type, ByteBuffer.wrap(payload), -1);
        List<SeiMessage> back = SeiMessage.parseAll(ByteBuffer.wrap(SeiMessage.toNal(List.of(m, m))));
        assertThat(back).hasSize(2);
        assertThat(back.get(1).payloadType()).isEqualTo(type);
        assertThat(back.get(1).payloadBytes()).isEqualTo(payload);
    }
}
