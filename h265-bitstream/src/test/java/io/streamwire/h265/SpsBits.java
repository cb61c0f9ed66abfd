package io.streamwire.h265;

import io.streamwire.core.internal.RbspWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * A test-only SPS writer, independent of {@link HevcSps}'s: writes a small Main-profile SPS field by field
 * in the order of ITU-T H.265 (09/2023) §7.3.2.2.1, any field replaced by name, so the bad-input tests can
 * code values the record would refuse. Defaults: 320x240 4:2:0 8-bit, one explicit st_ref_pic_set per
 * num_short_term_ref_pic_sets (one negative picture), no VUI.
 */
final class SpsBits {
    private final Map<String, Long> values = new HashMap<>();
    private String cutAfter;

    SpsBits set(String field, long value) {
        values.put(field, value);
        return this;
    }

    /** Ends the RBSP (with trailing bits) right after {@code field}. */
    SpsBits cutAfter(String field) {
        cutAfter = field;
        return this;
    }

    private long v(String field, long def) {
        return values.getOrDefault(field, def);
    }

    private boolean ue(RbspWriter w, String field, long def) {
        w.ue(v(field, def));
        return field.equals(cutAfter);
    }

    private boolean u(RbspWriter w, int n, String field, long def) {
        w.u(n, v(field, def));
        return field.equals(cutAfter);
    }

    byte[] rbsp() {
        RbspWriter w = new RbspWriter();
        write(w);
        return w.trailingBits().toRbsp();
    }

    byte[] nal() {
        RbspWriter w = new RbspWriter();
        write(w);
        return w.trailingBits().toNal((int) v("nal_header", 0x4201), 2);
    }

    private void write(RbspWriter w) {
        if (u(w, 4, "sps_video_parameter_set_id", 0) || u(w, 3, "sps_max_sub_layers_minus1", 0)
                || u(w, 1, "sps_temporal_id_nesting_flag", 1)) {
            return;
        }
        w.u(2, 0).u(1, 0).u(5, 1).u(32, 0x60000000L).u(32, 0x90000000L).u(16, 0); // general profile: Main
        if (u(w, 8, "general_level_idc", 60) || ue(w, "sps_seq_parameter_set_id", 0) || ue(w, "chroma_format_idc", 1)) {
            return;
        }
        if (v("chroma_format_idc", 1) == 3 && u(w, 1, "separate_colour_plane_flag", 0)) {
            return;
        }
        if (ue(w, "pic_width_in_luma_samples", 320) || ue(w, "pic_height_in_luma_samples", 240)
                || u(w, 1, "conformance_window_flag", 0)) {
            return;
        }
        if (v("conformance_window_flag", 0) == 1 && (ue(w, "conf_win_left_offset", 0) || ue(w, "conf_win_right_offset", 1)
                || ue(w, "conf_win_top_offset", 0) || ue(w, "conf_win_bottom_offset", 1))) {
            return;
        }
        if (ue(w, "bit_depth_luma_minus8", 0) || ue(w, "bit_depth_chroma_minus8", 0) || ue(w, "log2_max_pic_order_cnt_lsb_minus4", 4)
                || u(w, 1, "sps_sub_layer_ordering_info_present_flag", 1) || ue(w, "sps_max_dec_pic_buffering_minus1", 4)
                || ue(w, "sps_max_num_reorder_pics", 2) || ue(w, "sps_max_latency_increase_plus1", 0)
                || ue(w, "log2_min_luma_coding_block_size_minus3", 0) || ue(w, "log2_diff_max_min_luma_coding_block_size", 3)
                || ue(w, "log2_min_luma_transform_block_size_minus2", 0) || ue(w, "log2_diff_max_min_luma_transform_block_size", 3)
                || ue(w, "max_transform_hierarchy_depth_inter", 1) || ue(w, "max_transform_hierarchy_depth_intra", 1)
                || u(w, 1, "scaling_list_enabled_flag", 0) || u(w, 1, "amp_enabled_flag", 0)
                || u(w, 1, "sample_adaptive_offset_enabled_flag", 1) || u(w, 1, "pcm_enabled_flag", 0)) {
            return;
        }
        long sets = v("num_short_term_ref_pic_sets", 1);
        if (ue(w, "num_short_term_ref_pic_sets", 1)) {
            return;
        }
        for (long i = 0; i < Math.min(sets, 64); i++) {
            if (i > 0) {
                w.u(1, 0); // inter_ref_pic_set_prediction_flag
            }
            if (ue(w, "num_negative_pics", 1) || ue(w, "num_positive_pics", 0)) {
                return;
            }
            for (long k = 0; k < v("num_negative_pics", 1) + v("num_positive_pics", 0); k++) {
                w.ue(v("delta_poc_s0_minus1", 0)).u(1, 1);
            }
        }
        if (u(w, 1, "long_term_ref_pics_present_flag", 0)) {
            return;
        }
        if (v("long_term_ref_pics_present_flag", 0) == 1) {
            long n = v("num_long_term_ref_pics_sps", 1);
            if (ue(w, "num_long_term_ref_pics_sps", 1)) {
                return;
            }
            for (long i = 0; i < Math.min(n, 32); i++) {
                w.u((int) v("log2_max_pic_order_cnt_lsb_minus4", 4) + 4, 0).u(1, 1);
            }
        }
        if (u(w, 1, "sps_temporal_mvp_enabled_flag", 1) || u(w, 1, "strong_intra_smoothing_enabled_flag", 1)
                || u(w, 1, "vui_parameters_present_flag", 0)) {
            return;
        }
        u(w, 1, "sps_extension_present_flag", 0);
    }
}
