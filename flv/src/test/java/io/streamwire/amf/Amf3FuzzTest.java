package io.streamwire.amf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/** Jazzer target for {@link Amf3Reader} and {@link Amf3Writer}; seeds under {@code Amf3FuzzTestInputs/readValue/}. */
class Amf3FuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readValue(byte[] data) {
        Amf3Value value;
        try {
            value = new Amf3Reader(AmfLimits.defaults().withMaxElements(1 << 16))
                    .register("flex.messaging.io.ArrayCollection", (c, in) -> in.readValue())
                    .readValue(ByteBuffer.wrap(data));
        } catch (AmfException expected) {
            return;
        }
        byte[] again = Amf3Writer.encode(value);
        Amf3Value back = new Amf3Reader().register("flex.messaging.io.ArrayCollection", (c, in) -> in.readValue())
                .readValue(ByteBuffer.wrap(again));
        if (!back.equals(value)) {
            throw new AssertionError("decode(encode(v)) != v: " + value + " vs " + back);
        }
    }
}
