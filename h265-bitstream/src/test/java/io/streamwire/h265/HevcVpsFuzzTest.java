package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/** Jazzer target for {@link HevcVps#parse}: as {@link HevcSpsFuzzTest}, for the VPS (type 32). */
class HevcVpsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        byte[] nal = ParameterSetFuzzing.withHeader(32, data);
        ParameterSetFuzzing.sameInEveryBufferKind(nal, HevcVps::parse);
        HevcVps vps;
        try {
            vps = HevcVps.parse(ByteBuffer.wrap(nal));
        } catch (io.streamwire.core.StreamwireException expected) {
            return;
        }
        if (!HevcVps.parse(ByteBuffer.wrap(vps.toNal())).equals(vps)) {
            throw new AssertionError("parse(write(vps)) != vps");
        }
    }
}
