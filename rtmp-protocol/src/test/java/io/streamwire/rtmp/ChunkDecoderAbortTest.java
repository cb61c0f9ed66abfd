package io.streamwire.rtmp;

import static io.streamwire.rtmp.ChunkDecoderTest.concat;
import static io.streamwire.rtmp.ChunkDecoderTest.fill;
import static io.streamwire.rtmp.ChunkDecoderTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Abort Message (RTMP 1.0 §5.4.2), applied by the chunk decoder. */
class ChunkDecoderAbortTest {
    /** Collects messages and anomalies. */
    static final class AnomalySink implements ChunkDecoder.Listener {
        final List<Msg> messages = new ArrayList<>();
        final List<io.streamwire.core.Anomaly<RtmpAnomalyKind>> anomalies = new ArrayList<>();

        @Override
        public void onMessage(int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId, ByteBuffer payload) {
            messages.add(Msg.of(chunkStreamId, timestamp, messageTypeId, messageStreamId, payload));
        }

        @Override
        public void onAnomaly(io.streamwire.core.Anomaly<RtmpAnomalyKind> anomaly) {
            anomalies.add(anomaly);
        }
    }

    @Test
    void abortOfAChunkStreamWithNothingPendingIsAnAnomalyNotAnError() {
        // RTMP 1.0 §5.4.2 asks to discard a partial message; with none there is nothing to do
        byte[] unknown = hex("02000000000004020000000000000007");
        for (Chunks.Split split : Chunks.splits(unknown, 19)) {
            AnomalySink sink = new AnomalySink();
            ChunkDecoder decoder = new ChunkDecoder(sink, RtmpLimits.defaults());
            split.pieces().forEach(p -> decoder.feed(ByteBuffer.wrap(p)));
            decoder.endOfInput();
            assertThat(sink.messages).as(split.name()).containsExactly(new Msg(2, 0, 2, 0, hex("00000007")));
            assertThat(sink.anomalies).as(split.name()).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(RtmpAnomalyKind.ABORT_WITHOUT_PARTIAL_MESSAGE);
                assertThat(a.offset()).isEqualTo(12L); // the payload
                assertThat(a.detail()).isEqualTo("chunk stream 7: unknown");
            });
        }
        // a known stream whose message is complete, the Abort's own stream, and values outside 2..65599
        AnomalySink sink = new AnomalySink();
        ChunkDecoder decoder = new ChunkDecoder(sink, RtmpLimits.defaults());
        decoder.feed(ByteBuffer.wrap(concat(
                hex("03 000000 000002 09 01000000 cafe"),
                hex("02 000000 000004 02 00000000 00000003"),
                hex("02 000000 000004 02 00000000 00000002"),
                hex("02 000000 000004 02 00000000 ffffffff"),
                hex("02 000000 000004 02 00000000 00000001"),
                hex("03 000000 000001 09 01000000 ee"))));
        assertThat(sink.anomalies).extracting(a -> a.offset() + " " + a.detail()).containsExactly(
                "26 chunk stream 3: no partial message", "42 chunk stream 2: no partial message",
                "58 chunk stream 4294967295: unknown", "74 chunk stream 1: unknown");
        assertThat(sink.messages).hasSize(6).last().isEqualTo(new Msg(3, 0, 9, 1, hex("ee")));
    }

    @Test
    void abortOfAPartialMessageIsNotAnAnomaly() {
        AnomalySink sink = new AnomalySink();
        ChunkDecoder decoder = new ChunkDecoder(sink, RtmpLimits.defaults());
        decoder.feed(ByteBuffer.wrap(concat(hex("04 000000 000100 09 01000000"), fill(128, 4),
                hex("02 000000 000004 02 00000000 00000004"))));
        decoder.endOfInput(); // the partial message was discarded: nothing is cut short
        assertThat(sink.anomalies).isEmpty();
    }

    @Test
    void anAbortMessageShorterThanFourBytesFailsAtItsPayload() {
        ChunkDecoder decoder = new ChunkDecoder((cs, ts, t, s, p) -> { }, RtmpLimits.defaults());
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(hex("02 000000 000003 02 00000000 000000"))))
                .isInstanceOfSatisfying(RtmpException.class, e -> {
                    assertThat(e.field()).isEqualTo("abort chunk stream id");
                    assertThat(e.offset()).isEqualTo(12L);
                });
    }
}
