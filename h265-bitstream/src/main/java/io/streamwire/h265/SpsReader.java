package io.streamwire.h265;

import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads seq_parameter_set_rbsp() (ITU-T H.265 (09/2023) §7.3.2.2.1) into an {@link HevcSps}, checking
 * every value against its range before it sizes a loop or an array and before the record is made, so
 * the record's constructor never throws on parsed input.
 *
 * <p>Stateless and thread-safe.
 */
final class SpsReader {
    private SpsReader() {}

    /**
     * Reads the SPS RBSP in {@code nal[from, to)} (escaped, after the two header bytes) whose first byte
     * is at stream offset {@code offset}.
     *
     * @implNote A multi-layer extension SPS (nuh_layer_id &gt; 0 with sps_ext_or_max_sub_layers_minus1 7,
     *     MultiLayerExtSpsFlag) takes its picture format from the VPS extension (Annex F), which this
     *     module does not parse: it is refused with {@link UnsupportedFeatureException}. Every other SPS
     *     is read whole: sps_range_extension() and sps_multilayer_extension() field by field, and
     *     sps_3d_extension(), sps_scc_extension() and the extension data kept as bits
     *     ({@link HevcExtensionData}), which is safe because nothing in the SPS follows them.
     */
    static HevcSps read(ByteBuffer nal, int from, int to, long offset, int nuhLayerId) {
        BitReader r = Rbsp.reader(nal, from, to, offset, "sps", HevcSps.SPEC);
        int vpsId = r.u(4, "sps_video_parameter_set_id");
        int maxSubLayers = r.u(3, "sps_max_sub_layers_minus1");
        if (maxSubLayers == 7) {
            if (nuhLayerId != 0) {
                throw new UnsupportedFeatureException(H265Exception.MODULE, "sps sps_ext_or_max_sub_layers_minus1",
                        "7 in a layer " + nuhLayerId + " SPS (MultiLayerExtSpsFlag; Annex F)", offset, HevcSps.SPEC);
            }
            throw r.error("sps_max_sub_layers_minus1", "7 out of range (expected: 0..6)");
        }
        boolean nesting = r.flag("sps_temporal_id_nesting_flag");
        ProfileTierLevel ptl = ProfileTierLevel.read(r, true, maxSubLayers);
        int id = r.ue("sps_seq_parameter_set_id", 15);
        int chroma = r.ue("chroma_format_idc", 3);
        boolean separate = chroma == 3 && r.flag("separate_colour_plane_flag");
        int width = picDimension(r, "pic_width_in_luma_samples");
        int height = picDimension(r, "pic_height_in_luma_samples");
        boolean window = r.flag("conformance_window_flag");
        int left = 0;
        int right = 0;
        int top = 0;
        int bottom = 0;
        if (window) {
            int subW = chroma == 1 || chroma == 2 ? 2 : 1;
            int subH = chroma == 1 ? 2 : 1;
            left = r.ue("conf_win_left_offset", HevcSps.MAX_PIC_DIMENSION);
            right = r.ue("conf_win_right_offset", HevcSps.MAX_PIC_DIMENSION);
            if ((long) subW * (left + right) >= width) {
                throw r.error("conf_win_right_offset", "leaves no column: SubWidthC x (" + left + " + " + right + ") >= " + width);
            }
            top = r.ue("conf_win_top_offset", HevcSps.MAX_PIC_DIMENSION);
            bottom = r.ue("conf_win_bottom_offset", HevcSps.MAX_PIC_DIMENSION);
            if ((long) subH * (top + bottom) >= height) {
                throw r.error("conf_win_bottom_offset", "leaves no row: SubHeightC x (" + top + " + " + bottom + ") >= " + height);
            }
        }
        int depthLuma = r.ue("bit_depth_luma_minus8", 8);
        int depthChroma = r.ue("bit_depth_chroma_minus8", 8);
        int log2PocLsb = r.ue("log2_max_pic_order_cnt_lsb_minus4", 12);
        boolean orderingAll = r.flag("sps_sub_layer_ordering_info_present_flag");
        List<HevcSps.SubLayerOrderingInfo> ordering = readOrdering(r, orderingAll, maxSubLayers, "sps_");
        int minCb = r.ue("log2_min_luma_coding_block_size_minus3", 3);
        int diffCb = r.ue("log2_diff_max_min_luma_coding_block_size", 3 - minCb);
        int ctbLog2 = minCb + 3 + diffCb;
        if (width % (8 << minCb) != 0 || height % (8 << minCb) != 0) {
            throw r.error("log2_min_luma_coding_block_size_minus3", minCb + ": MinCbSizeY " + (8 << minCb)
                    + " does not divide the picture size " + width + "x" + height);
        }
        int minTb = r.ue("log2_min_luma_transform_block_size_minus2", minCb); // MinTbLog2SizeY < MinCbLog2SizeY
        int diffTb = r.ue("log2_diff_max_min_luma_transform_block_size", Math.min(ctbLog2, 5) - (minTb + 2));
        int depthInter = r.ue("max_transform_hierarchy_depth_inter", ctbLog2 - (minTb + 2));
        int depthIntra = r.ue("max_transform_hierarchy_depth_intra", ctbLog2 - (minTb + 2));
        boolean scaling = r.flag("scaling_list_enabled_flag");
        ScalingListData lists = scaling && r.flag("sps_scaling_list_data_present_flag") ? ScalingListData.read(r) : null;
        boolean amp = r.flag("amp_enabled_flag");
        boolean sao = r.flag("sample_adaptive_offset_enabled_flag");
        HevcSps.Pcm pcm = r.flag("pcm_enabled_flag") ? readPcm(r, depthLuma + 8, depthChroma + 8, minCb + 3, ctbLog2) : null;
        int numSets = r.ue("num_short_term_ref_pic_sets", HevcSps.MAX_SHORT_TERM_REF_PIC_SETS);
        List<ShortTermRefPicSet> sets = new ArrayList<>(numSets);
        int maxDec = ordering.get(ordering.size() - 1).maxDecPicBufferingMinus1();
        for (int i = 0; i < numSets; i++) {
            sets.add(ShortTermRefPicSet.read(r, i, sets, numSets, maxDec));
        }
        boolean longTerm = r.flag("long_term_ref_pics_present_flag");
        List<Integer> ltLsbs = List.of();
        long ltUsed = 0;
        if (longTerm) {
            int n = r.ue("num_long_term_ref_pics_sps", HevcSps.MAX_LONG_TERM_REF_PICS_SPS);
            Integer[] lsbs = new Integer[n];
            for (int i = 0; i < n; i++) {
                lsbs[i] = r.u(log2PocLsb + 4, "lt_ref_pic_poc_lsb_sps");
                ltUsed |= (long) r.bit("used_by_curr_pic_lt_sps_flag") << i;
            }
            ltLsbs = List.of(lsbs);
        }
        boolean tmvp = r.flag("sps_temporal_mvp_enabled_flag");
        boolean strong = r.flag("strong_intra_smoothing_enabled_flag");
        HevcVui vui = r.flag("vui_parameters_present_flag") ? HevcVui.read(r, maxSubLayers) : null;
        boolean extension = r.flag("sps_extension_present_flag");
        boolean rangeFlag = false;
        boolean multilayer = false;
        boolean ext3d = false;
        boolean scc = false;
        int ext4 = 0;
        if (extension) {
            rangeFlag = r.flag("sps_range_extension_flag");
            multilayer = r.flag("sps_multilayer_extension_flag");
            ext3d = r.flag("sps_3d_extension_flag");
            scc = r.flag("sps_scc_extension_flag");
            ext4 = r.u(4, "sps_extension_4bits");
        }
        HevcSps.SpsRangeExtension range = rangeFlag ? HevcSps.SpsRangeExtension.of(r.u(9, "sps_range_extension")) : null;
        boolean interView = multilayer && r.flag("inter_view_mv_vert_constraint_flag");
        HevcExtensionData data = ext3d || scc || ext4 != 0 ? HevcExtensionData.read(r, "sps_extension_data_flag") : null;
        RbspNal.trailingBits(r);
        return new HevcSps(vpsId, maxSubLayers, nesting, ptl, id, chroma, separate, width, height, window, left, right, top,
                bottom, depthLuma, depthChroma, log2PocLsb, orderingAll, ordering, minCb, diffCb, minTb, diffTb, depthInter,
                depthIntra, scaling, lists, amp, sao, pcm, sets, longTerm, ltLsbs, ltUsed, tmvp, strong, vui, extension, range,
                multilayer, interView, ext3d, scc, ext4, data);
    }

