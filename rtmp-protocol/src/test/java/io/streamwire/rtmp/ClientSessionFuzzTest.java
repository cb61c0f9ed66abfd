package io.streamwire.rtmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Jazzer target for {@link ClientSession}: after a valid simple handshake,
 * any chunk bytes only ever raise {@link RtmpException}. Seeds under
 * {@code ClientSessionFuzzTestInputs/client/} are real command sequences (publish, play).
 */
class ClientSessionFuzzTest {
    @FuzzTest(maxDuration = "120s")
    void client(byte[] data) {
        ClientSession client = new ClientSession(new ClientSession.Listener() {
            @Override
            public void onPublishStarted(ClientSession s, int streamId) {
                s.sendMedia(8, 0, ByteBuffer.wrap(new byte[10]));
                s.close();
            }
        }, data.length % 2 == 0, "live", "rtmp://x/live", "key", false, ServerSessionFuzzTest.LIMITS, ServerSessionFuzzTest.AMF, new Random(3));
        ServerHandshake hs = new ServerHandshake(new Random(4));
        hs.feed(client.pollOutbound());
        client.feed(hs.takeOutbound());
        try {
            client.feed(ByteBuffer.wrap(data));
        } catch (RtmpException expected) {
            // fine
        }
        while (client.pollOutbound() != null) {
            // drain
        }
    }
}
