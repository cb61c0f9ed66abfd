package io.streamwire.aac;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.Anomaly;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target for {@link LoasDecoder} (LOAS sync layer, StreamMuxConfig, AudioMuxElement): any
 * bytes only ever raise a {@link io.streamwire.core.StreamwireException} of module {@code "aac"},
 * chunking does not change the events, and the {@link io.streamwire.core.StreamDecoder} lifecycle
 * holds. Seeds and kept findings:
 * {@code src/test/resources/io/streamwire/aac/LoasDecoderFuzzTestInputs/decode/}.
 */
class LoasDecoderFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x3F);
        List<String> whole = run(List.of(ByteBuffer.wrap(data, 1, data.length - 1).slice()));
        List<ByteBuffer> pieces = new ArrayList<>();
        for (int at = 1; at < data.length; at += chunk) {
            pieces.add(ByteBuffer.wrap(data, at, Math.min(chunk, data.length - at)).slice());
        }
        List<String> chunked = run(pieces);
        if (!whole.equals(chunked)) {
            throw new AssertionError("chunking changed the events:\n" + whole + "\n" + chunked);
        }
    }

    private static List<String> run(List<ByteBuffer> pieces) {
        List<String> events = new ArrayList<>();
        LoasDecoder decoder = new LoasDecoder(new LoasDecoder.Listener() {
            @Override
            public void onConfig(LatmStreamMuxConfig config, long streamOffset) {
                events.add("config " + streamOffset + " " + config);
            }

            @Override
            public void onRawFrame(ByteBuffer rawFrame, long streamOffset) {
                events.add("raw " + streamOffset + " " + rawFrame.hashCode());
            }

            @Override
            public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
                events.add(anomaly.toString());
            }
        }, AacLimits.defaults().withMaxResyncDistance(2048));
        FuzzChecks.feedAndCheckLifecycle(decoder, pieces, events);
        return events;
    }
}
