package io.streamwire.mpegts.pes;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.mpegts.TsException;
import java.nio.ByteBuffer;

/** Jazzer target for {@link PesHeader#parse}: only TsException, and parse(write(h)) == h. Seeds under {@code PesHeaderFuzzTestInputs/parse/}. */
class PesHeaderFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        PesHeader header;
        try {
            header = PesHeader.parse(in);
        } catch (TsException expected) {
            return;
        }
        if (in.position() != header.encodedSize()) {
            throw new AssertionError("consumed " + in.position() + " but encodes to " + header.encodedSize());
        }
        ByteBuffer out = ByteBuffer.allocate(header.encodedSize());
        header.writeTo(out);
        if (!PesHeader.parse(out.flip()).equals(header)) {
            throw new AssertionError("round trip changed " + header);
        }
    }
}
