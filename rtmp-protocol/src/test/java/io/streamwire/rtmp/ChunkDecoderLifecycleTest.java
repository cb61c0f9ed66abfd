package io.streamwire.rtmp;

import static io.streamwire.rtmp.ChunkDecoderTest.concat;
import static io.streamwire.rtmp.ChunkDecoderTest.fill;
import static io.streamwire.rtmp.ChunkDecoderTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChunkDecoder}'s lifecycle (the {@link io.streamwire.core.StreamDecoder} contract) and its anomalies. */
class ChunkDecoderLifecycleTest {
    static final byte[] ONE_MESSAGE = hex("03 000000 000002 14 00000000 0102");

    /** Records messages and anomalies. */
    static final class Events implements ChunkDecoder.Listener {
        final List<Object> events = new ArrayList<>();

        @Override
        public void onMessage(int cs, long ts, int type, int sid, ByteBuffer payload) {
            events.add(Msg.of(cs, ts, type, sid, payload));
        }

        @Override
        public void onAnomaly(Anomaly<RtmpAnomalyKind> anomaly) {
            events.add(anomaly);
        }
    }

    @Test
    void secondEndOfInputDoesNothingAndFeedAfterItThrows() {
        Events e = new Events();
        ChunkDecoder d = new ChunkDecoder(e);
        d.feed(ByteBuffer.wrap(ONE_MESSAGE));
        d.endOfInput();
        d.endOfInput();
        assertThat(e.events).hasSize(1);
        assertThat(d.position()).isEqualTo(ONE_MESSAGE.length);
        ByteBuffer again = ByteBuffer.wrap(ONE_MESSAGE);
        assertThatThrownBy(() -> d.feed(again)).isInstanceOf(IllegalStateException.class).hasMessageContaining("endOfInput");
        assertThat(again.position()).isZero();
        assertThat(e.events).hasSize(1); // once decoded again
        d.reset();
        assertThat(d.position()).isZero();
        d.feed(ByteBuffer.wrap(ONE_MESSAGE));
        d.endOfInput();
        assertThat(e.events).hasSize(2);
    }

    @Test
    void aFailureIsNamedByEveryLaterCall() {
        ChunkDecoder d = new ChunkDecoder(new Events());
        RtmpException first = org.junit.jupiter.api.Assertions.assertThrows(RtmpException.class,
                () -> d.feed(ByteBuffer.wrap(ChunkDecoderContractTest.INVALID)));
        assertThat(first.module()).isEqualTo("rtmp");
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(ONE_MESSAGE))).isInstanceOf(IllegalStateException.class)
                .hasCause(first).hasMessageContaining(first.getMessage());
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(first);
    }

    @Test
    void aListenerExceptionFailsTheDecoder() {
        IllegalArgumentException boom = new IllegalArgumentException("listener");
        ChunkDecoder d = new ChunkDecoder((cs, ts, type, sid, payload) -> {
            throw boom;
        });
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(ONE_MESSAGE))).isSameAs(boom);
        assertThatThrownBy(() -> d.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class).hasCause(boom);
    }

    @Test
    void endOfInputInsideTheSecondChunkIsTruncation() {
        byte[] body = fill(200, 3);
        byte[] stream = concat(hex("04 000000 0000c8 09 01000000"), java.util.Arrays.copyOf(body, 128), hex("c4"),
                java.util.Arrays.copyOfRange(body, 128, 150));
        ChunkDecoder d = new ChunkDecoder(new Events());
        d.feed(ByteBuffer.wrap(stream));
        assertThatThrownBy(d::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("rtmp");
            assertThat(e.offset()).isEqualTo(stream.length);
        });
    }

    @Test
    void aNewHeaderInsideAMessageDropsItWithAnAnomaly() {
        byte[] first = fill(200, 1);
        byte[] second = fill(3, 9);
        // 128 of a 200-byte message on cs 4, then a fmt 0 header on cs 4: the 128 bytes are dropped
        byte[] stream = concat(hex("04 000000 0000c8 09 01000000"), java.util.Arrays.copyOf(first, 128),
                hex("04 000010 000003 09 01000000"), second);
        int dropAt = 12 + 128;
        for (Chunks.Split split : Chunks.splits(stream, 4)) {
            Events e = new Events();
            ChunkDecoder d = new ChunkDecoder(e);
            for (byte[] piece : split.pieces()) {
                d.feed(ByteBuffer.wrap(piece));
            }
            d.endOfInput();
            assertThat(e.events).as(split.name()).containsExactly(
                    new Anomaly<>(RtmpAnomalyKind.MESSAGE_DROPPED, dropAt, "chunk stream 4: 128 of 200 bytes dropped"),
                    new Msg(4, 16, 9, 1, second));
        }
    }

    @Test
    void setChunkSizeWithTheTopBitSetIsAnAnomaly() {
        byte[] body = fill(200, 5);
        byte[] stream = concat(hex("02 000000 000004 01 00000000 800000c8"), hex("04 000000 0000c8 09 01000000"), body);
        Events e = new Events();
        ChunkDecoder d = new ChunkDecoder(e);
        d.feed(ByteBuffer.wrap(stream));
        d.endOfInput();
        assertThat(d.chunkSize()).isEqualTo(200);
        assertThat(e.events).hasSize(3);
        assertThat(e.events.get(0)).isEqualTo(new Anomaly<>(RtmpAnomalyKind.CHUNK_SIZE_HIGH_BIT, 12, "chunk size 0x800000C8"));
        assertThat(e.events.get(2)).isEqualTo(new Msg(4, 0, 9, 1, body)); // one 200-byte chunk
    }
}
