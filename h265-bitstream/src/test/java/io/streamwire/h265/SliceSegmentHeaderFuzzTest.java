package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link SliceSegmentHeader#parse} against the parameter sets of the open-GOP and
 * slices fixtures: the first input byte picks the NAL unit type (0..21) and the fixture, the rest is the
 * RBSP. Seeds under {@code SliceSegmentHeaderFuzzTestInputs/parse/} are fixture slices.
 */
class SliceSegmentHeaderFuzzTest {
    private static final HevcParameterSets[] SETS = {sets("open-gop"), sets("slices4"), sets("rext444")};

    private static HevcParameterSets sets(String name) {
        HevcParameterSets s = new HevcParameterSets();
        for (ByteBuffer nal : FixtureNals.split(Fixtures.bytes("h265/" + name + ".h265"))) {
            s.accept(nal);
        }
        return s;
    }

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int type = (data[0] & 0xFF) % 22;
        HevcParameterSets sets = SETS[(data[0] & 0xFF) / 22 % SETS.length];
        byte[] nal = ParameterSetFuzzing.withHeader(type, java.util.Arrays.copyOfRange(data, 1, data.length));
        ParameterSetFuzzing.sameInEveryBufferKind(nal, b -> SliceSegmentHeader.parse(b, sets, 10));
    }
}
