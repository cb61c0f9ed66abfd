package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link HevcNalUnitHeader#parse}: headers are read until the input is used up;
 * only module {@code "h265"} errors may escape, a failed parse must leave the position unchanged, and
 * every parsed header must write back its two bytes. Seeds under
 * {@code HevcNalUnitHeaderFuzzTestInputs/parse/}.
 */
class HevcNalUnitHeaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        while (in.hasRemaining()) {
            int p = in.position();
            HevcNalUnitHeader h;
            try {
                h = HevcNalUnitHeader.parse(in);
            } catch (StreamwireException e) {
                if (!"h265".equals(e.module()) || in.position() != p) {
                    throw new AssertionError("bad failure at " + p, e);
                }
                in.position(p + 1);
                continue;
            }
            ByteBuffer out = ByteBuffer.allocate(2);
            h.writeTo(out);
            if (out.get(0) != data[p] || out.get(1) != data[p + 1]) {
                throw new AssertionError("header at " + p + " does not write back");
            }
        }
    }
}
