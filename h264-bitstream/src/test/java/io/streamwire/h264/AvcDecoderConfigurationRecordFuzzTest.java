package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link AvcDecoderConfigurationRecord#parse}: only a {@link StreamwireException}
 * of module {@code "h264"} may escape, and what parses must survive write then parse. Seeds under
 * {@code AvcDecoderConfigurationRecordFuzzTestInputs/parse/}.
 */
class AvcDecoderConfigurationRecordFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        AvcDecoderConfigurationRecord record;
        try {
            record = AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(data));
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
            return;
        }
        if (!AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(record.toByteArray())).equals(record)) {
            throw new AssertionError("parse(write(record)) != record");
        }
    }
}
