package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/** Jazzer target for {@link NalUnitHeader#parse}; seeds under {@code NalUnitHeaderFuzzTestInputs/parse/}. */
class NalUnitHeaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            while (true) {
                NalUnitHeader.parse(in);
            }
        } catch (StreamwireException endOfInput) {
            ModuleErrors.requireH264(endOfInput);
            if (in.hasRemaining()) {
                throw new AssertionError("failed with input left", endOfInput);
            }
        }
    }
}
