package io.streamwire.aac;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link AdtsHeader#parse}: any bytes either raise {@link AacException} (never
 * another exception, not even another {@link io.streamwire.core.StreamwireException}) or parse into
 * a header that writes back the same 7 bytes. Seeds run in every build (regression mode) from
 * {@code src/test/resources/io/streamwire/aac/AdtsHeaderFuzzTestInputs/parse/}; run
 * {@code JAZZER_FUZZ=1 ./mvnw -pl aac-adts test -Dtest=AdtsHeaderFuzzTest} to fuzz for real.
 */
class AdtsHeaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        while (in.remaining() >= 7) {
            AdtsHeader header;
            try {
                header = AdtsHeader.parse(in);
            } catch (AacException expected) {
                in.position(in.position() + 1);
                continue;
            }
            ByteBuffer out = ByteBuffer.allocate(7);
            header.writeTo(out);
            for (int i = 0; i < 7; i++) {
                if (out.get(i) != in.get(in.position() - 7 + i)) {
                    throw new AssertionError("write(parse(x)) != x at byte " + i);
                }
            }
        }
    }
}
