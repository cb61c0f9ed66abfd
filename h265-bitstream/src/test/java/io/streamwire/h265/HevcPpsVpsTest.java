package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.internal.RbspWriter;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PPS and VPS bounds, written field by field by a test-only writer (ITU-T H.265 (09/2023) §7.3.2.1, §7.3.2.3.1). */
class HevcPpsVpsTest {

    /** A PPS with tiles and a range extension, any field replaced by name. */
    static byte[] pps(Map<String, Long> o) {
        RbspWriter w = new RbspWriter();
        w.ue(o.getOrDefault("pps_pic_parameter_set_id", 0L)).ue(o.getOrDefault("pps_seq_parameter_set_id", 0L)).u(1, 0).u(1, 0)
                .u(3, 0).u(1, 1).u(1, 0).ue(o.getOrDefault("num_ref_idx_l0_default_active_minus1", 0L)).ue(0)
                .se(o.getOrDefault("init_qp_minus26", 0L)).u(1, 0).u(1, 1).u(1, 1).ue(o.getOrDefault("diff_cu_qp_delta_depth", 1L))
                .se(o.getOrDefault("pps_cb_qp_offset", 0L)).se(0).u(1, 0).u(1, 0).u(1, 0).u(1, 0).u(1, 1).u(1, 0);
        long cols = o.getOrDefault("num_tile_columns_minus1", 2L);
        w.ue(cols).ue(o.getOrDefault("num_tile_rows_minus1", 1L)).u(1, 0);
        for (long i = 0; i < Math.min(cols, 19); i++) {
            w.ue(1);
        }
        w.ue(0); // row_height_minus1[0]
        w.u(1, 1).u(1, 1).u(1, 1).u(1, 0).u(1, 0).se(o.getOrDefault("pps_beta_offset_div2", 0L)).se(0).u(1, 0).u(1, 0)
                .ue(o.getOrDefault("log2_parallel_merge_level_minus2", 0L)).u(1, 0).u(1, 1).u(1, 1).u(1, 0).u(1, 0).u(1, 0).u(4, 0);
        w.ue(0).u(1, 0).u(1, 1).ue(0).ue(o.getOrDefault("chroma_qp_offset_list_len_minus1", 1L));
        for (long i = 0; i <= Math.min(o.getOrDefault("chroma_qp_offset_list_len_minus1", 1L), 5); i++) {
            w.se(o.getOrDefault("cb_qp_offset_list", -3L)).se(4);
        }
        w.ue(o.getOrDefault("log2_sao_offset_scale_luma", 0L)).ue(0);
        return w.trailingBits().toNal(34 << 9 | 1, 2);
    }

