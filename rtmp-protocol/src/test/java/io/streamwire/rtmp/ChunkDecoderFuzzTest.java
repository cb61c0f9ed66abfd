package io.streamwire.rtmp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target for {@link ChunkDecoder}: any bytes only ever raise a {@link StreamwireException} of
 * module "rtmp" (during {@code feed} or {@code endOfInput}), and feeding them whole or one byte at
 * a time gives the same messages and anomalies. Seeds under {@code ChunkDecoderFuzzTestInputs/decode/}.
 */
class ChunkDecoderFuzzTest {
    private static final RtmpLimits LIMITS = RtmpLimits.defaults().withMaxMessageLength(1 << 16)
            .withMaxBufferedBytes(1 << 18).withMaxChunkStreams(16).withMaxChunkSize(1 << 16);

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        List<Object> whole = run(data, data.length);
        List<Object> bytewise = run(data, 1);
        if (!whole.equals(bytewise)) {
            throw new AssertionError("split changed the output: " + whole + " vs " + bytewise);
        }
    }

    private static List<Object> run(byte[] data, int piece) {
        List<Object> out = new ArrayList<>();
        ChunkDecoder decoder = new ChunkDecoder(new ChunkDecoder.Listener() {
            @Override
            public void onMessage(int cs, long ts, int type, int sid, ByteBuffer payload) {
                out.add(Msg.of(cs, ts, type, sid, payload));
                if (type == MessageType.AGGREGATE) {
                    AggregateMessage.split(ts, sid, payload, LIMITS, 0, (a, b, c, d) -> { });
                } else if (MessageType.isControl(type)) {
                    ControlMessage.parse(type, payload, 0);
                }
            }

            @Override
            public void onAnomaly(io.streamwire.core.Anomaly<RtmpAnomalyKind> anomaly) {
                out.add(anomaly);
            }
        }, LIMITS);
        try {
            for (int at = 0; at < data.length; at += piece) {
                decoder.feed(ByteBuffer.wrap(data, at, Math.min(piece, data.length - at)));
            }
            decoder.endOfInput();
        } catch (StreamwireException expected) {
            requireRtmp(expected);
            out.add(new Msg(-1, 0, -1, 0, new byte[0])); // marks "failed" so both runs must fail alike
            // and at the same element and offset, however the input was split
            out.add(expected.getClass().getSimpleName() + " " + expected.field() + " @" + expected.offset());
        }
        return out;
    }

    /** Only the RTMP module's exceptions may escape (module "rtmp": RtmpException or a shared core subtype). */
    static void requireRtmp(StreamwireException e) {
        if (!e.module().equals("rtmp")) {
            throw new AssertionError("module " + e.module() + " escaped: " + e, e);
        }
    }
}
