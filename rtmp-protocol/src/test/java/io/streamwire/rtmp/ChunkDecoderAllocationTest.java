package io.streamwire.rtmp;

import io.streamwire.testkit.Allocation;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The slice path allocates nothing: a warm decoder delivers single-chunk messages as views of the fed buffer. */
class ChunkDecoderAllocationTest {

    @Test
    void singleChunkMessagesAllocateNothing() {
        ChunkEncoder encoder = new ChunkEncoder();
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        encoder.writeSetChunkSize(4096, out);
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[1 + random.nextInt(4000)];
            encoder.encode(i % 2 == 0 ? 4 : 6, i * 20L, i % 2 == 0 ? 8 : 9, 1, ByteBuffer.wrap(body), out);
        }
        ByteBuffer stream = out.flip();
        long[] sum = new long[1];
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, type, sid, payload) -> sum[0] += payload.remaining() + ts, RtmpLimits.defaults());
        Allocation.assertAllocatesNothing("ChunkDecoder single-chunk messages", 2000, 200, 0, () -> {
            stream.position(0);
            decoder.feed(stream);
        });
    }
}
