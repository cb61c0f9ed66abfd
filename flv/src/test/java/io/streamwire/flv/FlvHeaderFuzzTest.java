package io.streamwire.flv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/** Jazzer target for {@link FlvHeader#parse}; seeds under {@code FlvHeaderFuzzTestInputs/parse/}. */
class FlvHeaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            FlvHeader header = FlvHeader.parse(in);
            ByteBuffer out = ByteBuffer.allocate(FlvHeader.LENGTH);
            header.writeTo(out);
            if (!out.flip().equals(ByteBuffer.wrap(data, 0, FlvHeader.LENGTH))) {
                throw new AssertionError("write(parse(x)) != x");
            }
        } catch (StreamwireException expected) {
            if (!expected.module().equals("flv")) {
                throw new AssertionError("module " + expected.module() + " escaped: " + expected, expected);
            }
            if (in.position() != 0) {
                throw new AssertionError("position moved on failure");
            }
        }
    }
}
