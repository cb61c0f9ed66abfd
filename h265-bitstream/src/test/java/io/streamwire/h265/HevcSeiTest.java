package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.CaptionData;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SEI message iteration, the typed payloads, captions through core's model, and the bounds. */
class HevcSeiTest {

    static List<HevcSeiMessage> messagesOf(String name) {
        List<HevcSeiMessage> all = new ArrayList<>();
        for (int type : new int[] {39, 40}) {
            for (ByteBuffer nal : FixtureNals.ofType(name, type)) {
                all.addAll(HevcSeiMessage.parseAll(nal.duplicate()));
            }
        }
        return all;
    }

    /** The values given to x265 on the command line (scripts/fixtures/h265-bitstream.sh). */
    @Test
    void hdr10MetadataIsWhatTheEncoderWasGiven() {
        List<HevcSeiMessage> messages = messagesOf("hdr10");
        HevcSeiMessage mdcv = messages.stream().filter(m -> m.payloadType() == 137).findFirst().orElseThrow();
        // master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1)
        assertThat(MasteringDisplayColourVolume.parse(mdcv)).isEqualTo(
                new MasteringDisplayColourVolume(13250, 34500, 7500, 3000, 34000, 16000, 15635, 16450, 10_000_000L, 1));
        // max-cll=1000,400
        HevcSeiMessage cll = messages.stream().filter(m -> m.payloadType() == 144).findFirst().orElseThrow();
        assertThat(ContentLightLevel.parse(cll)).isEqualTo(new ContentLightLevel(1000, 400));
        // repeat-headers: the metadata comes again with each keyframe's parameter sets
        assertThat(messages.stream().filter(m -> m.payloadType() == 137).count()).isEqualTo(2);
    }

    @Test
    void x265WritesItsSettingsAsUserDataUnregistered() {
        HevcSeiMessage m = messagesOf("main").get(0);
        HevcUserDataUnregistered udu = HevcUserDataUnregistered.parse(m);
        assertThat(udu.text()).startsWith("x265 (build ").contains("3.5+1-f0c1022b6").contains("frame-threads=1"); // the version ffmpeg logs for its libx265
        assertThat(udu.toMessage().payloadBytes()).isEqualTo(m.payloadBytes());
        assertThat(m.nalUnitType()).isEqualTo(39);
    }

    @Test
    void hrdStreamCarriesBufferingPeriodAndPictureTiming() {
        List<HevcSeiMessage> messages = messagesOf("hrd");
        assertThat(messages).anyMatch(m -> m.payloadType() == HevcSeiMessage.BUFFERING_PERIOD);
        assertThat(messages).anyMatch(m -> m.payloadType() == HevcSeiMessage.PIC_TIMING);
    }

