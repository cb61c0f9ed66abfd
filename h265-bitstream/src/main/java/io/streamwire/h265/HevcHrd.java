package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * hrd_parameters(commonInfPresentFlag, maxNumSubLayersMinus1) with its sub_layer_hrd_parameters():
 * ITU-T H.265 (09/2023) §E.2.2 and §E.2.3, semantics §E.3.2 and §E.3.3; carried by the VPS and the
 * SPS VUI.
 *
 * <pre>
 * [commonInfPresentFlag: nal_hrd_parameters_present_flag u(1) vcl_hrd_parameters_present_flag u(1)
 *   [nal or vcl: sub_pic_hrd_params_present_flag u(1)
 *     [sub_pic: tick_divisor_minus2 u(8) du_cpb_removal_delay_increment_length_minus1 u(5)
 *       sub_pic_cpb_params_in_pic_timing_sei_flag u(1) dpb_output_delay_du_length_minus1 u(5)]
 *     bit_rate_scale u(4) cpb_size_scale u(4) [sub_pic: cpb_size_du_scale u(4)]
 *     initial_cpb_removal_delay_length_minus1 u(5) au_cpb_removal_delay_length_minus1 u(5)
 *     dpb_output_delay_length_minus1 u(5)]]
 * { fixed_pic_rate_general_flag u(1) [!general: fixed_pic_rate_within_cvs_flag u(1)]
 *   [within_cvs: elemental_duration_in_tc_minus1 ue(v) 0..2047 | else: low_delay_hrd_flag u(1)]
 *   [!low_delay: cpb_cnt_minus1 ue(v) 0..31]
 *   [nal: sub_layer_hrd_parameters()] [vcl: sub_layer_hrd_parameters()] } x (maxNumSubLayersMinus1 + 1)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param commonInfPresentFlag commonInfPresentFlag (the caller's cprms_present_flag); when false the
 *     common fields below are those of the hrd_parameters() before it in the VPS (§E.3.2) and are not
 *     written
 * @param nalHrdParametersPresentFlag nal_hrd_parameters_present_flag
 * @param vclHrdParametersPresentFlag vcl_hrd_parameters_present_flag
 * @param subPicHrdParamsPresentFlag sub_pic_hrd_params_present_flag
 * @param tickDivisorMinus2 tick_divisor_minus2, 8 bits
 * @param duCpbRemovalDelayIncrementLengthMinus1 du_cpb_removal_delay_increment_length_minus1, 5 bits
 * @param subPicCpbParamsInPicTimingSeiFlag sub_pic_cpb_params_in_pic_timing_sei_flag
 * @param dpbOutputDelayDuLengthMinus1 dpb_output_delay_du_length_minus1, 5 bits
 * @param bitRateScale bit_rate_scale, 4 bits
 * @param cpbSizeScale cpb_size_scale, 4 bits
 * @param cpbSizeDuScale cpb_size_du_scale, 4 bits
 * @param initialCpbRemovalDelayLengthMinus1 initial_cpb_removal_delay_length_minus1, 5 bits
 * @param auCpbRemovalDelayLengthMinus1 au_cpb_removal_delay_length_minus1, 5 bits
 * @param dpbOutputDelayLengthMinus1 dpb_output_delay_length_minus1, 5 bits
 * @param subLayers one entry per sub-layer, maxNumSubLayersMinus1 + 1 of them (1..7)
 *
 * @since 0.2.0
 */
public record HevcHrd(boolean commonInfPresentFlag, boolean nalHrdParametersPresentFlag, boolean vclHrdParametersPresentFlag,
        boolean subPicHrdParamsPresentFlag, int tickDivisorMinus2, int duCpbRemovalDelayIncrementLengthMinus1,
        boolean subPicCpbParamsInPicTimingSeiFlag, int dpbOutputDelayDuLengthMinus1, int bitRateScale, int cpbSizeScale,
        int cpbSizeDuScale, int initialCpbRemovalDelayLengthMinus1, int auCpbRemovalDelayLengthMinus1,
        int dpbOutputDelayLengthMinus1, List<SubLayer> subLayers) {

    static final String SPEC = "ITU-T H.265 (09/2023) §E.2.2";

    /**
     * The HRD parameters of one sub-layer.
     *
     * @param fixedPicRateGeneralFlag fixed_pic_rate_general_flag[i]
     * @param fixedPicRateWithinCvsFlag fixed_pic_rate_within_cvs_flag[i] (1 when inferred from the general flag)
     * @param elementalDurationInTcMinus1 elemental_duration_in_tc_minus1[i], 0..2047 (0 when not coded)
     * @param lowDelayHrdFlag low_delay_hrd_flag[i] (false when not coded)
     * @param cpbCntMinus1 cpb_cnt_minus1[i], 0..31 (0 when not coded)
     * @param nal the NAL HRD sub_layer_hrd_parameters(i), cpbCntMinus1 + 1 entries, or null when
     *     nal_hrd_parameters_present_flag is 0
     * @param vcl the VCL HRD sub_layer_hrd_parameters(i), or null when vcl_hrd_parameters_present_flag is 0
     */
    public record SubLayer(boolean fixedPicRateGeneralFlag, boolean fixedPicRateWithinCvsFlag, int elementalDurationInTcMinus1,
            boolean lowDelayHrdFlag, int cpbCntMinus1, List<Cpb> nal, List<Cpb> vcl) {
        /** Checks ranges, the inference rules and the CPB counts. */
        public SubLayer {
            nal = nal == null ? null : List.copyOf(nal);
            vcl = vcl == null ? null : List.copyOf(vcl);
            if (elementalDurationInTcMinus1 < 0 || elementalDurationInTcMinus1 > 2047 || cpbCntMinus1 < 0 || cpbCntMinus1 > 31
                    || (fixedPicRateGeneralFlag && !fixedPicRateWithinCvsFlag)
                    || (!fixedPicRateWithinCvsFlag && elementalDurationInTcMinus1 != 0)
                    || (fixedPicRateWithinCvsFlag && lowDelayHrdFlag) || (lowDelayHrdFlag && cpbCntMinus1 != 0)
                    || (nal != null && nal.size() != cpbCntMinus1 + 1) || (vcl != null && vcl.size() != cpbCntMinus1 + 1)) {
                throw new IllegalArgumentException("sub-layer HRD fields out of range or inconsistent");
            }
        }
    }

    /**
     * One CPB specification of sub_layer_hrd_parameters() (§E.2.3).
     *
     * @param bitRateValueMinus1 bit_rate_value_minus1, 0..2^32-2
     * @param cpbSizeValueMinus1 cpb_size_value_minus1, 0..2^32-2
     * @param cpbSizeDuValueMinus1 cpb_size_du_value_minus1, 0..2^32-2 (0 unless sub_pic_hrd_params_present_flag)
     * @param bitRateDuValueMinus1 bit_rate_du_value_minus1, 0..2^32-2 (0 unless sub_pic_hrd_params_present_flag)
     * @param cbrFlag cbr_flag
     */
    public record Cpb(long bitRateValueMinus1, long cpbSizeValueMinus1, long cpbSizeDuValueMinus1, long bitRateDuValueMinus1,
            boolean cbrFlag) {
        /** Checks ranges. */
        public Cpb {
            if (outside(bitRateValueMinus1) || outside(cpbSizeValueMinus1) || outside(cpbSizeDuValueMinus1)
                    || outside(bitRateDuValueMinus1)) {
                throw new IllegalArgumentException("CPB values out of range");
            }
        }

        private static boolean outside(long ue) {
            return ue < 0 || ue > 0xFFFFFFFEL;
        }
    }

    /** Checks widths, the sub-layer count, and that what a flag says is absent is zero or null. */
    public HevcHrd {
        subLayers = List.copyOf(subLayers);
        boolean any = nalHrdParametersPresentFlag || vclHrdParametersPresentFlag;
        if (subLayers.isEmpty() || subLayers.size() > 7 || tickDivisorMinus2 >>> 8 != 0
                || (duCpbRemovalDelayIncrementLengthMinus1 | dpbOutputDelayDuLengthMinus1 | initialCpbRemovalDelayLengthMinus1
                        | auCpbRemovalDelayLengthMinus1 | dpbOutputDelayLengthMinus1) >>> 5 != 0
                || (bitRateScale | cpbSizeScale | cpbSizeDuScale) >>> 4 != 0
                || (!any && (subPicHrdParamsPresentFlag || bitRateScale != 0 || cpbSizeScale != 0
                        || initialCpbRemovalDelayLengthMinus1 != 0 || auCpbRemovalDelayLengthMinus1 != 0
                        || dpbOutputDelayLengthMinus1 != 0))
                || (!subPicHrdParamsPresentFlag && (tickDivisorMinus2 != 0 || duCpbRemovalDelayIncrementLengthMinus1 != 0
                        || subPicCpbParamsInPicTimingSeiFlag || dpbOutputDelayDuLengthMinus1 != 0 || cpbSizeDuScale != 0))) {
            throw new IllegalArgumentException("HRD fields out of range or inconsistent");
        }
        for (SubLayer s : subLayers) {
            if ((s.nal() != null) != nalHrdParametersPresentFlag || (s.vcl() != null) != vclHrdParametersPresentFlag
                    || duFieldsSet(s.nal(), subPicHrdParamsPresentFlag) || duFieldsSet(s.vcl(), subPicHrdParamsPresentFlag)) {
                throw new IllegalArgumentException("sub-layer HRD parameters do not match the present flags");
            }
        }
    }

    private static boolean duFieldsSet(List<Cpb> cpbs, boolean subPic) {
        if (cpbs == null || subPic) {
            return false;
        }
        for (Cpb c : cpbs) {
            if (c.cpbSizeDuValueMinus1() != 0 || c.bitRateDuValueMinus1() != 0) {
                return true;
            }
        }
        return false;
    }

    /** BitRate[j] of the NAL (or, without one, VCL) HRD of sub-layer {@code i}, in bit/s (E-77). */
    public long bitRateBitsPerSecond(int i, int j) {
        SubLayer s = subLayers.get(i);
        List<Cpb> cpbs = s.nal() != null ? s.nal() : s.vcl();
        return (cpbs.get(j).bitRateValueMinus1() + 1) << (6 + bitRateScale);
    }

    /** CpbSize[j] of the NAL (or, without one, VCL) HRD of sub-layer {@code i}, in bits (E-78). */
    public long cpbSizeBits(int i, int j) {
        SubLayer s = subLayers.get(i);
        List<Cpb> cpbs = s.nal() != null ? s.nal() : s.vcl();
        return (cpbs.get(j).cpbSizeValueMinus1() + 1) << (4 + cpbSizeScale);
    }

    /**
     * Reads hrd_parameters(); {@code previous} gives the common fields when {@code commonInfPresentFlag}
     * is false (it is the hrd_parameters() before it in the VPS, never null then).
     */
    static HevcHrd read(BitReader r, boolean commonInfPresentFlag, int maxNumSubLayersMinus1, HevcHrd previous) {
        boolean nal = false;
        boolean vcl = false;
        boolean subPic = false;
        int tick = 0;
        int duIncrement = 0;
        boolean inPicTiming = false;
        int duOutput = 0;
        int brScale = 0;
        int sizeScale = 0;
        int duScale = 0;
        int initialLength = 0;
        int removalLength = 0;
        int outputLength = 0;
        if (commonInfPresentFlag) {
            nal = r.flag("nal_hrd_parameters_present_flag");
            vcl = r.flag("vcl_hrd_parameters_present_flag");
            if (nal || vcl) {
                subPic = r.flag("sub_pic_hrd_params_present_flag");
                if (subPic) {
                    tick = r.u(8, "tick_divisor_minus2");
                    duIncrement = r.u(5, "du_cpb_removal_delay_increment_length_minus1");
                    inPicTiming = r.flag("sub_pic_cpb_params_in_pic_timing_sei_flag");
                    duOutput = r.u(5, "dpb_output_delay_du_length_minus1");
                }
                brScale = r.u(4, "bit_rate_scale");
                sizeScale = r.u(4, "cpb_size_scale");
                if (subPic) {
                    duScale = r.u(4, "cpb_size_du_scale");
                }
                initialLength = r.u(5, "initial_cpb_removal_delay_length_minus1");
                removalLength = r.u(5, "au_cpb_removal_delay_length_minus1");
                outputLength = r.u(5, "dpb_output_delay_length_minus1");
            }
        } else {
            HevcHrd p = previous;
            nal = p.nalHrdParametersPresentFlag;
            vcl = p.vclHrdParametersPresentFlag;
            subPic = p.subPicHrdParamsPresentFlag;
            tick = p.tickDivisorMinus2;
            duIncrement = p.duCpbRemovalDelayIncrementLengthMinus1;
            inPicTiming = p.subPicCpbParamsInPicTimingSeiFlag;
            duOutput = p.dpbOutputDelayDuLengthMinus1;
            brScale = p.bitRateScale;
            sizeScale = p.cpbSizeScale;
            duScale = p.cpbSizeDuScale;
            initialLength = p.initialCpbRemovalDelayLengthMinus1;
            removalLength = p.auCpbRemovalDelayLengthMinus1;
            outputLength = p.dpbOutputDelayLengthMinus1;
        }
        List<SubLayer> subs = new ArrayList<>(maxNumSubLayersMinus1 + 1);
        for (int i = 0; i <= maxNumSubLayersMinus1; i++) {
            boolean general = r.flag("fixed_pic_rate_general_flag");
            boolean withinCvs = general || r.flag("fixed_pic_rate_within_cvs_flag");
            int duration = 0;
            boolean lowDelay = false;
            if (withinCvs) {
                duration = r.ue("elemental_duration_in_tc_minus1", 2047);
            } else {
                lowDelay = r.flag("low_delay_hrd_flag");
            }
            int cnt = lowDelay ? 0 : r.ue("cpb_cnt_minus1", 31);
            List<Cpb> nalCpbs = nal ? readCpbs(r, cnt, subPic) : null;
            List<Cpb> vclCpbs = vcl ? readCpbs(r, cnt, subPic) : null;
            subs.add(new SubLayer(general, withinCvs, duration, lowDelay, cnt, nalCpbs, vclCpbs));
        }
        return new HevcHrd(commonInfPresentFlag, nal, vcl, subPic, tick, duIncrement, inPicTiming, duOutput, brScale, sizeScale,
                duScale, initialLength, removalLength, outputLength, subs);
    }

    /** sub_layer_hrd_parameters(): cpbCntMinus1 is at most 31, checked by the caller. */
    private static List<Cpb> readCpbs(BitReader r, int cpbCntMinus1, boolean subPic) {
        List<Cpb> cpbs = new ArrayList<>(cpbCntMinus1 + 1);
        for (int j = 0; j <= cpbCntMinus1; j++) {
            long bitRate = r.ueLong("bit_rate_value_minus1");
            long size = r.ueLong("cpb_size_value_minus1");
            long sizeDu = subPic ? r.ueLong("cpb_size_du_value_minus1") : 0;
            long bitRateDu = subPic ? r.ueLong("bit_rate_du_value_minus1") : 0;
            cpbs.add(new Cpb(bitRate, size, sizeDu, bitRateDu, r.flag("cbr_flag")));
        }
        return cpbs;
    }

    void write(RbspWriter w) {
        if (commonInfPresentFlag) {
            w.flag(nalHrdParametersPresentFlag).flag(vclHrdParametersPresentFlag);
            if (nalHrdParametersPresentFlag || vclHrdParametersPresentFlag) {
                w.flag(subPicHrdParamsPresentFlag);
                if (subPicHrdParamsPresentFlag) {
                    w.u(8, tickDivisorMinus2).u(5, duCpbRemovalDelayIncrementLengthMinus1).flag(subPicCpbParamsInPicTimingSeiFlag)
                            .u(5, dpbOutputDelayDuLengthMinus1);
                }
                w.u(4, bitRateScale).u(4, cpbSizeScale);
                if (subPicHrdParamsPresentFlag) {
                    w.u(4, cpbSizeDuScale);
                }
                w.u(5, initialCpbRemovalDelayLengthMinus1).u(5, auCpbRemovalDelayLengthMinus1).u(5, dpbOutputDelayLengthMinus1);
            }
        }
        for (SubLayer s : subLayers) {
            w.flag(s.fixedPicRateGeneralFlag());
            if (!s.fixedPicRateGeneralFlag()) {
                w.flag(s.fixedPicRateWithinCvsFlag());
            }
            if (s.fixedPicRateWithinCvsFlag()) {
                w.ue(s.elementalDurationInTcMinus1());
            } else {
                w.flag(s.lowDelayHrdFlag());
            }
            if (!s.lowDelayHrdFlag()) {
                w.ue(s.cpbCntMinus1());
            }
            writeCpbs(w, s.nal());
            writeCpbs(w, s.vcl());
        }
    }

    private void writeCpbs(RbspWriter w, List<Cpb> cpbs) {
        if (cpbs == null) {
            return;
        }
        for (Cpb c : cpbs) {
            w.ue(c.bitRateValueMinus1()).ue(c.cpbSizeValueMinus1());
            if (subPicHrdParamsPresentFlag) {
                w.ue(c.cpbSizeDuValueMinus1()).ue(c.bitRateDuValueMinus1());
            }
            w.flag(c.cbrFlag());
        }
    }
}
