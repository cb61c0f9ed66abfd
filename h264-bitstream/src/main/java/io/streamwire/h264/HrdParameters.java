package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import io.streamwire.core.internal.BitReader;
import java.util.ArrayList;
import java.util.List;

/**
 * hrd_parameters(): ITU-T H.264 (08/2021) Annex E §E.1.2, semantics §E.2.2.
 *
 * <pre>
 * cpb_cnt_minus1 ue(v) 0..31, bit_rate_scale u(4), cpb_size_scale u(4),
 * { bit_rate_value_minus1 ue(v), cpb_size_value_minus1 ue(v), cbr_flag u(1) } x (cpb_cnt_minus1+1),
 * initial_cpb_removal_delay_length_minus1 u(5), cpb_removal_delay_length_minus1 u(5),
 * dpb_output_delay_length_minus1 u(5), time_offset_length u(5)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param bitRateScale bit_rate_scale, 4 bits
 * @param cpbSizeScale cpb_size_scale, 4 bits
 * @param cpbs one entry per CPB (cpb_cnt_minus1 + 1 of them, 1..32)
 * @param initialCpbRemovalDelayLengthMinus1 5 bits
 * @param cpbRemovalDelayLengthMinus1 5 bits
 * @param dpbOutputDelayLengthMinus1 5 bits
 * @param timeOffsetLength 5 bits
 *
 * @since 0.1.0
 */
public record HrdParameters(int bitRateScale, int cpbSizeScale, List<Cpb> cpbs, int initialCpbRemovalDelayLengthMinus1,
        int cpbRemovalDelayLengthMinus1, int dpbOutputDelayLengthMinus1, int timeOffsetLength) {

    /**
     * One CPB specification.
     *
     * @param bitRateValueMinus1 bit_rate_value_minus1, 0..2^32-2
     * @param cpbSizeValueMinus1 cpb_size_value_minus1, 0..2^32-2
     * @param cbrFlag cbr_flag
     */
    public record Cpb(long bitRateValueMinus1, long cpbSizeValueMinus1, boolean cbrFlag) {
        /** Checks ranges. */
        public Cpb {
            if (bitRateValueMinus1 < 0 || bitRateValueMinus1 > 0xFFFFFFFEL || cpbSizeValueMinus1 < 0 || cpbSizeValueMinus1 > 0xFFFFFFFEL) {
                throw new IllegalArgumentException("CPB values out of range");
            }
        }
    }

    /** Checks ranges and copies. */
    public HrdParameters {
        cpbs = List.copyOf(cpbs);
        if (cpbs.isEmpty() || cpbs.size() > 32 || bitRateScale >>> 4 != 0 || cpbSizeScale >>> 4 != 0
                || initialCpbRemovalDelayLengthMinus1 >>> 5 != 0 || cpbRemovalDelayLengthMinus1 >>> 5 != 0
                || dpbOutputDelayLengthMinus1 >>> 5 != 0 || timeOffsetLength >>> 5 != 0) {
            throw new IllegalArgumentException("HRD fields out of range");
        }
    }

    /** cpb_cnt_minus1. */
    public int cpbCntMinus1() {
        return cpbs.size() - 1;
    }

    /** BitRate[i] in bit/s (E-37). */
    public long bitRateBitsPerSecond(int i) {
        return (cpbs.get(i).bitRateValueMinus1() + 1) << (6 + bitRateScale);
    }

    /** CpbSize[i] in bits (E-38). */
    public long cpbSizeBits(int i) {
        return (cpbs.get(i).cpbSizeValueMinus1() + 1) << (4 + cpbSizeScale);
    }

    static HrdParameters read(BitReader r) {
        int cnt = r.ue("cpb_cnt_minus1", 31);
        int brScale = r.u(4, "bit_rate_scale");
        int sizeScale = r.u(4, "cpb_size_scale");
        List<Cpb> cpbs = new ArrayList<>(cnt + 1);
        for (int i = 0; i <= cnt; i++) {
            long br = r.ueLong("bit_rate_value_minus1");
            long size = r.ueLong("cpb_size_value_minus1");
            cpbs.add(new Cpb(br, size, r.flag("cbr_flag")));
        }
        return new HrdParameters(brScale, sizeScale, cpbs, r.u(5, "initial_cpb_removal_delay_length_minus1"),
                r.u(5, "cpb_removal_delay_length_minus1"), r.u(5, "dpb_output_delay_length_minus1"), r.u(5, "time_offset_length"));
    }

    void write(RbspWriter w) {
        w.ue(cpbs.size() - 1).u(4, bitRateScale).u(4, cpbSizeScale);
        for (Cpb c : cpbs) {
            w.ue(c.bitRateValueMinus1()).ue(c.cpbSizeValueMinus1()).flag(c.cbrFlag());
        }
        w.u(5, initialCpbRemovalDelayLengthMinus1).u(5, cpbRemovalDelayLengthMinus1).u(5, dpbOutputDelayLengthMinus1)
                .u(5, timeOffsetLength);
    }
}
