package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.internal.RbspWriter;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inter-RPS prediction (equations 7-61, 7-62) worked by hand, its bounds, and the default scaling lists (Table 7-6). */
class ShortTermRefPicSetTest {
    private static final ShortTermRefPicSet REF = new ShortTermRefPicSet(false, 0, false, 0, 0, 0, 0, new int[] {-1, -3}, 0b11,
            new int[] {2}, 0b1);

    @Test
    void predictionFollowsTheSpecEquations() {
        // deltaRps = -1 (delta_rps_sign 1, abs_delta_rps_minus1 0), every entry used:
        // S0: S1[0] - 1 = 1 is not negative; deltaRps itself -1; S0[j] - 1 = -2, -4.  S1: S1[0] - 1 = 1.
        ShortTermRefPicSet s = ShortTermRefPicSet.predict(REF, 0, true, 0, 0b1111, 0b1111);
        assertThat(s.deltaPocS0()).containsExactly(-1, -2, -4);
        assertThat(s.deltaPocS1()).containsExactly(1);
        assertThat(s.numUsedByCurrPic()).isEqualTo(4);
        // use_delta_flag 0 for entry 1 (S0[1] = -3): -4 is dropped; entry 2 (S1[0]) not used by the current picture
        ShortTermRefPicSet t = ShortTermRefPicSet.predict(REF, 0, true, 0, 0b1001, 0b1101);
        assertThat(t.deltaPocS0()).containsExactly(-1, -2);
        assertThat(t.deltaPocS1()).containsExactly(1);
        assertThat(t.usedByCurrPicS1()).isZero();
    }

    @Test
    void aSpsWithAPredictedSetRoundTrips() {
        HevcSps base = HevcSps.parse(ByteBuffer.wrap(new SpsBits().nal()));
        ShortTermRefPicSet first = new ShortTermRefPicSet(false, 0, false, 0, 0, 0, 0, new int[] {-1, -3}, 0b11, new int[] {2}, 1);
        ShortTermRefPicSet second = ShortTermRefPicSet.predict(first, 0, true, 0, 0b1011, 0b1111);
        HevcSps sps = new HevcSps(0, 0, true, base.profileTierLevel(), 0, 1, false, 320, 240, false, 0, 0, 0, 0, 0, 0, 4, true,
                base.subLayerOrderingInfo(), 0, 3, 0, 3, 1, 1, false, null, false, true, null, List.of(first, second), false, List.of(), 0,
                true, true, null, false, null, false, false, false, false, 0, null);
        assertThat(HevcSps.parse(ByteBuffer.wrap(sps.toNal())).stRefPicSets()).containsExactly(first, second);
        // a predicted set that does not follow from its reference is refused by the record
        ShortTermRefPicSet wrong = new ShortTermRefPicSet(true, 0, true, 0, 4, 0b1011, 0b1111, new int[] {-1}, 1, new int[0], 0);
        assertThatThrownBy(() -> new HevcSps(0, 0, true, base.profileTierLevel(), 0, 1, false, 320, 240, false, 0, 0, 0, 0, 0, 0, 4,
                true, base.subLayerOrderingInfo(), 0, 3, 0, 3, 1, 1, false, null, false, true, null, List.of(first, wrong), false,
                List.of(), 0, true, true, null, false, null, false, false, false, false, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sliceOwnSetNamesDeltaIdxAndItsBound() {
        // st_ref_pic_set(num_short_term_ref_pic_sets = 1) in a slice: delta_idx_minus1 is coded, 0..stRpsIdx-1 = 0..0
        RbspWriter w = new RbspWriter().flag(true).ue(1);
        byte[] rbsp = w.trailingBits().toRbsp();
        io.streamwire.core.internal.BitReader r = Rbsp.reader(ByteBuffer.wrap(rbsp), 0, rbsp.length, 0, "slice_segment_header", "x");
        assertThatThrownBy(() -> ShortTermRefPicSet.read(r, 1, List.of(REF), 1, 4)).isInstanceOf(H265Exception.class)
                .hasMessageContaining("slice_segment_header delta_idx_minus1 1 out of range (expected: 0..0)");
    }

    @Test
    void defaultScalingListsAreTable7dot6() {
        int[] intra = ScalingListData.defaultList(1, 0);
        int[] inter = ScalingListData.defaultList(3, 5);
        assertThat(intra).hasSize(64).startsWith(16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 17, 16).endsWith(65, 88, 88, 115);
        assertThat(inter).hasSize(64).startsWith(16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 17, 17).endsWith(54, 71, 71, 91);
        assertThat(ScalingListData.defaultList(0, 3)).containsOnly(16).hasSize(16);
    }
}
