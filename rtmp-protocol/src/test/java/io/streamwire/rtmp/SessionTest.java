package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Null;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.AmfLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ClientSession} and {@link ServerSession} talking to each other in memory. */
class SessionTest {
    final List<String> serverEvents = new ArrayList<>();
    final List<String> clientEvents = new ArrayList<>();
    final List<Msg> serverMedia = new ArrayList<>();
    final List<Msg> clientMedia = new ArrayList<>();
    boolean rejectPublish;

    final ServerSession server = new ServerSession(new ServerSession.Listener() {
        @Override
        public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) {
            serverEvents.add("connect " + c.app() + " " + c.tcUrl());
            s.accept(id);
        }

        @Override
        public void onPublishRequest(ServerSession s, long id, int streamId, RtmpCommand.Publish p) {
            serverEvents.add("publish " + streamId + " " + p.streamKey() + " " + p.queryParameters());
            if (rejectPublish) {
                s.reject(id, "bad key");
            } else {
                s.accept(id);
            }
        }

        @Override
        public void onPlayRequest(ServerSession s, long id, int streamId, RtmpCommand.Play p) {
            serverEvents.add("play " + streamId + " " + p.streamKey());
            s.accept(id);
        }

        @Override
        public void onMedia(ServerSession s, int streamId, int type, long ts, ByteBuffer body) {
            serverMedia.add(Msg.of(0, ts, type, streamId, body));
        }

        @Override
        public void onData(ServerSession s, int streamId, long ts, DataMessage data) {
            serverEvents.add("data " + data.getClass().getSimpleName());
        }

        @Override
        public void onStreamEnded(ServerSession s, int streamId) {
            serverEvents.add("ended " + streamId);
        }
    }, RtmpLimits.defaults(), AmfLimits.defaults(), new Random(3));

    ClientSession client(boolean publisher, String name) {
        return new ClientSession(new ClientSession.Listener() {
            @Override
            public void onPublishStarted(ClientSession s, int streamId) {
                clientEvents.add("publishing " + streamId);
            }

            @Override
            public void onPlayStarted(ClientSession s, int streamId) {
                clientEvents.add("playing " + streamId);
            }

            @Override
            public void onError(ClientSession s, RtmpCommand c) {
                clientEvents.add("error " + (c instanceof RtmpCommand.OnStatus st ? st.code() : c.toString()));
            }

            @Override
            public void onMedia(ClientSession s, int streamId, int type, long ts, ByteBuffer body) {
                clientMedia.add(Msg.of(0, ts, type, streamId, body));
            }

            @Override
            public void onStreamEnded(ClientSession s, int streamId) {
                clientEvents.add("ended " + streamId);
            }
        }, publisher, "live", "rtmp://localhost/live", name, true, RtmpLimits.defaults(), AmfLimits.defaults(), new Random(4));
    }

    /** Moves bytes both ways until nothing is left, in 1000-byte pieces. */
    void pump(ClientSession client) {
        boolean moved = true;
        while (moved) {
            moved = false;
            ByteBuffer b;
            while ((b = client.pollOutbound()) != null) {
                moved = true;
                feedInPieces(b, server::feed);
            }
            while ((b = server.pollOutbound()) != null) {
                moved = true;
                feedInPieces(b, client::feed);
            }
        }
    }

    static void feedInPieces(ByteBuffer b, java.util.function.Consumer<ByteBuffer> feed) {
        while (b.hasRemaining()) {
            int n = Math.min(1000, b.remaining());
            ByteBuffer piece = b.slice(b.position(), n);
            feed.accept(piece);
            assertThat(piece.hasRemaining()).isFalse();
            b.position(b.position() + n);
        }
    }

    @Test
    void publishFlowDeliversMediaAndEnds() {
        ClientSession client = client(true, "key?token=abc&x=1");
        pump(client);
        assertThat(clientEvents).containsExactly("publishing 1");
        assertThat(client.isDigestHandshake()).isTrue();
        assertThat(server.isDigestHandshake()).isTrue();
        client.sendMetaData(0, Amf0Value.object(Map.of("width", Amf0Value.of(320))));
        byte[] video = new byte[10_000];
        new Random(1).nextBytes(video);
        client.sendMedia(9, 0x1000000L + 40, ByteBuffer.wrap(video)); // past 2^24 ms
        client.sendMedia(8, 0x1000000L + 43, ByteBuffer.wrap(new byte[] {(byte) 0xAF, 1, 2}));
        client.close();
        pump(client);
        assertThat(serverEvents).containsExactly("connect live rtmp://localhost/live", "publish 1 key {token=abc, x=1}",
                "data MetaData", "ended 1");
        assertThat(serverMedia).containsExactly(new Msg(0, 0x1000000L + 40, 9, 1, video),
                new Msg(0, 0x1000000L + 43, 8, 1, new byte[] {(byte) 0xAF, 1, 2}));
    }

    @Test
    void rejectedPublishReachesTheClientAsAnError() {
        rejectPublish = true;
        ClientSession client = client(true, "wrong");
        pump(client);
        assertThat(clientEvents).containsExactly("error NetStream.Publish.BadName");
        assertThat(client.isActive()).isFalse();
    }

    @Test
    void playFlowReceivesMediaAcknowledgesAndEnds() {
        ClientSession client = client(false, "key");
        pump(client);
        assertThat(clientEvents).containsExactly("playing 1");
        byte[] frame = new byte[100_000];
        EncodedMessage shared = ServerSession.shareMedia(1, 9, 0, ByteBuffer.wrap(frame));
        for (int i = 0; i < 30; i++) { // 3 MB: past the 2,500,000-byte window the server announced
            server.sendShared(1, shared);
            pump(client);
        }
        server.endStream(1);
        pump(client);
        assertThat(clientMedia).hasSize(30);
        assertThat(clientEvents).containsExactly("playing 1", "ended 1");
        assertThat(server.peerAcknowledged()).as("the client acknowledged").isGreaterThan(2_500_000L);
    }

    @Test
    void sharedMediaCutForAnotherStreamIdReachesThePlayerOnItsOwn() {
        ClientSession client = client(false, "key");
        pump(client);
        assertThat(client.streamId()).isEqualTo(1);
        byte[] frame = new byte[10_000];
        new Random(4).nextBytes(frame);
        EncodedMessage forStream7 = ServerSession.shareMedia(7, 9, 40, ByteBuffer.wrap(frame));
        EncodedMessage fanOut = ServerSession.shareMedia(8, 80, ByteBuffer.wrap(new byte[] {(byte) 0xAF, 1, 2}));
        server.sendShared(1, forStream7); // re-stamped: first header with stream id 1, the rest shared
        server.sendShared(1, fanOut);
        server.sendMedia(1, 9, 120, ByteBuffer.wrap(frame)); // the encoder state after shared messages is right
        pump(client);
        assertThat(clientMedia).containsExactly(new Msg(0, 40, 9, 1, frame),
                new Msg(0, 80, 8, 1, new byte[] {(byte) 0xAF, 1, 2}), new Msg(0, 120, 9, 1, frame));
    }

    @Test
    void pingRequestIsAnswered() {
        ClientSession client = client(false, "key");
        pump(client);
        // the client's chunk encoder state is unknown here, so answer with a fresh decoder on the server's output
        ByteBuffer ping = new ChunkEncoder().encode(2, 0, MessageType.USER_CONTROL, 0,
                new UserControlMessage(UserControlMessage.PING_REQUEST, 1234, 0).toPayload());
        assertThat(ping.remaining()).isPositive();
        List<ControlMessage> answers = new ArrayList<>();
        ChunkDecoder serverOut = new ChunkDecoder((cs, ts, t, sid, p) -> {
            if (MessageType.isControl(t)) {
                answers.add(ControlMessage.parse(t, p, 0));
            }
        }, RtmpLimits.defaults());
        // a raw client: handshake by hand, then a ping request
        ServerSession fresh = new ServerSession(new ServerSession.Listener() { }, RtmpLimits.defaults(), AmfLimits.defaults(),
                new Random(5));
        ClientHandshake hs = new ClientHandshake(false, new Random(6));
        fresh.feed(hs.takeOutbound());
        ByteBuffer s0s1s2 = fresh.pollOutbound();
        hs.read(s0s1s2);
        fresh.feed(hs.takeOutbound());
        fresh.feed(ping);
        ByteBuffer out;
        while ((out = fresh.pollOutbound()) != null) {
            serverOut.feed(out);
        }
        assertThat(answers).contains(new UserControlMessage(UserControlMessage.PING_RESPONSE, 1234, 0));
    }

    @Test
    void mediaOnStreamZeroAfterPublishingIsTheOnePublishingStreamsAndStrayMediaIsReported() {
        List<Msg> other = new ArrayList<>();
        List<Msg> media = new ArrayList<>();
        List<String> data = new ArrayList<>();
        ServerSession fresh = new ServerSession(new ServerSession.Listener() {
            @Override
            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) {
                s.accept(id);
            }

            @Override
            public void onPublishRequest(ServerSession s, long id, int streamId, RtmpCommand.Publish p) {
                s.accept(id);
            }

            @Override
            public void onMedia(ServerSession s, int streamId, int type, long ts, ByteBuffer body) {
                media.add(Msg.of(0, ts, type, streamId, body));
            }

            @Override
            public void onData(ServerSession s, int streamId, long ts, DataMessage d) {
                data.add(streamId + " " + d.getClass().getSimpleName());
            }

            @Override
            public void onOtherMessage(ServerSession s, int sid, int type, long ts, ByteBuffer payload) {
                other.add(Msg.of(0, ts, type, sid, payload));
            }
        }, RtmpLimits.defaults(), AmfLimits.defaults(), new Random(5));
        ClientSession client = client(true, "key");
        boolean moved = true;
        while (moved) { // handshake, connect, createStream, publish
            moved = false;
            for (ByteBuffer b; (b = client.pollOutbound()) != null; moved = true) {
                fresh.feed(b);
            }
            for (ByteBuffer b; (b = fresh.pollOutbound()) != null; moved = true) {
                client.feed(b);
            }
        }
        assertThat(clientEvents).containsExactly("publishing 1");
        ChunkEncoder relay = new ChunkEncoder(); // what node-media-server's relay sends: media on message stream 0
        relay.setChunkSize(ClientSession.CHUNK_SIZE);
        fresh.feed(relay.encode(20, 40, MessageType.VIDEO, 0, ByteBuffer.wrap(new byte[] {0x17, 1, 0, 0, 0})));
        fresh.feed(relay.encode(21, 40, MessageType.DATA_AMF0, 0,
                ByteBuffer.wrap(new DataMessage.MetaData(true, Amf0Value.object(Map.of())).toByteArray())));
        fresh.feed(relay.encode(20, 80, MessageType.VIDEO, 7, ByteBuffer.wrap(new byte[] {0x27, 1, 0, 0, 0})));
        assertThat(media).containsExactly(new Msg(0, 40, 9, 1, new byte[] {0x17, 1, 0, 0, 0}));
        assertThat(data).containsExactly("1 MetaData");
        assertThat(other).as("media on a stream that does not publish is reported, not dropped silently")
                .containsExactly(new Msg(0, 80, 9, 7, new byte[] {0x27, 1, 0, 0, 0}));
    }

    @Test
    void sharedObjectMessagesReachTheApplicationRaw() {
        List<Msg> other = new ArrayList<>();
        ServerSession fresh = new ServerSession(new ServerSession.Listener() {
            @Override
            public void onOtherMessage(ServerSession s, int sid, int type, long ts, ByteBuffer payload) {
                other.add(Msg.of(0, ts, type, sid, payload));
            }
        }, RtmpLimits.defaults(), AmfLimits.defaults(), new Random(5));
        ClientHandshake hs = new ClientHandshake(false, new Random(6));
        fresh.feed(hs.takeOutbound());
        hs.read(fresh.pollOutbound());
        fresh.feed(hs.takeOutbound());
        fresh.feed(new ChunkEncoder().encode(3, 7, MessageType.SHARED_OBJECT_AMF0, 0, ByteBuffer.wrap(new byte[] {0, 2, 's', 'o'})));
        assertThat(other).containsExactly(new Msg(0, 7, 19, 0, new byte[] {0, 2, 's', 'o'}));
    }

    @Test
    void publishBeforeConnectIsRejectedAsUnexpected() {
        ServerSession fresh = new ServerSession(new ServerSession.Listener() { }, RtmpLimits.defaults(), AmfLimits.defaults(),
                new Random(5));
        ClientHandshake hs = new ClientHandshake(true, new Random(6));
        fresh.feed(hs.takeOutbound());
        hs.read(fresh.pollOutbound());
        fresh.feed(hs.takeOutbound());
        ByteBuffer publish = new ChunkEncoder().encode(3, 0, MessageType.COMMAND_AMF0, 1, ByteBuffer.wrap(
                Amf0Command.of("publish", 0, Amf0Null.INSTANCE, Amf0Value.of("key"), Amf0Value.of("live")).toByteArray()));
        assertThatThrownBy(() -> fresh.feed(publish)).isInstanceOf(RtmpException.class)
                .hasMessageContaining("command publish before connect");
        assertThatThrownBy(() -> fresh.feed(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedAmfIsAnRtmpExceptionWithOffset() {
        ServerSession fresh = new ServerSession(new ServerSession.Listener() { }, RtmpLimits.defaults(), AmfLimits.defaults(),
                new Random(5));
        ClientHandshake hs = new ClientHandshake(false, new Random(6));
        fresh.feed(hs.takeOutbound());
        hs.read(fresh.pollOutbound());
        fresh.feed(hs.takeOutbound());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {2, 0, 7, 'c', 'o', 'n', 'n', 'e', 'c', 't', 0x00, 0x3F}); // number cut short
        ByteBuffer bad = new ChunkEncoder().encode(3, 0, MessageType.COMMAND_AMF0, 0, ByteBuffer.wrap(body.toByteArray()));
        assertThatThrownBy(() -> fresh.feed(bad)).isInstanceOfSatisfying(RtmpException.class, e -> {
            assertThat(e.field()).startsWith("command amf0");
            assertThat(e.offset()).isGreaterThanOrEqualTo(3073 + 12);
        });
    }
}