    @Test
    void tilesAndRangeExtensionParse() {
        HevcPps pps = HevcPps.parse(ByteBuffer.wrap(pps(Map.of())));
        assertThat(pps.tilesEnabledFlag()).isTrue();
        assertThat(pps.columnWidthMinus1()).containsExactly(1, 1);
        assertThat(pps.ppsRangeExtension().cbQpOffsetList()).containsExactly(-3, -3);
        assertThat(pps.toNal()).isEqualTo(pps(Map.of()));
        HevcSps sps = HevcSps.parse(ByteBuffer.wrap(new SpsBits().set("log2_diff_max_min_luma_coding_block_size", 1).set("log2_diff_max_min_luma_transform_block_size", 2).nal()));
        // 320x240 in 16x16 CTBs: 20 x 15; columns 2, 2 and the rest (6-3 with explicit widths)
        assertThat(pps.columnWidthsInCtbs(sps)).containsExactly(2, 2, 16);
        assertThat(pps.rowHeightsInCtbs(sps)).containsExactly(1, 14);
        // uniform spacing (6-3): ((i + 1) * 20) / 3 - (i * 20) / 3
        assertThat(PpsCodec.spacing(20, 2, true, List.of(), "column")).containsExactly(6, 7, 7);
        assertThatThrownBy(() -> PpsCodec.spacing(4, 2, false, List.of(1, 1), "column")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> ppsBounds() {
        return Stream.of(
                Arguments.of("pps_pic_parameter_set_id", 64L, "pps pps_pic_parameter_set_id 64 out of range (expected: 0..63)"),
                Arguments.of("pps_seq_parameter_set_id", 16L, "pps pps_seq_parameter_set_id 16 out of range (expected: 0..15)"),
                Arguments.of("num_ref_idx_l0_default_active_minus1", 15L, "num_ref_idx_l0_default_active_minus1 15 out of range (expected: 0..14)"),
                Arguments.of("init_qp_minus26", 26L, "pps init_qp_minus26 26 out of range (expected: -74..25)"),
                Arguments.of("diff_cu_qp_delta_depth", 4L, "pps diff_cu_qp_delta_depth 4 out of range (expected: 0..3)"),
                Arguments.of("pps_cb_qp_offset", -13L, "pps pps_cb_qp_offset -13 out of range (expected: -12..12)"),
                Arguments.of("num_tile_columns_minus1", 20L, "pps num_tile_columns_minus1 20 out of range (expected: 0..19)"),
                Arguments.of("num_tile_columns_minus1", 4_000_000L, "pps num_tile_columns_minus1 4000000 out of range (expected: 0..19)"),
                Arguments.of("num_tile_rows_minus1", 22L, "pps num_tile_rows_minus1 22 out of range (expected: 0..21)"),
                Arguments.of("pps_beta_offset_div2", 7L, "pps pps_beta_offset_div2 7 out of range (expected: -6..6)"),
                Arguments.of("log2_parallel_merge_level_minus2", 5L, "log2_parallel_merge_level_minus2 5 out of range (expected: 0..4)"),
                Arguments.of("chroma_qp_offset_list_len_minus1", 6L, "pps chroma_qp_offset_list_len_minus1 6 out of range (expected: 0..5)"),
                Arguments.of("cb_qp_offset_list", 13L, "pps cb_qp_offset_list 13 out of range (expected: -12..12)"),
                Arguments.of("log2_sao_offset_scale_luma", 7L, "pps log2_sao_offset_scale_luma 7 out of range (expected: 0..6)"));
    }

    @ParameterizedTest
    @MethodSource("ppsBounds")
    void ppsBoundsAreNamed(String field, long value, String message) {
        Map<String, Long> o = new HashMap<>();
        o.put(field, value);
        ByteBuffer in = ByteBuffer.wrap(pps(o));
        assertThatThrownBy(() -> HevcPps.parse(in, 500)).isInstanceOfSatisfying(H265Exception.class, e -> {
            assertThat(e.getMessage()).contains(message).contains("§7.3.2.3.1");
            assertThat(e.offset()).isBetween(502L, 500L + in.limit());
        });
        assertThat(in.position()).isZero();
    }

    /** A VPS with one layer set per {@code layerSets} and timing with {@code hrds} HRD parameter sets. */
    static byte[] vps(long layerSets, long hrds, long cpbCntMinus1) {
        RbspWriter w = new RbspWriter().u(4, 0).u(1, 1).u(1, 1).u(6, 0).u(3, 0).u(1, 1).u(16, 0xFFFF);
        w.u(2, 0).u(1, 0).u(5, 1).u(32, 0x60000000L).u(32, 0x90000000L).u(16, 0).u(8, 60); // profile_tier_level
        w.u(1, 1).ue(4).ue(2).ue(0).u(6, 0).ue(layerSets);
        for (long i = 0; i < Math.min(layerSets, 1023); i++) {
            w.u(1, 1);
        }
        w.u(1, 1).u(32, 1).u(32, 25).u(1, 0).ue(hrds);
        for (long i = 0; i < Math.min(hrds, layerSets + 1); i++) {
            w.ue(0);
            if (i > 0) {
                w.u(1, 1);
            }
            w.u(1, 1).u(1, 0).u(1, 0).u(4, 0).u(4, 0).u(5, 0).u(5, 0).u(5, 0); // nal HRD, no sub-pic
            w.u(1, 0).u(1, 0).u(1, 0).ue(cpbCntMinus1); // not fixed rate, not low delay
            for (long j = 0; j <= Math.min(cpbCntMinus1, 31); j++) {
                w.ue(1000).ue(2000).u(1, 0);
            }
        }
        return w.u(1, 0).trailingBits().toNal(32 << 9 | 1, 2);
    }

    @Test
    void vpsBoundsAreNamed() {
        HevcVps ok = HevcVps.parse(ByteBuffer.wrap(vps(2, 3, 31)));
        assertThat(ok.vpsNumLayerSetsMinus1()).isEqualTo(2);
        assertThat(ok.hrdParameters()).hasSize(3);
        assertThat(ok.hrdParameters().get(0).subLayers().get(0).nal()).hasSize(32);
        assertThat(ok.toNal()).isEqualTo(vps(2, 3, 31));
        assertThatThrownBy(() -> HevcVps.parse(ByteBuffer.wrap(vps(1024, 0, 0)))).hasMessageContaining(
                "vps vps_num_layer_sets_minus1 1024 out of range (expected: 0..1023)");
        assertThatThrownBy(() -> HevcVps.parse(ByteBuffer.wrap(vps(2, 4, 0)))).hasMessageContaining(
                "vps vps_num_hrd_parameters 4 out of range (expected: 0..3)");
        assertThatThrownBy(() -> HevcVps.parse(ByteBuffer.wrap(vps(0, 1, 32)))).hasMessageContaining(
                "vps cpb_cnt_minus1 32 out of range (expected: 0..31)");
    }
}
