package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.core.internal.RbspWriter;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Slice segment headers of every fixture against ffprobe's packets (one picture per packet, keyframes
 * are the IRAP pictures) and the encoder's timestamps in the MPEG-TS copy (PicOrderCntVal follows the
 * presentation order: pts - POC x frame duration is constant within a coded video sequence).
 */
class SliceSegmentHeaderTest {

    static String[] fixtures() {
        return FixtureNals.FIXTURES;
    }

    /** One picture: the headers of its slice segments. */
    record Picture(List<SliceSegmentHeader> slices, int poc) {}

    static List<Picture> pictures(String name) {
        HevcParameterSets sets = new HevcParameterSets();
        PicOrderCount poc = new PicOrderCount();
        List<Picture> pictures = new ArrayList<>();
        for (ByteBuffer nal : FixtureNals.split(Fixtures.bytes("h265/" + name + ".h265"))) {
            int type = FixtureNals.type(nal);
            if (sets.accept(nal)) {
                continue;
            }
            if (type == 36) {
                poc.endOfSequence();
            }
            if (type > 31) {
                continue;
            }
            SliceSegmentHeader h = SliceSegmentHeader.parse(nal.duplicate(), sets);
            if (h.firstSliceSegmentInPicFlag()) {
                HevcSps sps = sets.sps(sets.pps(h.slicePicParameterSetId()).ppsSeqParameterSetId());
                pictures.add(new Picture(new ArrayList<>(), poc.next(h, sps.log2MaxPicOrderCntLsb())));
            }
            pictures.get(pictures.size() - 1).slices().add(h);
        }
        return pictures;
    }

