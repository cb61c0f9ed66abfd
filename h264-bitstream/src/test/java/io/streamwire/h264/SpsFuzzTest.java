package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link Sps#parse}: the input (after a forced SPS header byte) may only raise
 * {@link H264Exception}; what parses must come back equal through the writer. Seeds under
 * {@code SpsFuzzTestInputs/parse/} are the fixtures' SPSs.
 */
class SpsFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        byte[] nal = new byte[data.length + 1];
        nal[0] = 0x67;
        System.arraycopy(data, 0, nal, 1, data.length);
        Sps sps;
        try {
            sps = Sps.parse(ByteBuffer.wrap(nal));
        } catch (H264Exception expected) {
            return;
        }
        Sps again = Sps.parse(ByteBuffer.wrap(sps.toNal(3)));
        if (!again.equals(sps)) {
            throw new AssertionError("parse(write(sps)) != sps");
        }
        sps.widthPixels();
        sps.heightPixels();
        sps.codecString();
        sps.framesPerSecond();
    }
}
