package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamDecoder;
import io.streamwire.testkit.DecoderContract;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared stream-decoder contract on the input side of both sessions, fed what the other side
 * sent in a recorded session (handshake included): every split gives the same events, the
 * lifecycle rules hold, a failure is final until reset, and only module "rtmp" exceptions escape
 * for mutated input (AMF errors in commands included). The invalid input starts with version 6
 * (RTMPE), an UnsupportedFeatureException.
 */
class SessionContractTest {

    /** A session and the events its listener recorded. */
    private static DecoderContract.Subject subject(StreamDecoder decoder, List<Object> events) {
        return new DecoderContract.Subject() {
            @Override
            public StreamDecoder decoder() {
                return decoder;
            }

            @Override
            public List<Object> events() {
                return events;
            }
        };
    }

    /** A server that accepts every request and records what it reports. */
    static DecoderContract.Subject server() {
        List<Object> events = new ArrayList<>();
        ServerSession server = new ServerSession(new ServerSession.Listener() {
            @Override
            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) {
                events.add("connect " + c.app() + " " + c.tcUrl() + " " + c.flashVer());
                s.accept(id);
            }

            @Override
            public void onPublishRequest(ServerSession s, long id, int streamId, RtmpCommand.Publish p) {
                events.add("publish " + streamId + " " + p.streamKey());
                s.accept(id);
            }

            @Override
            public void onPlayRequest(ServerSession s, long id, int streamId, RtmpCommand.Play p) {
                events.add("play " + streamId + " " + p.streamKey());
                s.accept(id);
            }

            @Override
            public void onMedia(ServerSession s, int streamId, int type, long ts, ByteBuffer body) {
                events.add(Msg.of(0, ts, type, streamId, body));
            }

            @Override
            public void onData(ServerSession s, int streamId, long ts, DataMessage data) {
                events.add("data " + streamId + " " + ts + " " + data);
            }

            @Override
            public void onStreamEnded(ServerSession s, int streamId) {
                events.add("ended " + streamId);
            }

            @Override
            public void onCommand(ServerSession s, int streamId, RtmpCommand command) {
                events.add("command " + streamId + " " + command);
            }

            @Override
            public void onControl(ServerSession s, ControlMessage message) {
                events.add("control " + message);
            }

            @Override
            public void onOtherMessage(ServerSession s, int streamId, int type, long ts, ByteBuffer payload) {
                events.add(Msg.of(-1, ts, type, streamId, payload));
            }

            @Override
            public void onAnomaly(Anomaly<RtmpAnomalyKind> anomaly) {
                events.add(anomaly);
            }
        }, RtmpLimits.defaults(), io.streamwire.amf.AmfLimits.defaults(), new java.util.Random(1));
        return subject(server, events);
    }

    /** A player like the recorded one, recording what it reports. */
    static DecoderContract.Subject player() {
        List<Object> events = new ArrayList<>();
        ClientSession client = Recordings.player(new ClientSession.Listener() {
            @Override
            public void onConnected(ClientSession s, RtmpCommand.Result result) {
                events.add("connected " + result);
            }

            @Override
            public void onPlayStarted(ClientSession s, int streamId) {
                events.add("playing " + streamId);
            }

            @Override
            public void onStatus(ClientSession s, int streamId, RtmpCommand.OnStatus status) {
                events.add("status " + streamId + " " + status);
            }

            @Override
            public void onError(ClientSession s, RtmpCommand command) {
                events.add("error " + command);
            }

            @Override
            public void onMedia(ClientSession s, int streamId, int type, long ts, ByteBuffer body) {
                events.add(Msg.of(0, ts, type, streamId, body));
            }

            @Override
            public void onData(ClientSession s, int streamId, long ts, DataMessage data) {
                events.add("data " + streamId + " " + ts + " " + data);
            }

            @Override
            public void onStreamEnded(ClientSession s, int streamId) {
                events.add("ended " + streamId);
            }

            @Override
            public void onCommand(ClientSession s, int streamId, RtmpCommand command) {
                events.add("command " + streamId + " " + command);
            }

            @Override
            public void onControl(ClientSession s, ControlMessage message) {
                events.add("control " + message);
            }

            @Override
            public void onOtherMessage(ClientSession s, int streamId, int type, long ts, ByteBuffer payload) {
                events.add(Msg.of(-1, ts, type, streamId, payload));
            }

            @Override
            public void onAnomaly(Anomaly<RtmpAnomalyKind> anomaly) {
                events.add(anomaly);
            }
        });
        return subject(client, events);
    }

    static byte[] rtmpe(byte[] session) {
        byte[] bad = session.clone();
        bad[0] = 6;
        return bad;
    }

    /** Feeds {@code input} whole and counts the audio and video messages the listener got. */
    static long mediaMessages(DecoderContract.Subject subject, byte[] input) {
        subject.decoder().feed(ByteBuffer.wrap(input));
        subject.decoder().endOfInput();
        return subject.events().stream().filter(e -> e instanceof Msg m && m.csid() == 0).count();
    }

    @Test
    void serverSessionFedAPublisher() {
        byte[] input = Recordings.publisherToServer();
        assertThat(mediaMessages(server(), input)).isEqualTo(Recordings.tags().size()).isGreaterThan(10);
        new DecoderContract("rtmp", SessionContractTest::server, input, rtmpe(input)).mutations(200).verify();
    }

    @Test
    void clientSessionFedAServer() {
        byte[] input = Recordings.serverToPlayer();
        assertThat(mediaMessages(player(), input)).isEqualTo(Recordings.tags().size()).isGreaterThan(10);
        new DecoderContract("rtmp", SessionContractTest::player, input, rtmpe(input)).mutations(200).verify();
    }
}
