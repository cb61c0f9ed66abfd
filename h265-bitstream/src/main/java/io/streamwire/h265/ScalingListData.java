package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * scaling_list_data(): ITU-T H.265 (09/2023) §7.3.4, semantics §7.4.5; carried by the SPS and the
 * PPS. Twenty lists: six per size for 4x4, 8x8 and 16x16 (sizeId 0..2), two for 32x32 (sizeId 3,
 * matrixId 0 and 3). A list is either predicted (from a default list or an earlier list of the same
 * size) or coded as delta coefficients, kept here as the coefficients they give (the deltas are
 * recovered exactly: each is the difference of two coefficients wrapped into -128..127).
 *
 * <pre>
 * { scaling_list_pred_mode_flag u(1)
 *   [0: scaling_list_pred_matrix_id_delta ue(v) 0..matrixId (sizeId 3: 0..matrixId/3)]
 *   [1: [sizeId &gt; 1: scaling_list_dc_coef_minus8 se(v) -7..247] scaling_list_delta_coef se(v) -128..127
 *       x Min(64, 1 &lt;&lt; (4 + (sizeId &lt;&lt; 1)))] } for sizeId 0..3, matrixId 0..5 (step 3 for sizeId 3)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param lists the twenty lists in syntax order: sizeId 0 matrixId 0..5, sizeId 1 and 2 likewise, then
 *     sizeId 3 matrixId 0 and 3
 *
 * @since 0.2.0
 */
public record ScalingListData(List<ScalingList> lists) {
    static final String SPEC = "ITU-T H.265 (09/2023) §7.3.4";

    /** The number of lists in a scaling_list_data(). */
    public static final int LIST_COUNT = 20;

    /** Table 7-6: the default 8x8 intra list (matrixId 0..2), in up-right diagonal scan order. */
    private static final int[] DEFAULT_INTRA = {16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 17, 16, 17, 16, 17, 18, 17, 18, 18, 17,
        18, 21, 19, 20, 21, 20, 19, 21, 24, 22, 22, 24, 24, 22, 22, 24, 25, 25, 27, 30, 27, 25, 25, 29, 31, 35, 35, 31, 29, 36,
        41, 44, 41, 36, 47, 54, 54, 47, 65, 70, 65, 88, 88, 115};
    /** Table 7-6: the default 8x8 inter list (matrixId 3..5), in up-right diagonal scan order. */
    private static final int[] DEFAULT_INTER = {16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 17, 17, 17, 17, 17, 18, 18, 18, 18, 18,
        18, 20, 20, 20, 20, 20, 20, 20, 24, 24, 24, 24, 24, 24, 24, 24, 25, 25, 25, 25, 25, 25, 25, 28, 28, 28, 28, 28, 28, 33,
        33, 33, 33, 33, 41, 41, 41, 41, 54, 54, 54, 71, 71, 91};

    /**
     * One list of scaling_list_data().
     *
     * @param sizeId sizeId, 0..3
     * @param matrixId matrixId, 0..5 (0 or 3 for sizeId 3)
     * @param predModeFlag scaling_list_pred_mode_flag
     * @param predMatrixIdDelta scaling_list_pred_matrix_id_delta, 0..matrixId (sizeId 3: 0..matrixId/3); 0
     *     when coded
     * @param dcCoefMinus8 scaling_list_dc_coef_minus8, -7..247 (coded lists of sizeId 2 and 3; else 0)
     * @param coefficients the coded ScalingList[sizeId][matrixId][i] values, 0..255, 16 (sizeId 0) or 64
     *     of them in coded (up-right diagonal) order; empty for a predicted list
     */
    public record ScalingList(int sizeId, int matrixId, boolean predModeFlag, int predMatrixIdDelta, int dcCoefMinus8,
            List<Integer> coefficients) {
        /** Checks ranges and the presence rules. */
        public ScalingList {
            coefficients = List.copyOf(coefficients);
            if (sizeId < 0 || sizeId > 3 || matrixId < 0 || matrixId > 5 || (sizeId == 3 && matrixId % 3 != 0)
                    || predMatrixIdDelta < 0 || predMatrixIdDelta > (sizeId == 3 ? matrixId / 3 : matrixId)
                    || dcCoefMinus8 < -7 || dcCoefMinus8 > 247) {
                throw new IllegalArgumentException("scaling list fields out of range");
            }
            int n = sizeId == 0 ? 16 : 64;
            if (predModeFlag ? predMatrixIdDelta != 0 || coefficients.size() != n || (sizeId < 2 && dcCoefMinus8 != 0)
                    : dcCoefMinus8 != 0 || !coefficients.isEmpty()) {
                throw new IllegalArgumentException("scaling list fields inconsistent with scaling_list_pred_mode_flag");
            }
            for (int c : coefficients) {
                if (c >>> 8 != 0) {
                    throw new IllegalArgumentException("scaling list coefficient " + c + " outside 0..255");
                }
            }
        }
    }

