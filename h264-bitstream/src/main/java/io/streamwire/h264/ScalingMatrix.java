package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import io.streamwire.core.internal.BitReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The scaling lists of an SPS or PPS as coded (ITU-T H.264 (08/2021) §7.3.2.1.1.1 scaling_list()),
 * kept delta by delta so that writing reproduces the bits; effective lists with the fall-back rules
 * of Table 7-2 come from {@link #effectiveList}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lists one entry per list index i (6 4x4 lists, then 2 or 6 8x8 lists)
 *
 * @since 0.1.0
 */
public record ScalingMatrix(List<ScalingList> lists) {
    /** Table 7-3 Default_4x4_Intra, in coded (zig-zag) order. */
    static final int[] DEFAULT_4X4_INTRA = {6, 13, 13, 20, 20, 20, 28, 28, 28, 28, 32, 32, 32, 37, 37, 42};
    /** Table 7-3 Default_4x4_Inter. */
    static final int[] DEFAULT_4X4_INTER = {10, 14, 14, 20, 20, 20, 24, 24, 24, 24, 27, 27, 27, 30, 30, 34};
    /** Table 7-4 Default_8x8_Intra. */
    static final int[] DEFAULT_8X8_INTRA = {6, 10, 10, 13, 11, 13, 16, 16, 16, 16, 18, 18, 18, 18, 18, 23, 23, 23, 23, 23,
        23, 25, 25, 25, 25, 25, 25, 25, 27, 27, 27, 27, 27, 27, 27, 27, 29, 29, 29, 29, 29, 29, 29, 31, 31, 31, 31, 31,
        31, 33, 33, 33, 33, 33, 36, 36, 36, 36, 38, 38, 38, 40, 40, 42};
    /** Table 7-4 Default_8x8_Inter. */
    static final int[] DEFAULT_8X8_INTER = {9, 13, 13, 15, 13, 15, 17, 17, 17, 17, 19, 19, 19, 19, 19, 21, 21, 21, 21, 21,
        21, 22, 22, 22, 22, 22, 22, 22, 24, 24, 24, 24, 24, 24, 24, 24, 25, 25, 25, 25, 25, 25, 25, 27, 27, 27, 27, 27,
        27, 28, 28, 28, 28, 28, 30, 30, 30, 30, 32, 32, 32, 33, 33, 35};

    /**
     * One scaling_list() as coded.
     *
     * @param present seq/pic_scaling_list_present_flag[i]
     * @param deltaScales the delta_scale values read, each -128..127, at most the list size; the
     *     list stops early when nextScale became 0 (a zero-sum delta at j = 0 selects the default
     *     list, useDefaultScalingMatrixFlag)
     */
    public record ScalingList(boolean present, List<Integer> deltaScales) {
        /** Checks ranges and copies. */
        public ScalingList {
            deltaScales = List.copyOf(deltaScales);
            if (!present && !deltaScales.isEmpty()) {
                throw new IllegalArgumentException("an absent list has no deltas");
            }
            for (int d : deltaScales) {
                if (d < -128 || d > 127) {
                    throw new IllegalArgumentException("delta_scale " + d + " outside -128..127");
                }
            }
        }

        /** useDefaultScalingMatrixFlag: the first delta makes nextScale 0. */
        public boolean useDefault() {
            return present && !deltaScales.isEmpty() && ((8 + deltaScales.get(0) + 256) % 256) == 0;
        }

        /** The list's values in coded order, for a present list that is not the default one. */
        int[] values(int size) {
            int[] out = new int[size];
            int last = 8;
            int next = 8;
            for (int j = 0; j < size; j++) {
                if (next != 0) {
                    next = j < deltaScales.size() ? (last + deltaScales.get(j) + 256) % 256 : 0;
                }
                out[j] = next == 0 ? last : next;
                last = out[j];
            }
            return out;
        }
    }

    /** Checks the count (6 to 12 lists). */
    public ScalingMatrix {
        lists = List.copyOf(lists);
        if (lists.size() < 6 || lists.size() > 12) {
            throw new IllegalArgumentException(lists.size() + " scaling lists (expected: 6..12)");
        }
        for (int i = 0; i < lists.size(); i++) {
            if (lists.get(i).deltaScales().size() > (i < 6 ? 16 : 64)) {
                throw new IllegalArgumentException("scaling list " + i + " too long");
            }
        }
    }

    static ScalingMatrix read(BitReader r, int count) {
        List<ScalingList> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!r.flag("scaling_list_present_flag")) {
                lists.add(new ScalingList(false, List.of()));
                continue;
            }
            int size = i < 6 ? 16 : 64;
            List<Integer> deltas = new ArrayList<>();
            int last = 8;
            int next = 8;
            for (int j = 0; j < size && next != 0; j++) {
                int delta = r.se("delta_scale", -128, 127);
                deltas.add(delta);
                next = (last + delta + 256) % 256;
                last = next == 0 ? last : next;
            }
            lists.add(new ScalingList(true, deltas));
        }
        return new ScalingMatrix(lists);
    }

    void write(RbspWriter w) {
        for (ScalingList list : lists) {
            w.flag(list.present());
            for (int d : list.deltaScales()) {
                w.se(d);
            }
        }
    }

    /**
     * The effective list i in coded order after the fall-back rules of Table 7-2: rule A (absent
     * lists 0, 3, 6, 7 take the default lists) when {@code sps} is null, i.e. for an SPS matrix or a
     * PPS matrix over an SPS without one; rule B (those lists take the SPS's effective lists) when
     * {@code sps} is the SPS's matrix. Other absent lists copy the previous list of their kind.
     * See {@link Sps#effectiveScalingList} and {@link Pps#effectiveScalingList} for the flat case.
     */
    public int[] effectiveList(int i, ScalingMatrix sps) {
        if (i < 0 || i >= 12) {
            throw new IllegalArgumentException("list index " + i);
        }
        int size = i < 6 ? 16 : 64;
        ScalingList list = i < lists.size() ? lists.get(i) : new ScalingList(false, List.of());
        if (list.present()) {
            return list.useDefault() ? defaultList(i) : list.values(size);
        }
        if (i == 0 || i == 3 || i == 6 || i == 7) {
            return sps == null ? defaultList(i) : sps.effectiveList(i, null);
        }
        return effectiveList(i < 6 ? i - 1 : i - 2, sps);
    }

    static int[] defaultList(int i) {
        if (i < 6) {
            return (i < 3 ? DEFAULT_4X4_INTRA : DEFAULT_4X4_INTER).clone();
        }
        return (i % 2 == 0 ? DEFAULT_8X8_INTRA : DEFAULT_8X8_INTER).clone();
    }

    /** Flat_4x4_16 / Flat_8x8_16: every entry 16. */
    public static int[] flat(int i) {
        int[] out = new int[i < 6 ? 16 : 64];
        java.util.Arrays.fill(out, 16);
        return out;
    }
}
