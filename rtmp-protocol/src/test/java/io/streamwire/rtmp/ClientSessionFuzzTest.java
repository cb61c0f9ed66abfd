package io.streamwire.rtmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Jazzer target for {@link ClientSession}: after a valid simple handshake, any chunk bytes (then
 * {@code endOfInput}) only ever raise a {@link StreamwireException} of module "rtmp", AMF errors
 * included. Seeds under {@code ClientSessionFuzzTestInputs/client/} are real command sequences
 * (publish, play).
 */
class ClientSessionFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void client(byte[] data) {
        ClientSession client = new ClientSession(new ClientSession.Listener() {
            @Override
            public void onPublishStarted(ClientSession s, int streamId) {
                s.sendMedia(8, 0, ByteBuffer.wrap(new byte[10]));
                s.close();
            }
        }, data.length % 2 == 0, "live", "rtmp://x/live", "key", false, ServerSessionFuzzTest.LIMITS, ServerSessionFuzzTest.AMF,
                new Random(3));
        ServerHandshake hs = new ServerHandshake(new Random(4));
        hs.read(client.pollOutbound());
        client.feed(hs.takeOutbound());
        try {
            client.feed(ByteBuffer.wrap(data));
            client.endOfInput();
        } catch (StreamwireException expected) {
            ChunkDecoderFuzzTest.requireRtmp(expected);
        }
        while (client.pollOutbound() != null) {
            // drain
        }
    }
}
