package io.streamwire.rtmp;

import io.streamwire.amf.AmfLimits;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * Byte streams recorded from a {@link ClientSession} and a {@link ServerSession} talking in memory
 * (digest handshake, chunk size 4096, as ffmpeg and nginx-rtmp use them), carrying the first tags of
 * the 4 s H.264 + AAC fixture: what the contract tests feed. The same seeds give the same bytes on
 * every run.
 */
final class Recordings {
    static final String FIXTURE = "flv/h264-aac-4s.flv";
    /** The random seed of the recorded client; a client built with it sends the same C1. */
    static final long CLIENT_SEED = 3;
    static final int HANDSHAKE = 1 + 2 * 1536;
    /** Bytes of tag bodies the recordings carry (see {@link #tags()}). */
    static final int BODY_BYTES = 20_000;

    private Recordings() {}

    /** A publisher of {@code key} like the recorded one. */
    static ClientSession publisher(ClientSession.Listener listener) {
        return new ClientSession(listener, true, "live", "rtmp://localhost/live", "key", true, RtmpLimits.defaults(),
                AmfLimits.defaults(), new Random(CLIENT_SEED));
    }

    /** A player of {@code key} like the recorded one. */
    static ClientSession player(ClientSession.Listener listener) {
        return new ClientSession(listener, false, "live", "rtmp://localhost/live", "key", true, RtmpLimits.defaults(),
                AmfLimits.defaults(), new Random(CLIENT_SEED));
    }

    /**
     * What a publishing client sends: C0+C1, C2, then its chunk stream (Set Chunk Size, connect,
     * releaseStream, FCPublish, createStream, publish, @setDataFrame, the audio and video tags,
     * FCUnpublish, deleteStream).
     */
    static byte[] publisherToServer() {
        ByteArrayOutputStream toServer = new ByteArrayOutputStream();
        ServerSession server = new ServerSession(ServerSessionFuzzTest.acceptingListener(), RtmpLimits.defaults(),
                AmfLimits.defaults(), new Random(1));
        ClientSession client = publisher(new ClientSession.Listener() { });
        pump(client, server, toServer, null);
        if (!client.isActive()) {
            throw new AssertionError("the recorded publisher did not start");
        }
        client.sendMetaData(0, io.streamwire.amf.Amf0Value.object(java.util.Map.of("width", io.streamwire.amf.Amf0Value.of(320))));
        for (FlvFile.Tag t : tags()) {
            client.sendMedia(t.type(), t.timestamp(), ByteBuffer.wrap(t.body()));
            pump(client, server, toServer, null);
        }
        client.close();
        pump(client, server, toServer, null);
        return toServer.toByteArray();
    }

    /** What the server sends a playing client: S0+S1+S2, then its chunk stream with the audio and video tags. */
    static byte[] serverToPlayer() {
        ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        ServerSession server = new ServerSession(new ServerSession.Listener() {
            @Override
            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) {
                s.accept(id);
            }

            @Override
            public void onPlayRequest(ServerSession s, long id, int streamId, RtmpCommand.Play p) {
                s.accept(id);
                for (FlvFile.Tag t : tags()) {
                    s.sendMedia(streamId, t.type(), t.timestamp(), ByteBuffer.wrap(t.body()));
                }
                s.endStream(streamId);
            }
        }, RtmpLimits.defaults(), AmfLimits.defaults(), new Random(1));
        ClientSession client = player(new ClientSession.Listener() { });
        pump(client, server, null, toClient);
        return toClient.toByteArray();
    }

    /**
     * The first audio and video tags of the fixture, about {@link #BODY_BYTES} bytes of them (its
     * sequence headers, then about 0.7 s): the contract test makes a copy of the input per split
     * point, so its memory grows with the square of the input.
     */
    static List<FlvFile.Tag> tags() {
        List<FlvFile.Tag> kept = new java.util.ArrayList<>();
        int bytes = 0;
        for (FlvFile.Tag t : FlvFile.tags(Fixtures.bytes(FIXTURE))) {
            if ((t.type() == 8 || t.type() == 9) && bytes < BODY_BYTES) {
                kept.add(t);
                bytes += t.body().length;
            }
        }
        return kept;
    }

    /** Moves bytes both ways until nothing is left, recording what each side sent. */
    private static void pump(ClientSession client, ServerSession server, ByteArrayOutputStream toServer,
            ByteArrayOutputStream toClient) {
        boolean moved = true;
        while (moved) {
            moved = false;
            ByteBuffer b;
            while ((b = client.pollOutbound()) != null) {
                moved = true;
                if (toServer != null) {
                    toServer.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                }
                server.feed(b);
            }
            while ((b = server.pollOutbound()) != null) {
                moved = true;
                byte[] bytes = new byte[b.remaining()];
                b.get(b.position(), bytes);
                if (toClient != null) {
                    toClient.writeBytes(bytes);
                }
                client.feed(b);
            }
        }
    }
}
