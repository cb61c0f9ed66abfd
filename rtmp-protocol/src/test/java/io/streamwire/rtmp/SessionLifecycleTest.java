package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.amf.AmfLimits;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The input side of {@link ServerSession} and {@link ClientSession} as {@link io.streamwire.core.StreamDecoder}s. */
class SessionLifecycleTest {

    @Test
    void positionCountsTheHandshakeAndEndOfInputChecksForACutStream() {
        byte[] input = Recordings.publisherToServer();
        ServerSession server = new ServerSession(ServerSessionFuzzTest.acceptingListener());
        server.feed(ByteBuffer.wrap(input, 0, 1000));
        assertThat(server.position()).isEqualTo(1000);
        assertThatThrownBy(server::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("rtmp");
            assertThat(e.field()).isEqualTo("handshake C0+C1+C2");
            assertThat(e.getMessage()).contains("needs 3073 bytes, 1000 arrived");
        });
        assertThatThrownBy(() -> server.feed(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(TruncatedInputException.class);
        server.reset();
        assertThat(server.position()).isZero();
        assertThat(server.hasOutbound()).isFalse();
        server.feed(ByteBuffer.wrap(input));
        assertThat(server.position()).isEqualTo(input.length);
        server.endOfInput();
        server.endOfInput(); // a second call does nothing
        assertThatThrownBy(() -> server.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConnectionClosedBeforeAnyByteIsNotAnError() {
        ServerSession server = new ServerSession(new ServerSession.Listener() { });
        server.endOfInput();
        ClientSession client = Recordings.player(new ClientSession.Listener() { });
        client.endOfInput();
        assertThat(client.pollOutbound().remaining()).as("C0+C1 still to send").isEqualTo(1537);
    }

    @Test
    void aMessageCutShortAtEndOfInputIsTruncation() {
        byte[] input = Recordings.publisherToServer();
        ServerSession server = new ServerSession(ServerSessionFuzzTest.acceptingListener());
        server.feed(ByteBuffer.wrap(input, 0, input.length - 3));
        assertThatThrownBy(server::endOfInput).isInstanceOf(TruncatedInputException.class)
                .hasMessageContaining("input ended inside a chunk or message");
    }

    @Test
    void resetStartsANewConnection() {
        byte[] answers = Recordings.serverToPlayer();
        List<String> events = new ArrayList<>();
        ClientSession client = Recordings.player(new ClientSession.Listener() {
            @Override
            public void onPlayStarted(ClientSession s, int streamId) {
                events.add("playing " + streamId);
            }
        });
        byte[] c0c1 = drain(client);
        client.feed(ByteBuffer.wrap(answers));
        client.endOfInput();
        assertThat(events).containsExactly("playing 1");
        assertThat(client.streamId()).isEqualTo(1);
        client.reset();
        assertThat(client.streamId()).isZero();
        assertThat(client.position()).isZero();
        byte[] again = drain(client);
        assertThat(again).hasSize(1537).isNotEqualTo(c0c1); // a new C1 from the same random source
        client.feed(ByteBuffer.wrap(answers));
        assertThat(events).containsExactly("playing 1", "playing 1");
    }

    @Test
    void anAmfLimitInACommandIsALimitOfTheRtmpModule() {
        byte[] input = Recordings.publisherToServer();
        ServerSession server = new ServerSession(ServerSessionFuzzTest.acceptingListener(), RtmpLimits.defaults(),
                AmfLimits.defaults().withMaxStringBytes(3), new Random(1));
        assertThatThrownBy(() -> server.feed(ByteBuffer.wrap(input))).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.module()).isEqualTo("rtmp");
            assertThat(e.limitName()).isEqualTo("AmfLimits.maxStringBytes()");
            assertThat(e.field()).startsWith("command ");
            assertThat(e.getCause()).isInstanceOfSatisfying(LimitExceededException.class,
                    c -> assertThat(c.module()).isEqualTo("amf"));
        });
    }

    static byte[] drain(ClientSession client) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (ByteBuffer b; (b = client.pollOutbound()) != null; ) {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