    /** ffprobe's packet lines (pts,dts,duration,size,pos,flags) of a fixture file, comments and blank lines dropped. */
    static List<String[]> packets(String file) {
        List<String[]> out = new ArrayList<>();
        for (String line : Fixtures.lines("h265/" + file + ".packets.csv")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.split(","));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void picturesAndKeyframesAgreeWithFfprobe(String name) {
        List<Picture> pictures = pictures(name);
        List<String[]> packets = packets(name + ".h265");
        assertThat(pictures).hasSameSizeAs(packets);
        for (int i = 0; i < pictures.size(); i++) {
            SliceSegmentHeader first = pictures.get(i).slices().get(0);
            assertThat(first.isIrap()).as("%s picture %d keyframe", name, i).isEqualTo(packets.get(i)[5].contains("K"));
            for (SliceSegmentHeader s : pictures.get(i).slices()) {
                assertThat(s.nalUnitType()).isEqualTo(first.nalUnitType());
                if (!s.dependentSliceSegmentFlag()) {
                    assertThat(s.slicePicOrderCntLsb()).isEqualTo(first.slicePicOrderCntLsb());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void pocFollowsTheEncodersPresentationTimestamps(String name) {
        List<Picture> pictures = pictures(name);
        List<String[]> packets = packets(name + ".ts");
        assertThat(pictures).hasSameSizeAs(packets);
        HevcSps sps = HevcSps.parse(FixtureNals.ofType(name, 33).get(0).duplicate());
        long frame90k = 90_000L * sps.vui().vuiNumUnitsInTick() / sps.vui().vuiTimeScale();
        Long base = null;
        for (int i = 0; i < pictures.size(); i++) {
            SliceSegmentHeader first = pictures.get(i).slices().get(0);
            long pts = Long.parseLong(packets.get(i)[0]);
            if (first.isIdr() || base == null) {
                base = pts - pictures.get(i).poc() * frame90k;
            }
            assertThat(pts - pictures.get(i).poc() * frame90k).as("%s picture %d POC %d", name, i, pictures.get(i).poc()).isEqualTo(base);
        }
    }

    @Test
    void slicesOfAPictureAdvanceThroughIt() {
        for (Picture p : pictures("slices4")) {
            assertThat(p.slices()).hasSize(4);
            int last = -1;
            for (SliceSegmentHeader s : p.slices()) {
                assertThat(s.sliceSegmentAddress()).isGreaterThan(last);
                last = s.sliceSegmentAddress();
            }
        }
    }

    @Test
    void openGopHasCraPicturesWithLeadingPictures() {
        List<Picture> pictures = pictures("open-gop");
        assertThat(pictures).anyMatch(p -> p.slices().get(0).nalUnitType() == NalUnitType.CRA_NUT);
        assertThat(pictures).anyMatch(p -> p.slices().get(0).nalUnitType() == NalUnitType.RASL_N);
        assertThat(pictures.get(0).slices().get(0).isIdr()).isTrue();
    }

    private static HevcParameterSets setsOf(String name) {
        HevcParameterSets sets = new HevcParameterSets();
        for (ByteBuffer nal : FixtureNals.split(Fixtures.bytes("h265/" + name + ".h265"))) {
            sets.accept(nal);
        }
        return sets;
    }

    private static byte[] nal(int type, int layer, RbspWriter w) {
        return w.trailingBits().toNal(type << 9 | layer << 3 | 1, 2);
    }

    @Test
    void badSlicesAreRefusedWithTheirField() {
        HevcParameterSets sets = setsOf("main");
        // slice_pic_parameter_set_id 5: no such PPS
        byte[] unknownPps = nal(1, 0, new RbspWriter().flag(true).ue(5));
        assertThatThrownBy(() -> SliceSegmentHeader.parse(ByteBuffer.wrap(unknownPps), sets, 100)).isInstanceOfSatisfying(
                H265Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("slice_segment_header slice_pic_parameter_set_id");
                    assertThat(e.getMessage()).contains("5 refers to a PPS not received");
                    assertThat(e.offset()).isEqualTo(102);
                });
        byte[] outOfRange = nal(1, 0, new RbspWriter().flag(true).ue(64));
        assertThatThrownBy(() -> SliceSegmentHeader.parse(ByteBuffer.wrap(outOfRange), sets)).hasMessageContaining(
                "slice_segment_header slice_pic_parameter_set_id 64 out of range (expected: 0..63)");
        // a PPS whose SPS is missing
        HevcParameterSets noSps = new HevcParameterSets();
        noSps.accept(FixtureNals.ofType("main", 34).get(0));
        byte[] first = nal(1, 0, new RbspWriter().flag(true).ue(0).ue(1).u(8, 4).flag(true));
        assertThatThrownBy(() -> SliceSegmentHeader.parse(ByteBuffer.wrap(first), noSps)).hasMessageContaining("refers to SPS 0, not received");
        // 320x240 in 64x64 CTBs: 20 CTBs, so slice_segment_address is 5 bits and 20..31 are out of range
        byte[] address = nal(1, 0, new RbspWriter().flag(false).ue(0).u(5, 25));
        assertThatThrownBy(() -> SliceSegmentHeader.parse(ByteBuffer.wrap(address), sets)).hasMessageContaining(
                "slice_segment_address 25 out of range (expected: 0..19)");
        byte[] sliceType = nal(1, 0, new RbspWriter().flag(true).ue(0).ue(3));
        assertThatThrownBy(() -> SliceSegmentHeader.parse(ByteBuffer.wrap(sliceType), sets)).hasMessageContaining(
                "slice_type 3 out of range (expected: 0..2)");
        assertThatThrownBy(() -> SliceSegmentHeader.parse(ByteBuffer.wrap(new byte[] {0x42, 0x01, (byte) 0x80}), sets))
                .hasMessageContaining("slice_segment_header nal_unit_type 33 is not a VCL type");
        byte[] layerIdr = nal(19, 1, new RbspWriter().flag(true).flag(false).ue(0));
        assertThatThrownBy(() -> SliceSegmentHeader.parse(ByteBuffer.wrap(layerIdr), sets)).isInstanceOf(UnsupportedFeatureException.class);
        // every truncation of every real slice header raises the module's exception or parses a shorter header
        for (String name : FixtureNals.FIXTURES) {
            HevcParameterSets s = setsOf(name);
            for (ByteBuffer slice : FixtureNals.split(Fixtures.bytes("h265/" + name + ".h265"))) {
                if (FixtureNals.type(slice) > 31) {
                    continue;
                }
                SliceSegmentHeader whole = SliceSegmentHeader.parse(slice.duplicate(), s);
                int headerBytes = (int) (whole.headerBits() + 7) / 8 + 2;
                for (int n = 0; n < Math.min(headerBytes, slice.remaining()); n++) {
                    try {
                        SliceSegmentHeader.parse(slice.slice(slice.position(), n), s);
                    } catch (StreamwireException expected) {
                        FixtureNals.requireH265(expected);
                    }
                }
            }
        }
    }
}
