package io.streamwire.rtmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target for {@link ChunkDecoder}: any bytes only ever raise {@link RtmpException}, and
 * feeding them whole or one byte at a time gives the same messages. Seeds under
 * {@code ChunkDecoderFuzzTestInputs/decode/}.
 */
class ChunkDecoderFuzzTest {
    private static final RtmpLimits LIMITS = RtmpLimits.defaults().withMaxMessageLength(1 << 16)
            .withMaxBufferedBytes(1 << 18).withMaxChunkStreams(16).withMaxChunkSize(1 << 16);

    @FuzzTest(maxDuration = "120s")
    void decode(byte[] data) {
        List<Msg> whole = run(data, data.length);
        List<Msg> bytewise = run(data, 1);
        if (!whole.equals(bytewise)) {
            throw new AssertionError("split changed the output: " + whole + " vs " + bytewise);
        }
    }

    private static List<Msg> run(byte[] data, int piece) {
        List<Msg> out = new ArrayList<>();
        ChunkDecoder decoder = new ChunkDecoder(LIMITS, (cs, ts, type, sid, payload) -> {
            out.add(Msg.of(cs, ts, type, sid, payload));
            if (type == MessageType.AGGREGATE) {
                AggregateMessage.split(ts, sid, payload, LIMITS, 0, (a, b, c, d) -> { });
            } else if (MessageType.isControl(type)) {
                ControlMessage.parse(type, payload, 0);
            }
        });
        try {
            for (int at = 0; at < data.length; at += piece) {
                decoder.feed(ByteBuffer.wrap(data, at, Math.min(piece, data.length - at)));
            }
            decoder.endOfInput();
        } catch (RtmpException expected) {
            out.add(new Msg(-1, 0, -1, 0, new byte[0])); // marks "failed" so both runs must fail alike
        }
        return out;
    }
}
