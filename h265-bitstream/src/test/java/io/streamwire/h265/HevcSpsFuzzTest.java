package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link HevcSps#parse}: the input after a forced SPS header may only raise this
 * module's exceptions, gives the same outcome in every buffer kind, and what parses comes back equal
 * and bit-exact through the writer. Seeds under {@code HevcSpsFuzzTestInputs/parse/} are fixture SPSs.
 */
class HevcSpsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        byte[] nal = ParameterSetFuzzing.withHeader(33, data);
        ParameterSetFuzzing.sameInEveryBufferKind(nal, HevcSps::parse);
        HevcSps sps;
        try {
            sps = HevcSps.parse(ByteBuffer.wrap(nal));
        } catch (io.streamwire.core.StreamwireException expected) {
            return;
        }
        byte[] written = sps.toNal();
        if (!HevcSps.parse(ByteBuffer.wrap(written)).equals(sps)) {
            throw new AssertionError("parse(write(sps)) != sps");
        }
        sps.widthPixels();
        sps.heightPixels();
        sps.pixelFormat();
        sps.frameRate();
        sps.codecString("hvc1");
        sps.picSizeInCtbsY();
    }
}
