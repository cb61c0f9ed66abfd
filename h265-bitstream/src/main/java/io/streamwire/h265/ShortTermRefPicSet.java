package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.util.Arrays;
import java.util.List;

/**
 * st_ref_pic_set(stRpsIdx), a short-term reference picture set: ITU-T H.265 (09/2023) §7.3.7,
 * semantics and derivation §7.4.8 (equations 7-61 to 7-72). Coded either explicitly (delta POCs) or
 * predicted from an earlier set (inter_ref_pic_set_prediction_flag); either way the record also holds
 * the derived DeltaPocS0/S1 and UsedByCurrPicS0/S1, which later sets and slice headers predict from.
 *
 * <pre>
 * [stRpsIdx != 0: inter_ref_pic_set_prediction_flag u(1)]
 * [1: [stRpsIdx == num_short_term_ref_pic_sets: delta_idx_minus1 ue(v) 0..stRpsIdx-1]
 *     delta_rps_sign u(1) abs_delta_rps_minus1 ue(v) 0..2^15-1
 *     { used_by_curr_pic_flag u(1) [0: use_delta_flag u(1)] } x (NumDeltaPocs[RefRpsIdx] + 1)]
 * [0: num_negative_pics ue(v) num_positive_pics ue(v)
 *     { delta_poc_s0_minus1 ue(v) 0..2^15-1 used_by_curr_pic_s0_flag u(1) } x num_negative_pics
 *     { delta_poc_s1_minus1 ue(v) 0..2^15-1 used_by_curr_pic_s1_flag u(1) } x num_positive_pics]
 * </pre>
 *
 * <p>The arrays are copied in and out; {@link #deltaPocS0(int)} and {@link #deltaPocS1(int)} read
 * without a copy. Immutable and thread-safe.
 *
 * @param interRefPicSetPredictionFlag inter_ref_pic_set_prediction_flag
 * @param deltaIdxMinus1 delta_idx_minus1 (coded only in a slice header's own set; else 0)
 * @param deltaRpsSign delta_rps_sign
 * @param absDeltaRpsMinus1 abs_delta_rps_minus1, 0..2^15-1
 * @param refEntries NumDeltaPocs[RefRpsIdx] + 1: the number of used_by_curr_pic_flag (0 when explicit)
 * @param usedByCurrPicFlags used_by_curr_pic_flag[j] in bit j
 * @param useDeltaFlags use_delta_flag[j] in bit j (1 where inferred: used_by_curr_pic_flag[j] is 1)
 * @param deltaPocS0 DeltaPocS0, NumNegativePics values, negative and decreasing (explicit:
 *     -(delta_poc_s0_minus1[0] + 1), ...)
 * @param usedByCurrPicS0 UsedByCurrPicS0[i] in bit i
 * @param deltaPocS1 DeltaPocS1, NumPositivePics values, positive and increasing
 * @param usedByCurrPicS1 UsedByCurrPicS1[i] in bit i
 *
 * @since 0.2.0
 */
