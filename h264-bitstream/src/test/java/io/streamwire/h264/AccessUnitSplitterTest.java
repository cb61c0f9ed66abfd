package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AccessUnitSplitter} one access unit at a time with parameter sets from earlier (PES
 * payloads, RTMP samples with their avcC), and its hand-out-once lifecycle.
 */
class AccessUnitSplitterTest {

    /** The fixture's access units, each as its own Annex B buffer (one PES payload each). */
    static List<ByteBuffer> pesPayloads(byte[] stream, List<AccessUnit> aus) {
        List<ByteBuffer> out = new ArrayList<>();
        for (AccessUnit au : aus) {
            // a copy with its own array: nothing of the stream before it is reachable
            byte[] pes = new byte[4 + au.length()];
            pes[3] = 1;
            System.arraycopy(stream, (int) au.offset(), pes, 4, au.length());
            out.add(ByteBuffer.wrap(pes));
        }
        return out;
    }

    /** An avcC holding the stream's distinct SPSs and PPSs, in stream order. */
    static AvcDecoderConfigurationRecord avcC(byte[] stream) {
        List<ByteBuffer> sps = new ArrayList<>();
        List<ByteBuffer> pps = new ArrayList<>();
        for (ByteBuffer nal : AnnexB.split(ByteBuffer.wrap(stream))) {
            int type = nal.get(0) & 0x1F;
            List<ByteBuffer> list = type == NalUnitHeader.TYPE_SPS ? sps : type == NalUnitHeader.TYPE_PPS ? pps : null;
            if (list != null && !list.contains(nal)) {
                list.add(nal);
            }
        }
        return new AvcDecoderConfigurationRecord(1, sps.get(0).get(1) & 0xFF, sps.get(0).get(2) & 0xFF, sps.get(0).get(3) & 0xFF, 3,
                sps, pps, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "main-bframes", "high", "high10", "yuv444", "interlaced", "slices4", "aud-hrd",
        "crop-318x238", "bench-720p"})
    void eachPesSplitsAloneWithTheParameterSetsOfEarlierOnes(String name) {
        byte[] stream = Fixtures.bytes("h264/" + name + ".h264");
        List<AccessUnit> whole = AccessUnit.split(ByteBuffer.wrap(stream));
        List<ByteBuffer> pes = pesPayloads(stream, whole);
        // the reported trap: a PES without the parameter sets cannot be split on its own
        assertThatThrownBy(() -> AccessUnit.split(pes.get(1)))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.field()).isEqualTo("slice_header pic_parameter_set_id"));
        ParameterSets sets = new ParameterSets();
        for (int i = 0; i < pes.size(); i++) {
            List<AccessUnit> one = AccessUnit.split(pes.get(i), sets);
            AccessUnit expected = whole.get(i);
            assertThat(one).as("%s PES %d", name, i)
                    .containsExactly(new AccessUnit(4, expected.length(), expected.nalUnitCount(), expected.keyframe(), expected.idr()));
            assertThat(pes.get(i).position()).isZero();
        }
        assertThat(sets.pps(0)).isNotNull();
        assertThat(whole.stream().map(AccessUnit::keyframe).toList()).isEqualTo(AccessUnitTest.ffprobeKeyFlags(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "main-bframes", "high", "yuv444", "interlaced", "slices4", "aud-hrd"})
    void splitterSeededFromTheAvcCFlagsEachRtmpSample(String name) {
        byte[] stream = Fixtures.bytes("h264/" + name + ".h264");
        AvcDecoderConfigurationRecord config = AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(avcC(stream).toByteArray()));
        List<AccessUnit> whole = AccessUnit.split(ByteBuffer.wrap(stream));
        List<ByteBuffer> pes = pesPayloads(stream, whole);
        AccessUnitSplitter splitter = new AccessUnitSplitter(config, H264Limits.defaults());
        List<Boolean> keyframes = new ArrayList<>();
        for (ByteBuffer payload : pes) {
            // RTMP/FLV: AUDs and parameter sets dropped, they are in the avcC
            ByteBuffer sample = ByteBuffer.wrap(Avcc.fromAnnexB(payload, 4, true));
            List<ByteBuffer> nals = Avcc.split(sample, config.nalUnitLengthSize());
            for (ByteBuffer nal : nals) {
                assertThat(splitter.push(nal, 0)).as("%s: one sample is one access unit", name).isFalse();
            }
            assertThat(splitter.finish()).isTrue();
            assertThat(splitter.completedNalUnitCount()).isEqualTo(nals.size());
            keyframes.add(splitter.completedIsKeyframe());
            splitter.reset();
        }
        assertThat(keyframes).isEqualTo(AccessUnitTest.ffprobeKeyFlags(name));
    }

    @Test
    void scannerWithSharedParameterSetsAllocatesNothingPerPes() {
        byte[] stream = Fixtures.bytes("h264/main-bframes.h264");
        ByteBuffer[] pes = pesPayloads(stream, AccessUnit.split(ByteBuffer.wrap(stream))).toArray(ByteBuffer[]::new);
        ParameterSets sets = new ParameterSets();
        AccessUnitScanner scanner = new AccessUnitScanner(sets, H264Limits.defaults());
        int[] keyframes = new int[1];
        Allocation.assertAllocatesNothing("AccessUnitScanner per PES", 3_000, 300, 0, () -> {
            for (int i = 0; i < pes.length; i++) { // no iterator
                scanner.reset(pes[i]);
                while (scanner.next()) {
                    keyframes[0] += scanner.isKeyframe() ? 1 : 0;
                }
            }
        });
        assertThat(keyframes[0]).isPositive();
        assertThat(scanner.parameterSets()).isSameAs(sets);
    }

    @Test
    void malformedParameterSetsOfTheAvcCAreReportedAtTheirOffsetInTheRecord() {
        byte[] stream = Fixtures.bytes("h264/high.h264");
        AvcDecoderConfigurationRecord good = avcC(stream);
        ByteBuffer sps = good.sequenceParameterSets().get(0);
        // PPS 0 of SPS 5: no such SPS; the PPS NAL unit starts after 6 bytes, the SPS with its
        // length, numOfPictureParameterSets and pictureParameterSetLength
        byte[] pps = ppsOfSps5();
        AvcDecoderConfigurationRecord bad = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x0D, 3, List.of(sps),
                List.of(ByteBuffer.wrap(pps)), null);
        int ppsAt = 6 + 2 + sps.remaining() + 1 + 2;
        byte[] written = bad.toByteArray();
        assertThat(written[ppsAt]).isEqualTo(pps[0]);
        assertThatThrownBy(() -> new AccessUnitSplitter(bad, H264Limits.defaults()))
                .isInstanceOfSatisfying(H264Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("pps seq_parameter_set_id");
                    assertThat(e.offset()).isBetween((long) ppsAt + 1, (long) ppsAt + pps.length);
                });
        // a truncated SPS: module h264, offset inside the SPS
        AvcDecoderConfigurationRecord truncated = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x0D, 3,
                List.of(ByteBuffer.wrap(new byte[] {0x67, 0x64, 0x00})), List.of(), null);
        assertThatThrownBy(() -> new AccessUnitSplitter(truncated, H264Limits.defaults()))
                .isInstanceOfSatisfying(StreamwireException.class, e -> {
                    assertThat(e.module()).isEqualTo("h264");
                    assertThat(e.offset()).isBetween(8L, 11L);
                });
    }

    /** A minimal CAVLC PPS 0 that refers to SPS 5. */
    private static byte[] ppsOfSps5() {
        return new byte[] {
            0x68,        // forbidden_zero_bit 0, nal_ref_idc 3, nal_unit_type 8
            (byte) 0x98, // pic_parameter_set_id ue 1 = 0, seq_parameter_set_id ue 00110 = 5,
                         // entropy_coding_mode_flag 0, bottom_field_pic_order_in_frame_present_flag 0
            (byte) 0xE3, // num_slice_groups_minus1 ue 1, num_ref_idx_l0/l1_default_active_minus1 ue 1 1,
                         // weighted_pred_flag 0, weighted_bipred_idc 00, pic_init_qp_minus26 se 1
            (byte) 0x88, // pic_init_qs_minus26 se 1, chroma_qp_index_offset se 1, deblocking, constrained
                         // intra and redundant_pic_cnt flags 000, rbsp_stop_one_bit 1, alignment 000
        };
    }

    @Test
    void pushAfterFinishIsAnErrorUntilReset() {
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h264/high.h264")));
        AccessUnitSplitter splitter = new AccessUnitSplitter();
        for (ByteBuffer nal : nals.subList(0, 4)) { // SPS, PPS, SEI, IDR slice
            assertThat(splitter.push(nal, 0)).isFalse();
        }
        assertThat(splitter.finish()).isTrue();
        assertThat(splitter.completedNalUnitCount()).isEqualTo(4);
        assertThat(splitter.completedIsIdr()).isTrue();
        // the reported trap: this push returned true while completed* still described the unit above
        assertThatThrownBy(() -> splitter.push(nals.get(4), 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset()");
        assertThat(splitter.finish()).as("a second finish does nothing").isFalse();
        assertThatThrownBy(splitter::completedNalUnitCount).isInstanceOf(IllegalStateException.class);
        splitter.reset();
        assertThatThrownBy(splitter::completedIsKeyframe).isInstanceOf(IllegalStateException.class);
        assertThat(splitter.push(nals.get(4), 0)).as("the first NAL unit completes nothing").isFalse();
        assertThatThrownBy(splitter::completedIsIdr).isInstanceOf(IllegalStateException.class);
        assertThat(splitter.finish()).isTrue();
        assertThat(splitter.completedNalUnitCount()).isEqualTo(1);
        assertThat(splitter.completedIsKeyframe()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "main-bframes", "slices4", "aud-hrd"})
    void aLoopReadingEveryTrueCountsEachAccessUnitOnce(String name) {
        byte[] stream = Fixtures.bytes("h264/" + name + ".h264");
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(stream));
        List<Boolean> expected = AccessUnitTest.ffprobeKeyFlags(name);
        AccessUnitSplitter splitter = new AccessUnitSplitter();
        for (int pass = 0; pass < 3; pass++) { // the same stream again after reset
            List<Boolean> keyframes = new ArrayList<>();
            int nalUnits = 0;
            for (ByteBuffer nal : nals) {
                if (splitter.push(nal, 0)) {
                    keyframes.add(splitter.completedIsKeyframe());
                    nalUnits += splitter.completedNalUnitCount();
                } else {
                    assertThatThrownBy(splitter::completedNalUnitCount).isInstanceOf(IllegalStateException.class);
                }
            }
            if (splitter.finish()) {
                keyframes.add(splitter.completedIsKeyframe());
                nalUnits += splitter.completedNalUnitCount();
            }
            assertThat(splitter.finish()).isFalse();
            assertThat(keyframes).as("%s pass %d", name, pass).isEqualTo(expected);
            assertThat(nalUnits).isEqualTo(nals.size());
            splitter.reset();
        }
        assertThat(splitter.finish()).as("nothing pushed since reset").isFalse();
    }

    @Test
    void aPayloadTypeBeyondIntIsNotARecoveryPoint() {
        // 16,843,009 bytes 0xFF then 0x07: payloadType 2^32 + 6, which an int sum wraps to 6
        byte[] sei = new byte[1 + 16_843_009 + 4];
        sei[0] = 0x06;
        java.util.Arrays.fill(sei, 1, 1 + 16_843_009, (byte) 0xFF);
        System.arraycopy(new byte[] {0x07, 0x01, 0x00, (byte) 0x80}, 0, sei, sei.length - 4, 4); // last type byte, size 1, payload, trailing bits
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h264/baseline.h264")));
        AccessUnitSplitter splitter = new AccessUnitSplitter();
        ByteBuffer pSlice = null;
        for (ByteBuffer nal : nals) {
            int type = nal.get(0) & 0x1F;
            if (type == NalUnitHeader.TYPE_SPS || type == NalUnitHeader.TYPE_PPS) {
                splitter.parameterSets().accept(nal, 0);
            } else if (type == NalUnitHeader.TYPE_SLICE && pSlice == null) {
                pSlice = nal;
            }
        }
        assertThat(splitter.push(ByteBuffer.wrap(sei), 0)).isFalse();
        assertThat(splitter.push(pSlice, 0)).isFalse();
        assertThat(splitter.finish()).isTrue();
        assertThat(splitter.completedIsKeyframe()).isFalse();
    }

    @Test
    void resetForgetsAnAccessUnitInProgressButKeepsTheParameterSets() {
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h264/baseline.h264")));
        AccessUnitSplitter splitter = new AccessUnitSplitter();
        for (ByteBuffer nal : nals.subList(0, 3)) {
            splitter.push(nal, 0);
        }
        splitter.reset();
        assertThat(splitter.parameterSets().pps(0)).isNotNull();
        assertThat(splitter.finish()).isFalse();
        splitter.reset();
        int idr = 0;
        while ((nals.get(idr).get(0) & 0x1F) != NalUnitHeader.TYPE_IDR) {
            idr++;
        }
        assertThat(splitter.push(nals.get(idr + 1), 0)).isFalse(); // a P slice, PPS known from before reset
        assertThat(splitter.finish()).isTrue();
        assertThat(splitter.completedNalUnitCount()).isEqualTo(1);
    }
}