    /** Checks that the lists are the twenty of the syntax, in order. */
    public ScalingListData {
        lists = List.copyOf(lists);
        if (lists.size() != LIST_COUNT) {
            throw new IllegalArgumentException(lists.size() + " scaling lists (expected: 20)");
        }
        for (int k = 0; k < LIST_COUNT; k++) {
            ScalingList l = lists.get(k);
            if (l.sizeId() != sizeIdOf(k) || l.matrixId() != matrixIdOf(k)) {
                throw new IllegalArgumentException("scaling list " + k + " is sizeId " + l.sizeId() + " matrixId " + l.matrixId());
            }
        }
    }

    static int sizeIdOf(int k) {
        return k < 18 ? k / 6 : 3;
    }

    static int matrixIdOf(int k) {
        return k < 18 ? k % 6 : 3 * (k - 18);
    }

    /** The list of {@code sizeId} and {@code matrixId} (matrixId 0 or 3 for sizeId 3). */
    public ScalingList list(int sizeId, int matrixId) {
        if (sizeId == 3) {
            if (matrixId % 3 != 0) {
                throw new IllegalArgumentException("sizeId 3 has matrixId 0 and 3 only");
            }
            return lists.get(18 + matrixId / 3);
        }
        return lists.get(6 * sizeId + matrixId);
    }

    /**
     * ScalingList[sizeId][matrixId] after prediction (§7.4.5): the coded coefficients, a copy of the
     * reference list, or the default list (Tables 7-5 and 7-6: flat 16 for 4x4), in coded order.
     */
    public int[] effectiveList(int sizeId, int matrixId) {
        ScalingList l = list(sizeId, matrixId);
        if (l.predModeFlag()) {
            return l.coefficients().stream().mapToInt(Integer::intValue).toArray();
        }
        if (l.predMatrixIdDelta() == 0) {
            return defaultList(sizeId, matrixId);
        }
        return effectiveList(sizeId, matrixId - l.predMatrixIdDelta() * (sizeId == 3 ? 3 : 1));
    }

    /**
     * scaling_list_dc_coef_minus8 + 8 after prediction, for sizeId 2 and 3: the coded DC, the reference
     * list's, or 16 for a default list.
     */
    public int effectiveDcCoef(int sizeId, int matrixId) {
        if (sizeId < 2) {
            throw new IllegalArgumentException("sizeId " + sizeId + " has no DC coefficient");
        }
        ScalingList l = list(sizeId, matrixId);
        if (l.predModeFlag()) {
            return l.dcCoefMinus8() + 8;
        }
        if (l.predMatrixIdDelta() == 0) {
            return 16;
        }
        return effectiveDcCoef(sizeId, matrixId - l.predMatrixIdDelta() * (sizeId == 3 ? 3 : 1));
    }

    /** The default list (Table 7-5, 7-6) of sizeId and matrixId. */
    static int[] defaultList(int sizeId, int matrixId) {
        if (sizeId == 0) {
            int[] flat = new int[16];
            java.util.Arrays.fill(flat, 16);
            return flat;
        }
        return (matrixId < 3 ? DEFAULT_INTRA : DEFAULT_INTER).clone();
    }

    /** Reads scaling_list_data(). */
    static ScalingListData read(BitReader r) {
        List<ScalingList> lists = new ArrayList<>(LIST_COUNT);
        for (int k = 0; k < LIST_COUNT; k++) {
            int sizeId = sizeIdOf(k);
            int matrixId = matrixIdOf(k);
            if (!r.flag("scaling_list_pred_mode_flag")) {
                int delta = r.ue("scaling_list_pred_matrix_id_delta", sizeId == 3 ? matrixId / 3 : matrixId);
                lists.add(new ScalingList(sizeId, matrixId, false, delta, 0, List.of()));
                continue;
            }
            int n = sizeId == 0 ? 16 : 64;
            int next = 8;
            int dc = 0;
            if (sizeId > 1) {
                dc = r.se("scaling_list_dc_coef_minus8", -7, 247);
                next = dc + 8;
            }
            Integer[] coefs = new Integer[n];
            for (int i = 0; i < n; i++) {
                int delta = r.se("scaling_list_delta_coef", -128, 127);
                next = (next + delta + 256) & 0xFF;
                coefs[i] = next;
            }
            lists.add(new ScalingList(sizeId, matrixId, true, 0, dc, List.of(coefs)));
        }
        return new ScalingListData(lists);
    }

    void write(RbspWriter w) {
        for (ScalingList l : lists) {
            w.flag(l.predModeFlag());
            if (!l.predModeFlag()) {
                w.ue(l.predMatrixIdDelta());
                continue;
            }
            int next = 8;
            if (l.sizeId() > 1) {
                w.se(l.dcCoefMinus8());
                next = l.dcCoefMinus8() + 8;
            }
            for (int c : l.coefficients()) {
                w.se((byte) (c - next)); // the delta in -128..127 that gives c from next, modulo 256
                next = c;
            }
        }
    }
}
