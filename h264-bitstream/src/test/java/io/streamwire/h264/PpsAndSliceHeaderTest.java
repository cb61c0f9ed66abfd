package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PpsAndSliceHeaderTest {

    static List<SliceHeader> slices(String name, ParameterSets sets) {
        byte[] stream = Fixtures.bytes("h264/" + name + ".h264");
        List<SliceHeader> out = new ArrayList<>();
        AnnexBScanner s = new AnnexBScanner().reset(ByteBuffer.wrap(stream));
        while (s.next()) {
            ByteBuffer nal = ByteBuffer.wrap(stream, s.nalStart(), s.nalLength()).slice();
            int type = nal.get(0) & 0x1F;
            if (type == 8) {
                Pps pps = Pps.parse(nal.duplicate(), sets, s.nalStart());
                assertThat(pps.toRbsp()).as(name + " PPS write(parse(x)) == x").isEqualTo(SpsTest.rbspOf(nal));
                byte[] original = new byte[nal.remaining()];
                nal.duplicate().get(original);
                assertThat(pps.toNal(3)).isEqualTo(original);
            }
            if (sets.accept(nal, s.nalStart())) {
                continue;
            }
            if (type == 1 || type == 5) {
                SliceHeader h = SliceHeader.parse(nal, sets, s.nalStart());
                assertThat(h.headerBits()).isPositive().isLessThan(nal.remaining() * 8L);
                out.add(h);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "main-bframes", "high", "high10", "yuv444", "interlaced", "slices4", "aud-hrd",
        "crop-318x238", "bench-720p"})
    void everyFixtureSliceHeaderParses(String name) {
        List<SliceHeader> headers = slices(name, new ParameterSets());
        assertThat(headers).isNotEmpty();
        assertThat(headers.get(0).isIdr()).isTrue();
        assertThat(headers.get(0).sliceTypeKind()).isEqualTo(SliceHeader.I);
        assertThat(headers.get(0).decRefPicMarking()).isNotNull();
    }

    @Test
    void multiSliceAndBFramesAndFields() {
        List<SliceHeader> four = slices("slices4", new ParameterSets());
        // 320x240 is 15 rows of 20 macroblocks; x264 cuts 4 slices at row boundaries (4, 4, 3, 4 rows)
        assertThat(four).hasSize(40);
        assertThat(four.subList(0, 4)).extracting(SliceHeader::firstMbInSlice).containsExactly(0, 80, 160, 220);
        List<SliceHeader> b = slices("main-bframes", new ParameterSets());
        assertThat(b).anyMatch(h -> h.sliceTypeKind() == SliceHeader.B);
        assertThat(b).filteredOn(h -> h.sliceTypeKind() == SliceHeader.B).allMatch(h -> h.nalRefIdc() == 0 || h.decRefPicMarking() != null);
        List<SliceHeader> interlaced = slices("interlaced", new ParameterSets());
        // x264 --tff codes MBAFF frames, not field pictures
        assertThat(interlaced).allMatch(h -> !h.fieldPicFlag());
        ParameterSets sets = new ParameterSets();
        slices("high", sets);
        assertThat(sets.pps(0).entropyCodingModeFlag()).isTrue();
        assertThat(sets.pps(0).transform8x8ModeFlag()).isTrue();
        ParameterSets base = new ParameterSets();
        slices("baseline", base);
        assertThat(base.pps(0).moreRbspData()).isFalse();
        assertThat(base.pps(0).entropyCodingModeFlag()).isFalse();
    }

    @Test
    void unknownParameterSetsAreErrorsWithField() {
        byte[] stream = Fixtures.bytes("h264/high.h264");
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(stream));
        ByteBuffer pps = nals.stream().filter(n -> (n.get(n.position()) & 0x1F) == 8).findFirst().orElseThrow();
        assertThatThrownBy(() -> Pps.parse(pps, new ParameterSets(), 40))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("pps seq_parameter_set_id");
                    assertThat(e.getMessage()).contains("refers to an SPS not seen yet");
                });
        ByteBuffer idr = nals.stream().filter(n -> (n.get(n.position()) & 0x1F) == 5).findFirst().orElseThrow();
        assertThatThrownBy(() -> SliceHeader.parse(idr, new ParameterSets(), 0))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.field()).isEqualTo("slice_header pic_parameter_set_id"));
        assertThatThrownBy(() -> SliceHeader.parse(ByteBuffer.wrap(new byte[] {0x74, 1, 2}), new ParameterSets(), 0))
                .isInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void sliceGroupsAreBoundedBySps() {
        ParameterSets sets = new ParameterSets();
        // 2x2 macroblocks baseline SPS
        Sps sps = new Sps(66, 0, 0, 10, 0, 1, false, 0, 0, false, null, 0, 2, 0, false, 0, 0, List.of(), 1, false, 1, 1,
                true, false, true, false, 0, 0, 0, 0, null);
        sets.put(sps);
        // type 6 with pic_size_in_map_units_minus1 = 3 and 2 slice groups (1 bit ids)
        RbspWriter ok = new RbspWriter().ue(0).ue(0).flag(false).flag(false).ue(1).ue(6).ue(3).u(1, 0).u(1, 1).u(1, 1).u(1, 0)
                .ue(0).ue(0).flag(false).u(2, 0).se(0).se(0).se(0).flag(false).flag(false).flag(false).trailingBits();
        Pps pps = Pps.parse(ByteBuffer.wrap(ok.toNal(0x68)), sets);
        assertThat(pps.sliceGroups().sliceGroupId()).containsExactly(0, 1, 1, 0);
        assertThat(Pps.parse(ByteBuffer.wrap(pps.toNal(3)), sets)).isEqualTo(pps);
        // a map-unit count that disagrees with the SPS is refused before reading ids
        RbspWriter bad = new RbspWriter().ue(0).ue(0).flag(false).flag(false).ue(1).ue(6).ue(100000).trailingBits();
        assertThatThrownBy(() -> Pps.parse(ByteBuffer.wrap(bad.toNal(0x68)), sets))
                .hasMessageContaining("pps pic_size_in_map_units_minus1 100000 out of range (expected: 0..3)");
        RbspWriter groups = new RbspWriter().ue(0).ue(0).flag(false).flag(false).ue(8).trailingBits();
        assertThatThrownBy(() -> Pps.parse(ByteBuffer.wrap(groups.toNal(0x68)), sets))
                .hasMessageContaining("pps num_slice_groups_minus1 8 out of range (expected: 0..7)");
        RbspWriter id = new RbspWriter().ue(256).trailingBits();
        assertThatThrownBy(() -> Pps.parse(ByteBuffer.wrap(id.toNal(0x68)), sets))
                .hasMessageContaining("pps pic_parameter_set_id 256 out of range (expected: 0..255)");
    }

    /** An IDR I slice header (baseline PPS 0 of {@link #frameOrFieldSets}) starting at {@code firstMbInSlice}. */
    static ByteBuffer idrSlice(long firstMbInSlice, boolean interlacedSps, boolean fieldPic) {
        RbspWriter w = new RbspWriter();
        w.ue(firstMbInSlice).ue(7).ue(0).u(4, 0); // first_mb_in_slice, slice_type I, pic_parameter_set_id, frame_num
        if (interlacedSps) {
            w.flag(fieldPic); // field_pic_flag
            if (fieldPic) {
                w.flag(false); // bottom_field_flag
            }
        }
        // idr_pic_id, pic_order_cnt_lsb, no_output_of_prior_pics_flag, long_term_reference_flag, slice_qp_delta
        w.ue(0).u(4, 0).flag(false).flag(false).se(0);
        return ByteBuffer.wrap(w.trailingBits().toNal(0x65));
    }

    static ParameterSets frameOrFieldSets(int picWidthInMbsMinus1, int picHeightInMapUnitsMinus1, boolean frameMbsOnly, boolean mbaff) {
        ParameterSets sets = new ParameterSets();
        sets.accept(ByteBuffer.wrap(SpsTest.spsOfSize(picWidthInMbsMinus1, picHeightInMapUnitsMinus1, frameMbsOnly, mbaff)), 0);
        sets.accept(ByteBuffer.wrap(new RbspWriter().ue(0).ue(0).flag(false).flag(false).ue(0).ue(0).ue(0).flag(false).u(2, 0)
                .se(0).se(0).se(0).flag(false).flag(false).flag(false).trailingBits().toNal(0x68)), 0);
        return sets;
    }

    /**
     * first_mb_in_slice < PicSizeInMbs (§7.4.3), counted without wrapping: for the largest picture
     * the SPS allows (2^22 macroblocks a frame) slice 0 is fine (it once read "expected: 0..-1"
     * when PicSizeInMapUnits wrapped to 0), and a field or an MBAFF frame counts half as many
     * addresses (macroblock pairs).
     */
    @Test
    void firstMbInSliceIsCheckedAgainstThePictureItStarts() {
        int frame = 1 << 22;
        ParameterSets fields = frameOrFieldSets(2047, 1023, false, false);
        assertThat(SliceHeader.parse(idrSlice(0, true, false), fields, 0).firstMbInSlice()).isZero();
        assertThat(SliceHeader.parse(idrSlice(frame - 1, true, false), fields, 0).firstMbInSlice()).isEqualTo(frame - 1);
        assertThatThrownBy(() -> SliceHeader.parse(idrSlice(frame, true, false), fields, 0))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("slice_header first_mb_in_slice");
                    assertThat(e.getMessage()).contains(frame + " out of range (expected: 0.." + (frame - 1) + ")");
                });
        assertThat(SliceHeader.parse(idrSlice(frame / 2 - 1, true, true), fields, 0).fieldPicFlag()).isTrue();
        assertThatThrownBy(() -> SliceHeader.parse(idrSlice(frame / 2, true, true), fields, 0))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.getMessage())
                        .contains(frame / 2 + " out of range (expected: 0.." + (frame / 2 - 1) + " in a field)"));
        ParameterSets mbaff = frameOrFieldSets(19, 7, false, true); // 20 x 16 macroblocks, 160 pairs
        assertThat(SliceHeader.parse(idrSlice(159, true, false), mbaff, 0).firstMbInSlice()).isEqualTo(159);
        assertThatThrownBy(() -> SliceHeader.parse(idrSlice(160, true, false), mbaff, 0))
                .hasMessageContaining("160 out of range (expected: 0..159 macroblock pairs in an MBAFF frame)");
        ParameterSets progressive = frameOrFieldSets(19, 14, true, false);
        assertThat(SliceHeader.parse(idrSlice(299, false, false), progressive, 0).firstMbInSlice()).isEqualTo(299);
        assertThatThrownBy(() -> SliceHeader.parse(idrSlice(300, false, false), progressive, 0))
                .hasMessageContaining("300 out of range (expected: 0..299)");
    }
}
