package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link HevcDecoderConfigurationRecord#parse}: arbitrary bytes parse or fail
 * with a module {@code "h265"} exception, leaving the position unchanged on failure; what parses
 * writes {@link HevcDecoderConfigurationRecord#encodedSize()} bytes that parse to an equal record.
 * Seeds under {@code HevcDecoderConfigurationRecordFuzzTestInputs/parse/}.
 */
class HevcDecoderConfigurationRecordFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        HevcDecoderConfigurationRecord r;
        try {
            r = HevcDecoderConfigurationRecord.parse(in);
        } catch (StreamwireException e) {
            if (!"h265".equals(e.module()) || in.position() != 0) {
                throw new AssertionError("bad failure", e);
            }
            return;
        }
        byte[] written = r.toByteArray();
        if (written.length != r.encodedSize() || written.length > in.position() || !HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(written)).equals(r)) {
            throw new AssertionError("the record does not round-trip");
        }
        r.codecString("hvc1");
    }
}
