package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.CaptionData;
import io.streamwire.h265.ContentLightLevel;
import io.streamwire.h265.HevcAnnexB;
import io.streamwire.h265.HevcParameterSets;
import io.streamwire.h265.HevcSeiMessage;
import io.streamwire.h265.HevcSps;
import io.streamwire.h265.MasteringDisplayColourVolume;
import io.streamwire.h265.NalUnitType;
import io.streamwire.h265.PicOrderCount;
import io.streamwire.h265.SliceSegmentHeader;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's parameter set, slice header and SEI examples, compiled and run against the public API only. */
class HevcParameterSetsReadmeExampleTest {

    private static ByteBuffer first(String fixture, int type) {
        return HevcAnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h265/" + fixture + ".h265"))).stream()
                .filter(n -> NalUnitType.fromHeaderByte(n.get(n.position())) == type).findFirst().orElseThrow();
    }

    @Test
    void spsExample() {
        ByteBuffer spsNal = first("crop-318x238", NalUnitType.SPS_NUT);
        byte[] original = new byte[spsNal.remaining()];
        spsNal.duplicate().get(original);
        // README:begin
        HevcSps sps = HevcSps.parse(spsNal);            // 2 header bytes, then the escaped RBSP
        int width = sps.widthPixels();                  // 318: after the conformance window
        int codedWidth = sps.codedWidthPixels();        // 320: pic_width_in_luma_samples
        String profile = sps.profileName();             // "Main", "Main 10", "Rext" as ffprobe prints it
        String pixFmt = sps.pixelFormat();              // "yuv420p", "yuv422p10le", "gray", "yuvj420p" as ffmpeg names it
        String rate = sps.frameRate();                  // "30000/1001", ffprobe's r_frame_rate
        String codecs = sps.codecString("hvc1");        // RFC 6381, from profile_tier_level()
        byte[] same = sps.toNal();                      // bit-exact writer
        // README:end
        assertThat(width).isEqualTo(318);
        assertThat(codedWidth).isEqualTo(320);
        assertThat(profile).isEqualTo("Main");
        assertThat(pixFmt).isEqualTo("yuv420p");
        assertThat(rate).isEqualTo("30000/1001");
        assertThat(codecs).startsWith("hvc1.1.6.L60");
        assertThat(same).isEqualTo(original);
    }

    @Test
    void sliceHeaderExample() {
        ByteBuffer annexB = ByteBuffer.wrap(Fixtures.bytes("h265/open-gop.h265"));
        List<Integer> pocs = new ArrayList<>();
        List<Boolean> keyframes = new ArrayList<>();
        // README:begin
        HevcParameterSets sets = new HevcParameterSets();
        PicOrderCount poc = new PicOrderCount();
        for (ByteBuffer nal : HevcAnnexB.split(annexB)) {
            int type = NalUnitType.fromHeaderByte(nal.get(nal.position()));
            if (sets.accept(nal, 0)) {                  // a VPS, SPS or PPS
                continue;
            }
            if (type == NalUnitType.EOS_NUT) {
                poc.endOfSequence();
            } else if (NalUnitType.isVcl(type)) {
                SliceSegmentHeader slice = SliceSegmentHeader.parse(nal, sets, 0);
                if (slice.firstSliceSegmentInPicFlag()) {
                    HevcSps active = sets.sps(sets.pps(slice.slicePicParameterSetId()).ppsSeqParameterSetId());
                    pocs.add(poc.next(slice, active.log2MaxPicOrderCntLsb()));
                    keyframes.add(slice.isIrap());
                }
            }
        }
        // README:end
        assertThat(pocs).hasSize(20).doesNotHaveDuplicates();
        assertThat(keyframes.get(0)).isTrue();
    }

    @Test
    void seiExample() {
        MasteringDisplayColourVolume mastering = null;
        ContentLightLevel light = null;
        CaptionData captions = null;
        for (ByteBuffer seiNal : HevcAnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h265/hdr10.h265")))) {
            if (NalUnitType.fromHeaderByte(seiNal.get(seiNal.position())) != NalUnitType.PREFIX_SEI_NUT) {
                continue;
            }
            // README:begin
            for (HevcSeiMessage m : HevcSeiMessage.parseAll(seiNal)) {
                switch (m.payloadType()) {
                    case HevcSeiMessage.MASTERING_DISPLAY_COLOUR_VOLUME:
                        mastering = MasteringDisplayColourVolume.parse(m);  // HDR10 master-display
                        break;
                    case HevcSeiMessage.CONTENT_LIGHT_LEVEL_INFO:
                        light = ContentLightLevel.parse(m);                 // MaxCLL, MaxFALL
                        break;
                    case HevcSeiMessage.USER_DATA_REGISTERED_ITU_T_T35:
                        captions = m.captionData();                         // ATSC A/53 cc_data, core's CaptionData, or null
                        break;
                    default:
                        break;                                              // HevcRecoveryPoint, TimeCode, HevcUserDataUnregistered, raw
                }
            }
            // README:end
        }
        assertThat(mastering.whitePointX()).isEqualTo(15635);
        assertThat(light.maxContentLightLevel()).isEqualTo(1000);
        assertThat(captions).isNull();
    }

    @Test
    void snippetsAreInTheReadme() {
        ReadmeSnippets.assertInReadme(HevcParameterSetsReadmeExampleTest.class);
    }
}
