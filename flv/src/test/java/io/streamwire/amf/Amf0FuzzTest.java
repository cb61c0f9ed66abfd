package io.streamwire.amf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.List;

/** Jazzer target for the AMF0 reader and writer; seeds under {@code Amf0FuzzTestInputs/readAll/}. */
class Amf0FuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readAll(byte[] data) {
        List<Amf0Value> values;
        try {
            values = Amf0Reader.readAll(ByteBuffer.wrap(data));
        } catch (AmfException expected) {
            return;
        }
        // whatever decodes must re-encode and decode to the same values
        byte[] again = Amf0Writer.encode(values);
        List<Amf0Value> back = Amf0Reader.readAll(ByteBuffer.wrap(again));
        if (!back.equals(values)) {
            throw new AssertionError("decode(encode(v)) != v: " + values + " vs " + back);
        }
    }
}
