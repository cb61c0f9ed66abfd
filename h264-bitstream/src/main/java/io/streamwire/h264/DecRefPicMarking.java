package io.streamwire.h264;

import io.streamwire.core.internal.BitReader;
import java.util.ArrayList;
import java.util.List;

/**
 * dec_ref_pic_marking(): ITU-T H.264 (08/2021) §7.3.3.3, semantics §7.4.3.3.
 *
 * <p>Immutable and thread-safe.
 *
 * @param noOutputOfPriorPicsFlag no_output_of_prior_pics_flag (IDR)
 * @param longTermReferenceFlag long_term_reference_flag (IDR)
 * @param adaptiveRefPicMarkingModeFlag adaptive_ref_pic_marking_mode_flag (non-IDR)
 * @param operations the memory_management_control_operation entries before the terminating 0
 *
 * @since 0.1.0
 */
public record DecRefPicMarking(boolean noOutputOfPriorPicsFlag, boolean longTermReferenceFlag,
        boolean adaptiveRefPicMarkingModeFlag, List<Operation> operations) {

    /** At most this many operations: bounds hostile input (real streams use a handful). */
    public static final int MAX_OPERATIONS = 66;

    /**
     * One memory management control operation; fields the operation does not code are 0.
     *
     * @param memoryManagementControlOperation memory_management_control_operation, 1..6
     * @param differenceOfPicNumsMinus1 difference_of_pic_nums_minus1 (operations 1, 3)
     * @param longTermPicNum long_term_pic_num (operation 2)
     * @param longTermFrameIdx long_term_frame_idx (operations 3, 6)
     * @param maxLongTermFrameIdxPlus1 max_long_term_frame_idx_plus1 (operation 4)
     */
    public record Operation(int memoryManagementControlOperation, long differenceOfPicNumsMinus1, long longTermPicNum,
            long longTermFrameIdx, long maxLongTermFrameIdxPlus1) {}

    /** Copies the list. */
    public DecRefPicMarking {
        operations = List.copyOf(operations);
    }

    /** True if an operation 5 (all reference pictures unused, a POC reset) is present. */
    public boolean hasMmco5() {
        for (Operation op : operations) {
            if (op.memoryManagementControlOperation() == 5) {
                return true;
            }
        }
        return false;
    }

    static DecRefPicMarking read(BitReader r, boolean idr) {
        if (idr) {
            return new DecRefPicMarking(r.flag("no_output_of_prior_pics_flag"), r.flag("long_term_reference_flag"), false, List.of());
        }
        boolean adaptive = r.flag("adaptive_ref_pic_marking_mode_flag");
        List<Operation> ops = new ArrayList<>();
        if (adaptive) {
            while (true) {
                int op = r.ue("memory_management_control_operation", 6);
                if (op == 0) {
                    break;
                }
                if (ops.size() == MAX_OPERATIONS) {
                    throw r.error("memory_management_control_operation", "more than " + MAX_OPERATIONS + " operations");
                }
                long diff = op == 1 || op == 3 ? r.ueLong("difference_of_pic_nums_minus1") : 0;
                long ltPicNum = op == 2 ? r.ueLong("long_term_pic_num") : 0;
                long ltIdx = op == 3 || op == 6 ? r.ueLong("long_term_frame_idx") : 0;
                long maxIdx = op == 4 ? r.ueLong("max_long_term_frame_idx_plus1") : 0;
                ops.add(new Operation(op, diff, ltPicNum, ltIdx, maxIdx));
            }
        }
        return new DecRefPicMarking(false, false, adaptive, ops);
    }
}
