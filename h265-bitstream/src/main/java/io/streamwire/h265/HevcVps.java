package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Video parameter set: video_parameter_set_rbsp() of ITU-T H.265 (09/2023) §7.3.2.1, semantics
 * §7.4.3.1, with profile_tier_level() (§7.3.3) and hrd_parameters() (§E.2.2). Every field is kept, so
 * {@link #toRbsp()} reproduces the parsed RBSP bit for bit.
 *
 * <pre>
 * vps_video_parameter_set_id u(4) vps_base_layer_internal_flag u(1) vps_base_layer_available_flag u(1)
 * vps_max_layers_minus1 u(6) vps_max_sub_layers_minus1 u(3) 0..6 vps_temporal_id_nesting_flag u(1)
 * vps_reserved_0xffff_16bits u(16) profile_tier_level(1, vps_max_sub_layers_minus1)
 * vps_sub_layer_ordering_info_present_flag u(1) { vps_max_dec_pic_buffering_minus1 ue(v) vps_max_num_reorder_pics ue(v)
 *   vps_max_latency_increase_plus1 ue(v) } x (1 or vps_max_sub_layers_minus1 + 1)
 * vps_max_layer_id u(6) vps_num_layer_sets_minus1 ue(v) 0..1023
 * { layer_id_included_flag u(1) x (vps_max_layer_id + 1) } x vps_num_layer_sets_minus1
 * vps_timing_info_present_flag u(1) [vps_num_units_in_tick u(32) vps_time_scale u(32)
 *   vps_poc_proportional_to_timing_flag u(1) [vps_num_ticks_poc_diff_one_minus1 ue(v)]
 *   vps_num_hrd_parameters ue(v) 0..vps_num_layer_sets_minus1 + 1
 *   { hrd_layer_set_idx ue(v) [i &gt; 0: cprms_present_flag u(1)] hrd_parameters(cprms_present_flag, vps_max_sub_layers_minus1) }]
 * vps_extension_flag u(1) [vps_extension_data_flag ...] rbsp_trailing_bits()
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param vpsVideoParameterSetId vps_video_parameter_set_id, 0..15
 * @param vpsBaseLayerInternalFlag vps_base_layer_internal_flag
 * @param vpsBaseLayerAvailableFlag vps_base_layer_available_flag
 * @param vpsMaxLayersMinus1 vps_max_layers_minus1, 6 bits
 * @param vpsMaxSubLayersMinus1 vps_max_sub_layers_minus1, 0..6
 * @param vpsTemporalIdNestingFlag vps_temporal_id_nesting_flag
 * @param vpsReserved0xffff16bits vps_reserved_0xffff_16bits, 16 bits (kept as read)
 * @param profileTierLevel profile_tier_level(1, vps_max_sub_layers_minus1)
 * @param vpsSubLayerOrderingInfoPresentFlag vps_sub_layer_ordering_info_present_flag
 * @param subLayerOrderingInfo the coded entries (as {@link HevcSps#subLayerOrderingInfo()})
 * @param vpsMaxLayerId vps_max_layer_id, 6 bits
 * @param layerIdIncludedFlags layer_id_included_flag[i][j] for i = 1..vps_num_layer_sets_minus1 (at most
 *     1023 layer sets), layer set i at index i - 1, flag j in bit j (0..63)
 * @param vpsTimingInfoPresentFlag vps_timing_info_present_flag
 * @param vpsNumUnitsInTick vps_num_units_in_tick, 32 bits
 * @param vpsTimeScale vps_time_scale, 32 bits
 * @param vpsPocProportionalToTimingFlag vps_poc_proportional_to_timing_flag
 * @param vpsNumTicksPocDiffOneMinus1 vps_num_ticks_poc_diff_one_minus1, 0..2^32-2
 * @param hrdLayerSetIdx hrd_layer_set_idx[i], vps_num_hrd_parameters of them
 * @param hrdParameters hrd_parameters() i, as many (entry i &gt; 0 carries cprms_present_flag[i] as
 *     {@link HevcHrd#commonInfPresentFlag()})
 * @param vpsExtensionFlag vps_extension_flag
 * @param extensionData the vps_extension_data_flag bits (vps_extension() of Annex F and beyond,
 *     uninterpreted) when vps_extension_flag is 1, else null
 *
 * @since 0.2.0
 */
public record HevcVps(int vpsVideoParameterSetId, boolean vpsBaseLayerInternalFlag, boolean vpsBaseLayerAvailableFlag,
        int vpsMaxLayersMinus1, int vpsMaxSubLayersMinus1, boolean vpsTemporalIdNestingFlag, int vpsReserved0xffff16bits,
        ProfileTierLevel profileTierLevel, boolean vpsSubLayerOrderingInfoPresentFlag,
        List<HevcSps.SubLayerOrderingInfo> subLayerOrderingInfo, int vpsMaxLayerId, List<Long> layerIdIncludedFlags,
        boolean vpsTimingInfoPresentFlag, long vpsNumUnitsInTick, long vpsTimeScale, boolean vpsPocProportionalToTimingFlag,
        long vpsNumTicksPocDiffOneMinus1, List<Integer> hrdLayerSetIdx, List<HevcHrd> hrdParameters, boolean vpsExtensionFlag,
        HevcExtensionData extensionData) {

    static final String SPEC = "ITU-T H.265 (09/2023) §7.3.2.1";
    /** The most layer sets (vps_num_layer_sets_minus1 + 1, §7.4.3.1). */
    public static final int MAX_LAYER_SETS = 1024;

    /** Checks widths, counts and the presence rules. */
    public HevcVps {
        subLayerOrderingInfo = List.copyOf(subLayerOrderingInfo);
        layerIdIncludedFlags = List.copyOf(layerIdIncludedFlags);
        hrdLayerSetIdx = List.copyOf(hrdLayerSetIdx);
        hrdParameters = List.copyOf(hrdParameters);
        boolean bad = vpsVideoParameterSetId >>> 4 != 0 || vpsMaxLayersMinus1 >>> 6 != 0 || vpsMaxSubLayersMinus1 < 0
                || vpsMaxSubLayersMinus1 > 6 || vpsReserved0xffff16bits >>> 16 != 0 || vpsMaxLayerId >>> 6 != 0
                || profileTierLevel.maxNumSubLayersMinus1() != vpsMaxSubLayersMinus1 || !profileTierLevel.profilePresentFlag()
                || subLayerOrderingInfo.size() != (vpsSubLayerOrderingInfoPresentFlag ? vpsMaxSubLayersMinus1 + 1 : 1)
                || layerIdIncludedFlags.size() >= MAX_LAYER_SETS || vpsNumUnitsInTick < 0 || vpsNumUnitsInTick > 0xFFFFFFFFL
                || vpsTimeScale < 0 || vpsTimeScale > 0xFFFFFFFFL || vpsNumTicksPocDiffOneMinus1 < 0
                || vpsNumTicksPocDiffOneMinus1 > 0xFFFFFFFEL || hrdLayerSetIdx.size() != hrdParameters.size()
                || hrdParameters.size() > layerIdIncludedFlags.size() + 1;
        if (bad || (!vpsTimingInfoPresentFlag && (vpsNumUnitsInTick != 0 || vpsTimeScale != 0 || vpsPocProportionalToTimingFlag
                || !hrdParameters.isEmpty())) || (!vpsPocProportionalToTimingFlag && vpsNumTicksPocDiffOneMinus1 != 0)
                || vpsExtensionFlag != (extensionData != null)) {
            throw new IllegalArgumentException("VPS field out of range or inconsistent");
        }
        for (long flags : layerIdIncludedFlags) {
            if (vpsMaxLayerId < 63 && flags >>> (vpsMaxLayerId + 1) != 0) {
                throw new IllegalArgumentException("layer_id_included_flag beyond vps_max_layer_id");
            }
        }
        for (int i = 0; i < hrdParameters.size(); i++) {
            HevcHrd hrd = hrdParameters.get(i);
            int idx = hrdLayerSetIdx.get(i);
            if (idx < (vpsBaseLayerInternalFlag ? 0 : 1) || idx > layerIdIncludedFlags.size()
                    || hrd.subLayers().size() != vpsMaxSubLayersMinus1 + 1 || (i == 0 && !hrd.commonInfPresentFlag())) {
                throw new IllegalArgumentException("hrd_parameters " + i + " out of range");
            }
        }
    }

    /** vps_num_layer_sets_minus1. */
    public int vpsNumLayerSetsMinus1() {
        return layerIdIncludedFlags.size();
    }

    /** vps_num_hrd_parameters. */
    public int vpsNumHrdParameters() {
        return hrdParameters.size();
    }

    /**
     * Parses a VPS NAL unit (two header bytes first, nal_unit_type 32) from {@code nal}'s position to
     * its limit; on success the position moves to the limit, on failure it is unchanged.
     *
     * @param offset the stream offset of the first header byte, for errors
     * @throws H265Exception naming the syntax element, for a value out of range or bad trailing bits
     * @throws io.streamwire.core.TruncatedInputException when the RBSP ends before the syntax does
     */
    public static HevcVps parse(ByteBuffer nal, long offset) {
        RbspNal.header(nal, 32, "vps", offset);
        BitReader r = Rbsp.reader(nal, nal.position() + 2, nal.limit(), offset + 2, "vps", SPEC);
        HevcVps vps = read(r);
        nal.position(nal.limit());
        return vps;
    }

    /** {@link #parse(ByteBuffer, long)} at offset 0. */
    public static HevcVps parse(ByteBuffer nal) {
        return parse(nal, 0);
    }

    /**
     * @implNote vps_reserved_0xffff_16bits is kept as read, not required to be 0xFFFF (decoders
     *     ignore it, §7.4.3.1). The vps_extension() of Annex F (multi-layer) and everything after it
     *     is kept as bits ({@link HevcExtensionData}).
     */
    private static HevcVps read(BitReader r) {
        int id = r.u(4, "vps_video_parameter_set_id");
        boolean internal = r.flag("vps_base_layer_internal_flag");
        boolean available = r.flag("vps_base_layer_available_flag");
        int maxLayers = r.u(6, "vps_max_layers_minus1");
        int maxSubLayers = r.u(3, "vps_max_sub_layers_minus1");
        if (maxSubLayers == 7) {
            throw r.error("vps_max_sub_layers_minus1", "7 out of range (expected: 0..6)");
        }
        boolean nesting = r.flag("vps_temporal_id_nesting_flag");
        int reserved = r.u(16, "vps_reserved_0xffff_16bits");
        ProfileTierLevel ptl = ProfileTierLevel.read(r, true, maxSubLayers);
        boolean orderingAll = r.flag("vps_sub_layer_ordering_info_present_flag");
        List<HevcSps.SubLayerOrderingInfo> ordering = SpsReader.readOrdering(r, orderingAll, maxSubLayers, "vps_");
        int maxLayerId = r.u(6, "vps_max_layer_id");
        int layerSets = r.ue("vps_num_layer_sets_minus1", MAX_LAYER_SETS - 1);
        Long[] included = new Long[layerSets];
        for (int i = 0; i < layerSets; i++) {
            long flags = 0;
            for (int j = 0; j <= maxLayerId; j++) {
                flags |= (long) r.bit("layer_id_included_flag") << j;
            }
            included[i] = flags;
        }
        boolean timing = r.flag("vps_timing_info_present_flag");
        long units = 0;
        long scale = 0;
        boolean poc = false;
        long ticks = 0;
        List<Integer> idx = List.of();
        List<HevcHrd> hrds = List.of();
        if (timing) {
            units = r.readBitsLong(32, "vps_num_units_in_tick");
            scale = r.readBitsLong(32, "vps_time_scale");
            poc = r.flag("vps_poc_proportional_to_timing_flag");
            ticks = poc ? r.ueLong("vps_num_ticks_poc_diff_one_minus1") : 0;
            int n = r.ue("vps_num_hrd_parameters", layerSets + 1);
            List<Integer> setIdx = new ArrayList<>(n);
            List<HevcHrd> params = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int at = r.ue("hrd_layer_set_idx", layerSets);
                if (!internal && at == 0) {
                    throw r.error("hrd_layer_set_idx", "0 out of range (expected: 1.." + layerSets + ")");
                }
                setIdx.add(at);
                boolean common = i == 0 || r.flag("cprms_present_flag");
                params.add(HevcHrd.read(r, common, maxSubLayers, i == 0 ? null : params.get(i - 1)));
            }
            idx = setIdx;
            hrds = params;
        }
        boolean extension = r.flag("vps_extension_flag");
        HevcExtensionData data = extension ? HevcExtensionData.read(r, "vps_extension_data_flag") : null;
        RbspNal.trailingBits(r);
        return new HevcVps(id, internal, available, maxLayers, maxSubLayers, nesting, reserved, ptl, orderingAll, ordering,
                maxLayerId, List.of(included), timing, units, scale, poc, ticks, idx, hrds, extension, data);
    }

    /** The RBSP (no header bytes, no emulation prevention). */
    public byte[] toRbsp() {
        RbspWriter w = new RbspWriter();
        write(w);
        return w.toRbsp();
    }

    /** The NAL unit: header (type 32, nuh_layer_id 0, nuh_temporal_id_plus1 1) and the escaped RBSP. */
    public byte[] toNal() {
        RbspWriter w = new RbspWriter();
        write(w);
        return w.toNal(RbspNal.headerBits(32, 0, 1), 2);
    }

    private void write(RbspWriter w) {
        w.u(4, vpsVideoParameterSetId).flag(vpsBaseLayerInternalFlag).flag(vpsBaseLayerAvailableFlag).u(6, vpsMaxLayersMinus1)
                .u(3, vpsMaxSubLayersMinus1).flag(vpsTemporalIdNestingFlag).u(16, vpsReserved0xffff16bits);
        profileTierLevel.write(w);
        w.flag(vpsSubLayerOrderingInfoPresentFlag);
        SpsWriter.writeOrdering(w, subLayerOrderingInfo);
        w.u(6, vpsMaxLayerId).ue(layerIdIncludedFlags.size());
        for (long flags : layerIdIncludedFlags) {
            for (int j = 0; j <= vpsMaxLayerId; j++) {
                w.flag((flags >>> j & 1) != 0);
            }
        }
        w.flag(vpsTimingInfoPresentFlag);
        if (vpsTimingInfoPresentFlag) {
            w.u(32, vpsNumUnitsInTick).u(32, vpsTimeScale).flag(vpsPocProportionalToTimingFlag);
            if (vpsPocProportionalToTimingFlag) {
                w.ue(vpsNumTicksPocDiffOneMinus1);
            }
            w.ue(hrdParameters.size());
            for (int i = 0; i < hrdParameters.size(); i++) {
                w.ue(hrdLayerSetIdx.get(i));
                if (i > 0) {
                    w.flag(hrdParameters.get(i).commonInfPresentFlag());
                }
                hrdParameters.get(i).write(w);
            }
        }
        w.flag(vpsExtensionFlag);
        if (extensionData != null) {
            extensionData.write(w);
        }
        w.trailingBits();
    }
}