    private static int picDimension(BitReader r, String field) {
        int v = r.ue(field, HevcSps.MAX_PIC_DIMENSION);
        if (v == 0) {
            throw r.error(field, "is 0 (expected: 1.." + HevcSps.MAX_PIC_DIMENSION + ")");
        }
        return v;
    }

    /**
     * Reads the sub-layer ordering info of the VPS ({@code prefix} "vps_") or the SPS ("sps_"): one
     * entry, or one per sub-layer when {@code all}.
     */
    static List<HevcSps.SubLayerOrderingInfo> readOrdering(BitReader r, boolean all, int maxSubLayersMinus1, String prefix) {
        int n = all ? maxSubLayersMinus1 + 1 : 1;
        HevcSps.SubLayerOrderingInfo[] entries = new HevcSps.SubLayerOrderingInfo[n];
        for (int i = 0; i < n; i++) {
            int dec = r.ue(prefix + "max_dec_pic_buffering_minus1", 15);
            int reorder = r.ue(prefix + "max_num_reorder_pics", dec);
            long latency = r.ueLong(prefix + "max_latency_increase_plus1");
            entries[i] = new HevcSps.SubLayerOrderingInfo(dec, reorder, latency);
        }
        return List.of(entries);
    }

    private static HevcSps.Pcm readPcm(BitReader r, int depthLuma, int depthChroma, int minCbLog2, int ctbLog2) {
        int luma = r.u(4, "pcm_sample_bit_depth_luma_minus1");
        if (luma + 1 > depthLuma) {
            throw r.error("pcm_sample_bit_depth_luma_minus1", luma + " out of range (expected: 0.." + (depthLuma - 1) + ")");
        }
        int chroma = r.u(4, "pcm_sample_bit_depth_chroma_minus1");
        if (chroma + 1 > depthChroma) {
            throw r.error("pcm_sample_bit_depth_chroma_minus1", chroma + " out of range (expected: 0.." + (depthChroma - 1) + ")");
        }
        // Log2MinIpcmCbSizeY in Min(MinCbLog2SizeY, 5)..Min(CtbLog2SizeY, 5); Log2MaxIpcmCbSizeY at most Min(CtbLog2SizeY, 5)
        int lowest = Math.min(minCbLog2, 5) - 3;
        int highest = Math.min(ctbLog2, 5) - 3;
        int min = r.ue("log2_min_pcm_luma_coding_block_size_minus3", highest);
        if (min < lowest) {
            throw r.error("log2_min_pcm_luma_coding_block_size_minus3", min + " out of range (expected: " + lowest + ".." + highest + ")");
        }
        int diff = r.ue("log2_diff_max_min_pcm_luma_coding_block_size", highest - min);
        return new HevcSps.Pcm(luma, chroma, min, diff, r.flag("pcm_loop_filter_disabled_flag"));
    }
}