public record ShortTermRefPicSet(boolean interRefPicSetPredictionFlag, int deltaIdxMinus1, boolean deltaRpsSign,
        int absDeltaRpsMinus1, int refEntries, int usedByCurrPicFlags, int useDeltaFlags, int[] deltaPocS0, int usedByCurrPicS0,
        int[] deltaPocS1, int usedByCurrPicS1) {

    static final String SPEC = "ITU-T H.265 (09/2023) §7.3.7";

    /**
     * The most delta POCs (NumNegativePics + NumPositivePics) a set may hold: MaxDpbSize - 1 is at most
     * 15 (A.4.2), and a predicted set adds at most one to its reference's.
     */
    public static final int MAX_DELTA_POCS = 16;
    /** The largest delta_poc_s0_minus1, delta_poc_s1_minus1 and abs_delta_rps_minus1 (§7.4.8). */
    public static final int MAX_DELTA_MINUS1 = (1 << 15) - 1;

    /** Checks ranges, the order of the delta POCs and (for an explicit set) that each step codes. */
    public ShortTermRefPicSet {
        deltaPocS0 = deltaPocS0.clone();
        deltaPocS1 = deltaPocS1.clone();
        int n0 = deltaPocS0.length;
        int n1 = deltaPocS1.length;
        if (n0 + n1 > MAX_DELTA_POCS || deltaIdxMinus1 < 0 || deltaIdxMinus1 > 63 || absDeltaRpsMinus1 < 0
                || absDeltaRpsMinus1 > MAX_DELTA_MINUS1 || refEntries < 0 || refEntries > MAX_DELTA_POCS + 1
                || usedByCurrPicFlags >>> refEntries >>> 1 != 0 || useDeltaFlags >>> refEntries >>> 1 != 0
                || (usedByCurrPicFlags & ~useDeltaFlags) != 0 || usedByCurrPicS0 >>> n0 != 0 || usedByCurrPicS1 >>> n1 != 0) {
            throw new IllegalArgumentException("short-term RPS fields out of range");
        }
        if (!interRefPicSetPredictionFlag && (deltaIdxMinus1 != 0 || deltaRpsSign || absDeltaRpsMinus1 != 0 || refEntries != 0)
                || interRefPicSetPredictionFlag && refEntries == 0) {
            throw new IllegalArgumentException("short-term RPS fields inconsistent with inter_ref_pic_set_prediction_flag");
        }
        int limit = interRefPicSetPredictionFlag ? Integer.MAX_VALUE : MAX_DELTA_MINUS1 + 1;
        for (int i = 0, prev = 0; i < n0; prev = deltaPocS0[i++]) {
            if (deltaPocS0[i] >= prev || (long) prev - deltaPocS0[i] > limit) {
                throw new IllegalArgumentException("DeltaPocS0 not decreasing by 1.." + limit);
            }
        }
        for (int i = 0, prev = 0; i < n1; prev = deltaPocS1[i++]) {
            if (deltaPocS1[i] <= prev || (long) deltaPocS1[i] - prev > limit) {
                throw new IllegalArgumentException("DeltaPocS1 not increasing by 1.." + limit);
            }
        }
    }

    /**
     * A set predicted from {@code ref} (equations 7-61 and 7-62).
     *
     * @param usedByCurrPicFlags used_by_curr_pic_flag[j] in bit j, j in 0..NumDeltaPocs[ref]
     * @param useDeltaFlags use_delta_flag[j] in bit j; bits where used_by_curr_pic_flag is 1 are set
     * @throws IllegalArgumentException if a value is out of range or the set would hold more than
     *     {@link #MAX_DELTA_POCS} delta POCs
     */
    public static ShortTermRefPicSet predict(ShortTermRefPicSet ref, int deltaIdxMinus1, boolean deltaRpsSign,
            int absDeltaRpsMinus1, int usedByCurrPicFlags, int useDeltaFlags) {
        int n0 = ref.deltaPocS0.length;
        int n1 = ref.deltaPocS1.length;
        int deltaRps = (deltaRpsSign ? -1 : 1) * (absDeltaRpsMinus1 + 1);
        int use = useDeltaFlags | usedByCurrPicFlags;
        int[] s0 = new int[n0 + n1 + 1];
        int[] s1 = new int[n0 + n1 + 1];
        int used0 = 0;
        int used1 = 0;
        int i = 0;
        for (int j = n1 - 1; j >= 0; j--) {
            int d = ref.deltaPocS1[j] + deltaRps;
            if (d < 0 && (use >>> (n0 + j) & 1) != 0) {
                used0 |= (usedByCurrPicFlags >>> (n0 + j) & 1) << i;
                s0[i++] = d;
            }
        }
        if (deltaRps < 0 && (use >>> (n0 + n1) & 1) != 0) {
            used0 |= (usedByCurrPicFlags >>> (n0 + n1) & 1) << i;
            s0[i++] = deltaRps;
        }
        for (int j = 0; j < n0; j++) {
            int d = ref.deltaPocS0[j] + deltaRps;
            if (d < 0 && (use >>> j & 1) != 0) {
                used0 |= (usedByCurrPicFlags >>> j & 1) << i;
                s0[i++] = d;
            }
        }
        int negatives = i;
        i = 0;
        for (int j = n0 - 1; j >= 0; j--) {
            int d = ref.deltaPocS0[j] + deltaRps;
            if (d > 0 && (use >>> j & 1) != 0) {
                used1 |= (usedByCurrPicFlags >>> j & 1) << i;
                s1[i++] = d;
            }
        }
        if (deltaRps > 0 && (use >>> (n0 + n1) & 1) != 0) {
            used1 |= (usedByCurrPicFlags >>> (n0 + n1) & 1) << i;
            s1[i++] = deltaRps;
        }
        for (int j = 0; j < n1; j++) {
            int d = ref.deltaPocS1[j] + deltaRps;
            if (d > 0 && (use >>> (n0 + j) & 1) != 0) {
                used1 |= (usedByCurrPicFlags >>> (n0 + j) & 1) << i;
                s1[i++] = d;
            }
        }
        return new ShortTermRefPicSet(true, deltaIdxMinus1, deltaRpsSign, absDeltaRpsMinus1, n0 + n1 + 1, usedByCurrPicFlags,
                use, Arrays.copyOf(s0, negatives), used0, Arrays.copyOf(s1, i), used1);
    }

    /** NumNegativePics. */
    public int numNegativePics() {
        return deltaPocS0.length;
    }

    /** NumPositivePics. */
    public int numPositivePics() {
        return deltaPocS1.length;
    }

    /** NumDeltaPocs = NumNegativePics + NumPositivePics. */
    public int numDeltaPocs() {
        return deltaPocS0.length + deltaPocS1.length;
    }

    /** DeltaPocS0[i] without copying the array. */
    public int deltaPocS0(int i) {
        return deltaPocS0[i];
    }

    /** DeltaPocS1[i] without copying the array. */
    public int deltaPocS1(int i) {
        return deltaPocS1[i];
    }

    /** A copy of DeltaPocS0. */
    @Override
    public int[] deltaPocS0() {
        return deltaPocS0.clone();
    }

    /** A copy of DeltaPocS1. */
    @Override
    public int[] deltaPocS1() {
        return deltaPocS1.clone();
    }

    /** NumPicTotalCurr's share from this set: the delta POCs used by the current picture (7-55). */
    public int numUsedByCurrPic() {
        return Integer.bitCount(usedByCurrPicS0) + Integer.bitCount(usedByCurrPicS1);
    }

    /**
     * Reads st_ref_pic_set(stRpsIdx).
     *
     * @param sets the sets before it (stRpsIdx of them at least); for a slice header's own set, the SPS's sets
     * @param numShortTermRefPicSets num_short_term_ref_pic_sets of the SPS
     * @param maxDecPicBufferingMinus1 sps_max_dec_pic_buffering_minus1[sps_max_sub_layers_minus1], the
     *     bound of an explicit set's num_negative_pics + num_positive_pics
     */
    static ShortTermRefPicSet read(BitReader r, int stRpsIdx, List<ShortTermRefPicSet> sets, int numShortTermRefPicSets,
            int maxDecPicBufferingMinus1) {
        if (stRpsIdx != 0 && r.flag("inter_ref_pic_set_prediction_flag")) {
            int deltaIdx = stRpsIdx == numShortTermRefPicSets ? r.ue("delta_idx_minus1", stRpsIdx - 1) : 0;
            boolean sign = r.flag("delta_rps_sign");
            int abs = r.ue("abs_delta_rps_minus1", MAX_DELTA_MINUS1);
            ShortTermRefPicSet ref = sets.get(stRpsIdx - (deltaIdx + 1));
            int n = ref.numDeltaPocs();
            int used = 0;
            int use = 0;
            for (int j = 0; j <= n; j++) {
                if (r.flag("used_by_curr_pic_flag")) {
                    used |= 1 << j;
                    use |= 1 << j;
                } else if (r.flag("use_delta_flag")) {
                    use |= 1 << j;
                }
            }
            int deltaRps = (sign ? -1 : 1) * (abs + 1);
            int count = 0;
            for (int j = 0; j <= n; j++) {
                int d = j < ref.numNegativePics() ? ref.deltaPocS0[j] + deltaRps
                        : j < n ? ref.deltaPocS1[j - ref.numNegativePics()] + deltaRps : deltaRps;
                count += d != 0 ? use >>> j & 1 : 0;
            }
            if (count > MAX_DELTA_POCS) {
                throw r.error("use_delta_flag", "makes NumDeltaPocs " + count + " (expected: at most " + MAX_DELTA_POCS + ")");
            }
            ShortTermRefPicSet set = predict(ref, deltaIdx, sign, abs, used, use);
            return set;
        }
        int negatives = r.ue("num_negative_pics", maxDecPicBufferingMinus1);
        int positives = r.ue("num_positive_pics", maxDecPicBufferingMinus1 - negatives);
        int[] s0 = new int[negatives];
        int used0 = 0;
        for (int i = 0, poc = 0; i < negatives; i++) {
            poc -= r.ue("delta_poc_s0_minus1", MAX_DELTA_MINUS1) + 1;
            s0[i] = poc;
            used0 |= r.bit("used_by_curr_pic_s0_flag") << i;
        }
        int[] s1 = new int[positives];
        int used1 = 0;
        for (int i = 0, poc = 0; i < positives; i++) {
            poc += r.ue("delta_poc_s1_minus1", MAX_DELTA_MINUS1) + 1;
            s1[i] = poc;
            used1 |= r.bit("used_by_curr_pic_s1_flag") << i;
        }
        return new ShortTermRefPicSet(false, 0, false, 0, 0, 0, 0, s0, used0, s1, used1);
    }

    /**
     * Writes st_ref_pic_set(stRpsIdx): the prediction flag when stRpsIdx is not 0, delta_idx_minus1
     * when it is the slice header's own set.
     */
    void write(RbspWriter w, int stRpsIdx, int numShortTermRefPicSets) {
        if (stRpsIdx != 0) {
            w.flag(interRefPicSetPredictionFlag);
        }
        if (interRefPicSetPredictionFlag) {
            if (stRpsIdx == numShortTermRefPicSets) {
                w.ue(deltaIdxMinus1);
            }
            w.flag(deltaRpsSign).ue(absDeltaRpsMinus1);
            for (int j = 0; j < refEntries; j++) {
                boolean used = (usedByCurrPicFlags >>> j & 1) != 0;
                w.flag(used);
                if (!used) {
                    w.flag((useDeltaFlags >>> j & 1) != 0);
                }
            }
            return;
        }
        w.ue(deltaPocS0.length).ue(deltaPocS1.length);
        for (int i = 0, prev = 0; i < deltaPocS0.length; prev = deltaPocS0[i++]) {
            w.ue(prev - deltaPocS0[i] - 1).flag((usedByCurrPicS0 >>> i & 1) != 0);
        }
        for (int i = 0, prev = 0; i < deltaPocS1.length; prev = deltaPocS1[i++]) {
            w.ue(deltaPocS1[i] - prev - 1).flag((usedByCurrPicS1 >>> i & 1) != 0);
        }
    }

    /** Compares every component, the arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ShortTermRefPicSet s && interRefPicSetPredictionFlag == s.interRefPicSetPredictionFlag
                && deltaIdxMinus1 == s.deltaIdxMinus1 && deltaRpsSign == s.deltaRpsSign && absDeltaRpsMinus1 == s.absDeltaRpsMinus1
                && refEntries == s.refEntries && usedByCurrPicFlags == s.usedByCurrPicFlags && useDeltaFlags == s.useDeltaFlags
                && Arrays.equals(deltaPocS0, s.deltaPocS0) && usedByCurrPicS0 == s.usedByCurrPicS0
                && Arrays.equals(deltaPocS1, s.deltaPocS1) && usedByCurrPicS1 == s.usedByCurrPicS1;
    }

    /** Hashes every component, the arrays by content. */
    @Override
    public int hashCode() {
        return ((Boolean.hashCode(interRefPicSetPredictionFlag) * 31 + deltaIdxMinus1) * 31 + absDeltaRpsMinus1) * 31
                + Arrays.hashCode(deltaPocS0) * 17 + Arrays.hashCode(deltaPocS1) + usedByCurrPicS0 * 7 + usedByCurrPicS1
                + usedByCurrPicFlags * 3 + useDeltaFlags + refEntries + (deltaRpsSign ? 1 : 0);
    }

    /** The components, the arrays by content. */
    @Override
    public String toString() {
        return "ShortTermRefPicSet[interRefPicSetPredictionFlag=" + interRefPicSetPredictionFlag + ", deltaIdxMinus1="
                + deltaIdxMinus1 + ", deltaRpsSign=" + deltaRpsSign + ", absDeltaRpsMinus1=" + absDeltaRpsMinus1 + ", refEntries="
                + refEntries + ", usedByCurrPicFlags=" + usedByCurrPicFlags + ", useDeltaFlags=" + useDeltaFlags + ", deltaPocS0="
                + Arrays.toString(deltaPocS0) + ", usedByCurrPicS0=" + usedByCurrPicS0 + ", deltaPocS1=" + Arrays.toString(deltaPocS1)
                + ", usedByCurrPicS1=" + usedByCurrPicS1 + "]";
    }
}
