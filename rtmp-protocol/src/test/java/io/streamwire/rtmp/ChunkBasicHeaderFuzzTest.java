package io.streamwire.rtmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/** Jazzer target for {@link ChunkBasicHeader#tryParse}; seeds under {@code ChunkBasicHeaderFuzzTestInputs/parse/}. */
class ChunkBasicHeaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        ChunkBasicHeader header;
        while ((header = ChunkBasicHeader.tryParse(in)) != null) {
            if (header.chunkStreamId() < ChunkBasicHeader.MIN_CHUNK_STREAM_ID) {
                throw new AssertionError(header);
            }
        }
        if (in.remaining() >= 3) {
            throw new AssertionError("stopped with " + in.remaining() + " bytes left");
        }
    }
}
