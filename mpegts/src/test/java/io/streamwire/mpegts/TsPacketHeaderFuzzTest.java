package io.streamwire.mpegts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/** Jazzer target for {@link TsPacketHeader#parse}; seeds under {@code TsPacketHeaderFuzzTestInputs/parse/}. */
class TsPacketHeaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        while (in.remaining() >= 4) {
            try {
                TsPacketHeader.parse(in);
            } catch (TsException lostSync) {
                in.position(in.position() + 1);
            }
        }
    }
}
