package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SPS, VPS and PPS of every fixture: the SPS's derived values agree with ffprobe's committed view
 * of the same file, and each parameter set written back gives the bytes it was parsed from.
 */
class HevcSpsFixtureTest {

    static String[] fixtures() {
        return FixtureNals.FIXTURES;
    }

    /** Asserts that the SPS agrees with ffprobe's stream fields. */
    static void assertMatchesFfprobe(HevcSps sps, Map<String, String> probe, String name) {
        assertThat(sps.widthPixels()).as(name + " width").isEqualTo(Integer.parseInt(probe.get("width")));
        assertThat(sps.heightPixels()).as(name + " height").isEqualTo(Integer.parseInt(probe.get("height")));
        assertThat(sps.codedWidthPixels()).as(name + " coded_width").isEqualTo(Integer.parseInt(probe.get("coded_width")));
        assertThat(sps.codedHeightPixels()).as(name + " coded_height").isEqualTo(Integer.parseInt(probe.get("coded_height")));
        assertThat(sps.profileName()).as(name + " profile").isEqualTo(probe.get("profile"));
        assertThat(sps.levelIdc()).as(name + " level").isEqualTo(Integer.parseInt(probe.get("level")));
        assertThat(sps.pixelFormat()).as(name + " pix_fmt").isEqualTo(probe.get("pix_fmt"));
        assertThat(sps.frameRate()).as(name + " r_frame_rate").isEqualTo(probe.get("r_frame_rate"));
        assertThat(sps.maxNumReorderPics(sps.spsMaxSubLayersMinus1())).as(name + " has_b_frames")
                .isEqualTo(Integer.parseInt(probe.get("has_b_frames")));
        assertThat(sps.colorRange()).as(name + " color_range").isEqualTo(probe.get("color_range"));
        assertThat(sps.colorSpaceName()).as(name + " color_space").isEqualTo(probe.get("color_space"));
        assertThat(sps.colorTransferName()).as(name + " color_transfer").isEqualTo(probe.get("color_transfer"));
        assertThat(sps.colorPrimariesName()).as(name + " color_primaries").isEqualTo(probe.get("color_primaries"));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void spsMatchesFfprobeAndRoundTripsBitExactly(String name) {
        List<ByteBuffer> spss = FixtureNals.ofType(name, 33);
        assertThat(spss).isNotEmpty();
        for (ByteBuffer nal : spss) {
            ByteBuffer in = nal.duplicate();
            HevcSps sps = HevcSps.parse(in);
            assertThat(in.hasRemaining()).isFalse();
            assertMatchesFfprobe(sps, FixtureNals.probe(name), name);
            assertThat(sps.toRbsp()).as(name + " write(parse(x)) == x").isEqualTo(FixtureNals.rbspOf(nal));
            assertThat(sps.toNal()).isEqualTo(FixtureNals.bytes(nal));
            assertThat(HevcSps.parse(ByteBuffer.wrap(sps.toNal()))).isEqualTo(sps);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void vpsAndPpsRoundTripBitExactly(String name) {
        for (ByteBuffer nal : FixtureNals.ofType(name, 32)) {
            HevcVps vps = HevcVps.parse(nal.duplicate());
            assertThat(vps.toNal()).as(name + " VPS").isEqualTo(FixtureNals.bytes(nal));
            assertThat(HevcVps.parse(ByteBuffer.wrap(vps.toNal()))).isEqualTo(vps);
        }
    }
}
