package io.streamwire.h264;

import io.streamwire.core.internal.BitReader;
import java.util.ArrayList;
import java.util.List;

/**
 * pred_weight_table(): ITU-T H.264 (08/2021) §7.3.3.2, semantics §7.4.3.2.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lumaLog2WeightDenom luma_log2_weight_denom, 0..7
 * @param chromaLog2WeightDenom chroma_log2_weight_denom, 0..7 (0 when ChromaArrayType is 0)
 * @param l0 one entry per list 0 reference (num_ref_idx_l0_active_minus1 + 1)
 * @param l1 one entry per list 1 reference (B slices), else empty
 *
 * @since 0.1.0
 */
public record PredWeightTable(int lumaLog2WeightDenom, int chromaLog2WeightDenom, List<Entry> l0, List<Entry> l1) {

    /**
     * Weights of one reference picture; fields whose flag is 0 are 0.
     *
     * @param lumaWeightFlag luma_weight_lX_flag
     * @param lumaWeight luma_weight_lX, -128..127
     * @param lumaOffset luma_offset_lX, -128..127
     * @param chromaWeightFlag chroma_weight_lX_flag
     * @param chromaWeightCb chroma_weight_lX[i][0]
     * @param chromaOffsetCb chroma_offset_lX[i][0]
     * @param chromaWeightCr chroma_weight_lX[i][1]
     * @param chromaOffsetCr chroma_offset_lX[i][1]
     */
    public record Entry(boolean lumaWeightFlag, int lumaWeight, int lumaOffset, boolean chromaWeightFlag,
            int chromaWeightCb, int chromaOffsetCb, int chromaWeightCr, int chromaOffsetCr) {}

    /** Copies the lists. */
    public PredWeightTable {
        l0 = List.copyOf(l0);
        l1 = List.copyOf(l1);
    }

    static PredWeightTable read(BitReader r, int chromaArrayType, int l0Count, int l1Count) {
        int luma = r.ue("luma_log2_weight_denom", 7);
        int chroma = chromaArrayType != 0 ? r.ue("chroma_log2_weight_denom", 7) : 0;
        return new PredWeightTable(luma, chroma, entries(r, chromaArrayType, l0Count), entries(r, chromaArrayType, l1Count));
    }

    private static List<Entry> entries(BitReader r, int chromaArrayType, int count) {
        List<Entry> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean lf = r.flag("luma_weight_flag");
            int lw = lf ? r.se("luma_weight", -128, 127) : 0;
            int lo = lf ? r.se("luma_offset", -128, 127) : 0;
            boolean cf = chromaArrayType != 0 && r.flag("chroma_weight_flag");
            int[] c = new int[4];
            if (cf) {
                for (int j = 0; j < 4; j++) {
                    c[j] = r.se(j % 2 == 0 ? "chroma_weight" : "chroma_offset", -128, 127);
                }
            }
            list.add(new Entry(lf, lw, lo, cf, c[0], c[1], c[2], c[3]));
        }
        return list;
    }
}
