package io.streamwire.rtmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.amf.AmfLimits;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Jazzer target for {@link ServerSession}: after a valid simple handshake, any chunk bytes (then
 * {@code endOfInput}) only ever raise a {@link StreamwireException} of module "rtmp", AMF errors
 * included. Seeds under {@code ServerSessionFuzzTestInputs/server/} are real command sequences
 * (publish, play).
 */
class ServerSessionFuzzTest {
    static final RtmpLimits LIMITS = RtmpLimits.defaults().withMaxMessageLength(1 << 16).withMaxBufferedBytes(1 << 18)
            .withMaxChunkStreams(16).withMaxChunkSize(1 << 16);
    static final AmfLimits AMF = AmfLimits.defaults().withMaxDepth(16).withMaxElements(1024).withMaxStringBytes(1 << 16);

    /** Accepts connect, publish (unless the key is empty) and play; plays 300 bytes of video and ends. */
    static ServerSession.Listener acceptingListener() {
        return new ServerSession.Listener() {
            @Override
            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) {
                s.accept(id);
            }

            @Override
            public void onPublishRequest(ServerSession s, long id, int streamId, RtmpCommand.Publish p) {
                if (p.streamKey().isEmpty()) {
                    s.reject(id, "empty");
                } else {
                    s.accept(id);
                }
            }

            @Override
            public void onPlayRequest(ServerSession s, long id, int streamId, RtmpCommand.Play p) {
                s.accept(id);
                s.sendMedia(streamId, 9, 0, ByteBuffer.wrap(new byte[300]));
                s.endStream(streamId);
            }
        };
    }

    @FuzzTest(maxDuration = "60s")
    void server(byte[] data) {
        ServerSession server = new ServerSession(acceptingListener(), LIMITS, AMF, new Random(1));
        ClientHandshake hs = new ClientHandshake(false, new Random(2));
        server.feed(hs.takeOutbound());
        hs.read(server.pollOutbound());
        server.feed(hs.takeOutbound());
        try {
            server.feed(ByteBuffer.wrap(data));
            server.endOfInput();
        } catch (StreamwireException expected) {
            ChunkDecoderFuzzTest.requireRtmp(expected);
        }
        while (server.pollOutbound() != null) {
            // drain
        }
    }
}
