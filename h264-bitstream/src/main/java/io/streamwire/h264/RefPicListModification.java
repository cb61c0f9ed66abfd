package io.streamwire.h264;

import io.streamwire.core.internal.BitReader;
import java.util.ArrayList;
import java.util.List;

/**
 * ref_pic_list_modification(): ITU-T H.264 (08/2021) §7.3.3.1, semantics §7.4.3.1.
 *
 * <p>Immutable and thread-safe.
 *
 * @param refPicListModificationFlagL0 ref_pic_list_modification_flag_l0
 * @param l0 the list 0 operations before the terminating idc 3 (which is not stored)
 * @param refPicListModificationFlagL1 ref_pic_list_modification_flag_l1 (B slices)
 * @param l1 the list 1 operations
 *
 * @since 0.1.0
 */
public record RefPicListModification(boolean refPicListModificationFlagL0, List<Operation> l0,
        boolean refPicListModificationFlagL1, List<Operation> l1) {

    /** At most this many operations per list: one per reference index (32) is all a list can use. */
    public static final int MAX_OPERATIONS = 32;

    /**
     * One modification.
     *
     * @param modificationOfPicNumsIdc modification_of_pic_nums_idc, 0..2
     * @param value abs_diff_pic_num_minus1 (idc 0, 1) or long_term_pic_num (idc 2)
     */
    public record Operation(int modificationOfPicNumsIdc, long value) {}

    /** Copies the lists. */
    public RefPicListModification {
        l0 = List.copyOf(l0);
        l1 = List.copyOf(l1);
    }

    static RefPicListModification read(BitReader r, int sliceType) {
        boolean f0 = false;
        boolean f1 = false;
        List<Operation> l0 = List.of();
        List<Operation> l1 = List.of();
        if (sliceType != SliceHeader.I && sliceType != SliceHeader.SI) {
            f0 = r.flag("ref_pic_list_modification_flag_l0");
            if (f0) {
                l0 = readList(r);
            }
        }
        if (sliceType == SliceHeader.B) {
            f1 = r.flag("ref_pic_list_modification_flag_l1");
            if (f1) {
                l1 = readList(r);
            }
        }
        return new RefPicListModification(f0, l0, f1, l1);
    }

    private static List<Operation> readList(BitReader r) {
        List<Operation> ops = new ArrayList<>();
        while (true) {
            int idc = r.ue("modification_of_pic_nums_idc", 3);
            if (idc == 3) {
                return ops;
            }
            if (ops.size() == MAX_OPERATIONS) {
                throw r.error("modification_of_pic_nums_idc", "more than " + MAX_OPERATIONS + " operations in one list");
            }
            long value = idc == 2 ? r.ueLong("long_term_pic_num") : r.ueLong("abs_diff_pic_num_minus1");
            ops.add(new Operation(idc, value));
        }
    }
}
