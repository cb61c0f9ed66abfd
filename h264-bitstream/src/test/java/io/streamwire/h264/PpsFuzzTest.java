package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link Pps#parse} over the SPSs of the high and 4:4:4 fixtures and of the
 * largest picture an SPS may declare (ids 0); the first byte picks which. Only a
 * {@link StreamwireException} of module {@code "h264"} may escape; what parses survives write/parse.
 */
class PpsFuzzTest {
    private static final ParameterSets[] SETS = {sets("high"), sets("yuv444"), largest()};

    /** An SPS (id 0) of the largest picture {@link Sps#parse} accepts, 2^21 map units as fields. */
    static ParameterSets largest() {
        ParameterSets sets = new ParameterSets();
        sets.accept(ByteBuffer.wrap(SpsTest.spsOfSize(2047, 1023, false, true)), 0);
        return sets;
    }

    static ParameterSets sets(String name) {
        ParameterSets sets = new ParameterSets();
        for (ByteBuffer nal : AnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h264/" + name + ".h264")))) {
            if ((nal.get(nal.position()) & 0x1F) == 7) {
                sets.accept(nal, 0);
            }
        }
        return sets;
    }

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        ParameterSets sets = SETS[(data[0] & 0xFF) % SETS.length];
        byte[] nal = data.clone();
        nal[0] = 0x68;
        Pps pps;
        try {
            pps = Pps.parse(ByteBuffer.wrap(nal), sets);
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
            return;
        }
        if (!Pps.parse(ByteBuffer.wrap(pps.toNal(3)), sets).equals(pps)) {
            throw new AssertionError("parse(write(pps)) != pps");
        }
    }
}
