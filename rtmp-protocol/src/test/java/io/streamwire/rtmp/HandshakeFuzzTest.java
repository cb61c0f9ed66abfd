package io.streamwire.rtmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Jazzer target for both handshake roles: any bytes only ever raise a {@link StreamwireException} of
 * module "rtmp"; nothing past C2/S2 is consumed.
 */
class HandshakeFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void handshake(byte[] data) {
        ServerHandshake server = new ServerHandshake(new Random(1));
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            if (server.read(in) && in.position() != 1 + 2 * 1536) {
                throw new AssertionError("server consumed " + in.position() + " bytes");
            }
        } catch (StreamwireException expected) {
            ChunkDecoderFuzzTest.requireRtmp(expected);
        }
        ClientHandshake client = new ClientHandshake(data.length % 2 == 0, new Random(2));
        ByteBuffer in2 = ByteBuffer.wrap(data);
        try {
            if (client.read(in2) && in2.position() != 1 + 2 * 1536) {
                throw new AssertionError("client consumed " + in2.position() + " bytes");
            }
        } catch (StreamwireException expected) {
            ChunkDecoderFuzzTest.requireRtmp(expected);
        }
    }
}
