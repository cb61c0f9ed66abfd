package io.streamwire.mpegts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Jazzer target for the opt-in payload probe {@link StreamType#probe}: it never throws, answers one
 * of {@code AAC_ADTS}, {@code AAC_LATM}, {@code AC3}, {@code EAC3} or {@code OTHER}, moves neither
 * position nor limit, reads nothing outside them (the same bytes placed between others in a direct
 * buffer give the same answer). Seeds and findings under {@code StreamTypeProbeFuzzTestInputs/probe/}.
 */
class StreamTypeProbeFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void probe(byte[] data) {
        ByteBuffer heap = ByteBuffer.wrap(data);
        StreamType found = StreamType.probe(heap);
        switch (found) {
            case AAC_ADTS, AAC_LATM, AC3, EAC3, OTHER -> { }
            default -> throw new AssertionError("probe answered " + found);
        }
        if (heap.position() != 0 || heap.limit() != data.length) {
            throw new AssertionError("probe moved position/limit to " + heap.position() + "/" + heap.limit());
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length + 16);
        for (int i = 0; i < 8; i++) {
            direct.put((byte) 0x0B); // sync-like bytes on both sides must not be read
        }
        direct.put(data);
        for (int i = 0; i < 8; i++) {
            direct.put((byte) 0x77);
        }
        direct.limit(8 + data.length).position(8);
        if (StreamType.probe(direct) != found) {
            throw new AssertionError("a direct buffer with bytes around the input answers differently from " + found);
        }
    }
}
