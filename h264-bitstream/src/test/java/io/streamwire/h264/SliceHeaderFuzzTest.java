package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link SliceHeader#parse} with the parameter sets of the interlaced (MBAFF,
 * CABAC) and main B-frame fixtures; the first byte picks the set and the NAL header byte. Only
 * a {@link StreamwireException} of module {@code "h264"} may escape.
 */
class SliceHeaderFuzzTest {
    private static final ParameterSets[] SETS = {sets("interlaced"), sets("main-bframes"), sets("baseline")};
    private static final byte[] HEADERS = {0x65, 0x41, 0x01, 0x21};

    static ParameterSets sets(String name) {
        ParameterSets sets = new ParameterSets();
        for (ByteBuffer nal : AnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h264/" + name + ".h264")))) {
            sets.accept(nal, 0);
        }
        return sets;
    }

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        ParameterSets sets = SETS[(data[0] & 0xFF) % 3];
        byte[] nal = data.clone();
        nal[0] = HEADERS[(data[0] >>> 2) & 3];
        try {
            SliceHeader.parse(ByteBuffer.wrap(nal), sets);
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
        }
    }
}
