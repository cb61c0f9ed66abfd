package io.streamwire.amf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/** Jazzer target for the AMF0 reader and writer (only the AMF module's exceptions escape); seeds under {@code Amf0FuzzTestInputs/readAll/}. */
class Amf0FuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readAll(byte[] data) {
        // the direct tree path (heap buffer) and the token reader (direct buffer) must agree exactly
        for (Function<ByteBuffer, Object> read : List.<Function<ByteBuffer, Object>>of(Amf0Reader::readAll,
                Amf0Reader::readValue, Amf0Command::parse)) {
            ByteBuffer heap = ByteBuffer.wrap(data);
            ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
            Object a = outcome(read, heap);
            Object b = outcome(read, direct);
            if (!a.equals(b) || heap.position() != direct.position()) {
                throw new AssertionError("heap and direct buffers differ: " + a + " at " + heap.position() + " vs " + b
                        + " at " + direct.position());
            }
        }
        List<Amf0Value> values;
        try {
            values = Amf0Reader.readAll(ByteBuffer.wrap(data));
        } catch (StreamwireException expected) {
            requireAmf(expected);
            return;
        }
        // whatever decodes must re-encode and decode to the same values
        byte[] again = Amf0Writer.encode(values);
        List<Amf0Value> back = Amf0Reader.readAll(ByteBuffer.wrap(again));
        if (!back.equals(values)) {
            throw new AssertionError("decode(encode(v)) != v: " + values + " vs " + back);
        }
    }

    private static Object outcome(Function<ByteBuffer, Object> read, ByteBuffer in) {
        try {
            return read.apply(in);
        } catch (StreamwireException e) {
            requireAmf(e);
            return e.getClass().getName() + " " + e.field() + " " + e.offset() + " " + e.getMessage();
        } catch (IllegalStateException e) {
            return e.toString(); // readValue on an empty buffer
        }
    }

    /** Only the AMF module's exceptions may escape (module "amf": AmfException or a shared core subtype). */
    static void requireAmf(StreamwireException e) {
        if (!e.module().equals("amf")) {
            throw new AssertionError("module " + e.module() + " escaped the AMF reader: " + e, e);
        }
    }
}
