package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import io.streamwire.core.internal.BitReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The slice group (FMO) part of a PPS, present when num_slice_groups_minus1 &gt; 0: ITU-T H.264
 * (08/2021) §7.3.2.2, semantics §7.4.2.2. Lists not used by the map type are empty and values 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sliceGroupMapType slice_group_map_type, 0..6
 * @param runLengthMinus1 run_length_minus1[] (type 0), one per slice group
 * @param topLeft top_left[] (type 2), one per slice group but the last
 * @param bottomRight bottom_right[] (type 2)
 * @param sliceGroupChangeDirectionFlag slice_group_change_direction_flag (types 3..5)
 * @param sliceGroupChangeRateMinus1 slice_group_change_rate_minus1 (types 3..5)
 * @param picSizeInMapUnitsMinus1 pic_size_in_map_units_minus1 (type 6)
 * @param sliceGroupId slice_group_id[] (type 6), pic_size_in_map_units_minus1 + 1 of them
 *
 * @since 0.1.0
 */
public record SliceGroups(int sliceGroupMapType, List<Integer> runLengthMinus1, List<Integer> topLeft,
        List<Integer> bottomRight, boolean sliceGroupChangeDirectionFlag, int sliceGroupChangeRateMinus1,
        int picSizeInMapUnitsMinus1, List<Integer> sliceGroupId) {

    /** Checks the map type and copies the lists. */
    public SliceGroups {
        if (sliceGroupMapType < 0 || sliceGroupMapType > 6) {
            throw new IllegalArgumentException("slice_group_map_type " + sliceGroupMapType);
        }
        runLengthMinus1 = List.copyOf(runLengthMinus1);
        topLeft = List.copyOf(topLeft);
        bottomRight = List.copyOf(bottomRight);
        sliceGroupId = List.copyOf(sliceGroupId);
    }

    /** Bits of each slice_group_id: Ceil(Log2(num_slice_groups_minus1 + 1)). */
    static int idBits(int numSliceGroupsMinus1) {
        return 32 - Integer.numberOfLeadingZeros(numSliceGroupsMinus1);
    }

    static SliceGroups read(BitReader r, int numSliceGroupsMinus1, Sps sps) {
        int mapUnits = sps.picSizeInMapUnits();
        int type = r.ue("slice_group_map_type", 6);
        List<Integer> runs = new ArrayList<>();
        List<Integer> topLeft = new ArrayList<>();
        List<Integer> bottomRight = new ArrayList<>();
        boolean direction = false;
        int rate = 0;
        int sizeMinus1 = 0;
        List<Integer> ids = new ArrayList<>();
        switch (type) {
            case 0:
                for (int i = 0; i <= numSliceGroupsMinus1; i++) {
                    runs.add(r.ue("run_length_minus1", mapUnits - 1));
                }
                break;
            case 2:
                for (int i = 0; i < numSliceGroupsMinus1; i++) {
                    int tl = r.ue("top_left", mapUnits - 1);
                    int br = r.ue("bottom_right", mapUnits - 1);
                    if (tl > br) {
                        throw r.error("bottom_right", br + " is less than top_left " + tl);
                    }
                    topLeft.add(tl);
                    bottomRight.add(br);
                }
                break;
            case 3: case 4: case 5:
                direction = r.flag("slice_group_change_direction_flag");
                rate = r.ue("slice_group_change_rate_minus1", mapUnits - 1);
                break;
            case 6: {
                sizeMinus1 = r.ue("pic_size_in_map_units_minus1", mapUnits - 1);
                if (sizeMinus1 != mapUnits - 1) {
                    throw r.error("pic_size_in_map_units_minus1", sizeMinus1 + " differs from the SPS's PicSizeInMapUnits - 1 = " + (mapUnits - 1));
                }
                int bits = idBits(numSliceGroupsMinus1);
                for (int i = 0; i <= sizeMinus1; i++) {
                    int id = r.u(bits, "slice_group_id");
                    ids.add(r.check("slice_group_id", id, 0, numSliceGroupsMinus1));
                }
                break;
            }
            default:
                break;
        }
        return new SliceGroups(type, runs, topLeft, bottomRight, direction, rate, sizeMinus1, ids);
    }

    void write(RbspWriter w, int numSliceGroupsMinus1) {
        w.ue(sliceGroupMapType);
        switch (sliceGroupMapType) {
            case 0:
                runLengthMinus1.forEach(w::ue);
                break;
            case 2:
                for (int i = 0; i < topLeft.size(); i++) {
                    w.ue(topLeft.get(i)).ue(bottomRight.get(i));
                }
                break;
            case 3: case 4: case 5:
                w.flag(sliceGroupChangeDirectionFlag).ue(sliceGroupChangeRateMinus1);
                break;
            case 6: {
                w.ue(picSizeInMapUnitsMinus1);
                int bits = idBits(numSliceGroupsMinus1);
                for (int id : sliceGroupId) {
                    w.u(bits, id);
                }
                break;
            }
            default:
                break;
        }
    }
}
