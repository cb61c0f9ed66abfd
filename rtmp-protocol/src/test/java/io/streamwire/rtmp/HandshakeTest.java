package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.testkit.Chunks;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandshakeTest {

    private static byte[] drain(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    @ParameterizedTest(name = "digest={0} split={1}")
    @CsvSource({"true, 1", "false, 1", "true, 7", "false, 1537", "true, 5000"})
    void clientAndServerAgree(boolean digest, int pieceSize) {
        ClientHandshake client = new ClientHandshake(digest, new Random(1));
        ServerHandshake server = new ServerHandshake(new Random(2));
        byte[] c0c1 = drain(client.takeOutbound());
        assertThat(c0c1).hasSize(1537);
        for (byte[] piece : Chunks.fixed(c0c1, pieceSize)) {
            assertThat(server.read(ByteBuffer.wrap(piece))).isFalse();
        }
        assertThat(server.isDigest()).isEqualTo(digest);
        byte[] s0s1s2 = drain(server.takeOutbound());
        assertThat(s0s1s2).hasSize(3073);
        // the server's answer and the first chunk bytes may come in one read
        ByteArrayOutputStream afterS2 = new ByteArrayOutputStream();
        afterS2.writeBytes(s0s1s2);
        afterS2.writeBytes(new byte[] {2, 0, 0});
        ByteBuffer in = ByteBuffer.wrap(afterS2.toByteArray());
        assertThat(client.read(in)).isTrue();
        assertThat(in.remaining()).as("bytes after S2 stay for the chunk decoder").isEqualTo(3);
        assertThat(client.isDigest()).isEqualTo(digest);
        assertThat(client.serverAnswerValid()).isTrue();
        byte[] c2 = drain(client.takeOutbound());
        ByteBuffer c2AndMore = ByteBuffer.allocate(c2.length + 5).put(c2).put(new byte[] {3, 0, 0, 0, 0}).flip();
        assertThat(server.read(c2AndMore)).isTrue();
        assertThat(c2AndMore.remaining()).as("bytes after C2 stay for the chunk decoder").isEqualTo(5);
        assertThat(server.clientAnswerValid()).isTrue();
    }

    @Test
    void rtmpeIsUnsupported() {
        ServerHandshake server = new ServerHandshake(new Random(2));
        assertThatThrownBy(() -> server.read(ByteBuffer.wrap(new byte[] {6, 0, 0})))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.module()).isEqualTo("rtmp"))
                .hasMessageContaining("6 (RTMPE");
        assertThatThrownBy(() -> server.read(ByteBuffer.wrap(new byte[] {3}))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("6 (RTMPE").hasCauseInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void simpleC1WithNonZeroVersionButNoDigestFallsBack() {
        byte[] c0c1 = new byte[1537];
        new Random(5).nextBytes(c0c1);
        c0c1[0] = 3;
        ServerHandshake server = new ServerHandshake(new Random(2));
        server.read(ByteBuffer.wrap(c0c1));
        assertThat(server.isDigest()).isFalse();
        byte[] out = drain(server.takeOutbound());
        assertThat(java.util.Arrays.copyOfRange(out, 1537, 3073)).isEqualTo(java.util.Arrays.copyOfRange(c0c1, 1, 1537));
    }
}
