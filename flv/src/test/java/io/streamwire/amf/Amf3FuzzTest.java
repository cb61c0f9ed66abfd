package io.streamwire.amf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/** Jazzer target for {@link Amf3Reader} and {@link Amf3Writer} (only the AMF module's exceptions escape); seeds under {@code Amf3FuzzTestInputs/readValue/}. */
class Amf3FuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readValue(byte[] data) {
        Amf3Value value;
        try {
            value = new Amf3Reader(AmfLimits.defaults().withMaxElements(1 << 16))
                    .register("flex.messaging.io.ArrayCollection", (c, in) -> in.readValue())
                    .readValue(ByteBuffer.wrap(data));
        } catch (StreamwireException expected) {
            requireAmf(expected);
            return;
        }
        byte[] again = Amf3Writer.encode(value);
        Amf3Value back = new Amf3Reader().register("flex.messaging.io.ArrayCollection", (c, in) -> in.readValue())
                .readValue(ByteBuffer.wrap(again));
        if (!back.equals(value)) {
            throw new AssertionError("decode(encode(v)) != v: " + value + " vs " + back);
        }
    }

    /** Only the AMF module's exceptions may escape (module "amf": AmfException or a shared core subtype). */
    static void requireAmf(StreamwireException e) {
        if (!e.module().equals("amf")) {
            throw new AssertionError("module " + e.module() + " escaped the AMF reader: " + e, e);
        }
    }
}