    @Test
    void typedPayloadsRoundTripThroughANalUnit() {
        CaptionData cc = new CaptionData(false, true, false, 0xFF, List.of(new CaptionData.CcData(true, 0, 'H' | 0x80, 'i'),
                new CaptionData.CcData(false, 1, 0x80, 0x80), new CaptionData.CcData(true, 3, 0x02, 0x21)));
        HevcRecoveryPoint rp = new HevcRecoveryPoint(-3, true, false);
        TimeCode tc = new TimeCode(java.util.Arrays.asList(
                new TimeCode.ClockTimestamp(false, 4, true, false, true, 29, 59, 59, 23, 7, -64),
                null,
                new TimeCode.ClockTimestamp(true, 0, false, true, false, 511, 12, -1, -1, 0, 0)));
        UUID uuid = UUID.fromString("2c8a1a8e-5e0b-4a35-9d5a-2c2f0e4b6d7a");
        HevcUserDataUnregistered udu = new HevcUserDataUnregistered(uuid, ByteBuffer.wrap(new byte[] {0, 0, 3, 0, 0, 1}));
        byte[] nal = HevcSeiMessage.toNal(39, List.of(HevcSeiMessage.captions(cc), rp.toMessage(), tc.toMessage(), udu.toMessage(),
                new ContentLightLevel(65535, 1).toMessage(), new MasteringDisplayColourVolume(1, 2, 3, 4, 5, 6, 7, 8, 0xFFFFFFFFL, 0).toMessage()));
        List<HevcSeiMessage> back = HevcSeiMessage.parseAll(ByteBuffer.wrap(nal), H265Limits.defaults(), 1000);
        assertThat(back).hasSize(6);
        assertThat(back.get(0).captionData()).isEqualTo(cc);
        assertThat(back.get(0).captionData().cea608Field1Text()).isEqualTo("Hi");
        assertThat(back.get(0).offset()).isEqualTo(1004);
        assertThat(HevcRecoveryPoint.parse(back.get(1))).isEqualTo(rp);
        assertThat(TimeCode.parse(back.get(2))).isEqualTo(tc);
        assertThat(HevcUserDataUnregistered.parse(back.get(3))).isEqualTo(udu);
        assertThat(ContentLightLevel.parse(back.get(4))).isEqualTo(new ContentLightLevel(65535, 1));
        assertThat(MasteringDisplayColourVolume.parse(back.get(5)).maxDisplayMasteringLuminance()).isEqualTo(0xFFFFFFFFL);
        assertThat(back.get(1).captionData()).isNull();
        assertThatThrownBy(() -> HevcRecoveryPoint.parse(back.get(0))).isInstanceOf(H265Exception.class)
                .hasMessageContaining("sei payloadType 4 is not recovery_point (6)");
        // a payload type of several ff bytes
        byte[] big = HevcSeiMessage.toNal(40, List.of(new HevcSeiMessage(40, 600, ByteBuffer.wrap(new byte[300]), -1)));
        HevcSeiMessage m = HevcSeiMessage.parseAll(ByteBuffer.wrap(big)).get(0);
        assertThat(m.payloadType()).isEqualTo(600);
        assertThat(m.payloadSize()).isEqualTo(300);
        assertThat(m.nalUnitType()).isEqualTo(40);
    }

    @Test
    void boundsAreCheckedBeforeSlicing() {
        // payloadSize 2^20 + 1 in ff bytes: refused by the limit, nothing of that size allocated
        int size = (1 << 20) + 1;
        byte[] nal = new byte[2 + 1 + size / 255 + 1 + 1];
        nal[0] = 0x4E;
        nal[1] = 0x01;
        nal[2] = 5;
        int i = 3;
        for (int k = 0; k < size / 255; k++) {
            nal[i++] = (byte) 0xFF;
        }
        nal[i] = (byte) (size % 255);
        assertThatThrownBy(() -> HevcSeiMessage.parseAll(ByteBuffer.wrap(nal), H265Limits.defaults(), 0))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("H265Limits.maxSeiPayloadSize()");
                    assertThat(e.actual()).isEqualTo(size);
                    assertThat(e.offset()).isEqualTo(2);
                });
        assertThatThrownBy(() -> HevcSeiMessage.parseAll(ByteBuffer.wrap(new byte[] {0x4E, 0x01, 5, 10, 1, 2}), H265Limits.defaults(), 0))
                .isInstanceOf(H265Exception.class).hasMessageContaining("sei payloadSize 10 runs past the end of the NAL unit (2 bytes remain)");
        assertThatThrownBy(() -> HevcSeiMessage.parseAll(ByteBuffer.wrap(new byte[] {0x4E, 0x01, (byte) 0xFF}), H265Limits.defaults(), 0))
                .isInstanceOf(TruncatedInputException.class).hasMessageContaining("sei payloadType");
        assertThatThrownBy(() -> HevcSeiMessage.parseAll(ByteBuffer.wrap(new byte[] {0x40, 0x01, 5, 0}), H265Limits.defaults(), 0))
                .isInstanceOf(H265Exception.class).hasMessageContaining("sei nal_unit_type 32 is not 39 or 40");
        assertThatThrownBy(() -> HevcUserDataUnregistered.parse(new HevcSeiMessage(39, 5, ByteBuffer.wrap(new byte[15]), 7)))
                .isInstanceOf(TruncatedInputException.class).hasMessageContaining("needs 16 bytes, 15 present");
        // captions: A/53 header but fewer triplets than cc_count, with the module's name
        byte[] t35 = new CaptionData(false, true, false, 0, List.of(new CaptionData.CcData(true, 0, 1, 2))).toT35Payload();
        HevcSeiMessage cut = new HevcSeiMessage(39, 4, ByteBuffer.wrap(t35, 0, 11), 0);
        assertThatThrownBy(cut::captionData).isInstanceOfSatisfying(TruncatedInputException.class,
                e -> assertThat(e.module()).isEqualTo("h265"));
    }
}
