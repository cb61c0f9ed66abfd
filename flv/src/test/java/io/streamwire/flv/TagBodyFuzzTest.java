package io.streamwire.flv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/** Jazzer target for the audio and video tag-body parsers and writers; seeds under {@code TagBodyFuzzTestInputs/parse/}. */
class TagBodyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        boolean audio = (data[0] & 1) == 0;
        ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
        Object body;
        try {
            body = audio ? AudioTagBody.parse(in) : VideoTagBody.parse(in);
        } catch (FlvException expected) {
            if (in.position() != 1) {
                throw new AssertionError("position moved on failure");
            }
            return;
        }
        int size = audio ? ((AudioTagBody) body).encodedSize() : ((VideoTagBody) body).encodedSize();
        ByteBuffer out = ByteBuffer.allocate(size);
        if (audio) {
            ((AudioTagBody) body).writeTo(out);
        } else {
            ((VideoTagBody) body).writeTo(out);
        }
        if (out.hasRemaining()) {
            throw new AssertionError("encodedSize " + size + " but wrote " + out.position());
        }
        Object again = audio ? AudioTagBody.parse(out.flip()) : VideoTagBody.parse(out.flip());
        if (!again.equals(body)) {
            throw new AssertionError("parse(write(parse(x))) != parse(x): " + body + " vs " + again);
        }
    }
}
