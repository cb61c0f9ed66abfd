package io.streamwire.flv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target for {@link FlvDecoder}: any bytes raise nothing but a {@link StreamwireException}
 * of module "flv"; the events do not depend on the chunking, on the multi-chain scan or on whether
 * bodies are taken whole or in fragments; every audio/video body parses or raises the module's
 * exception. Seeds under {@code FlvDecoderFuzzTestInputs/decode/}.
 */
class FlvDecoderFuzzTest {
    private static final FlvLimits LIMITS = FlvLimits.defaults().withMaxTagSize(1 << 16);

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        List<String> whole;
        try {
            whole = Collector.decode(List.of(data), LIMITS).events;
        } catch (StreamwireException expected) {
            requireFlv(expected);
            return;
        }
        // chunking independence: the same events when split in two in the middle and in 7-byte pieces
        int half = data.length / 2;
        List<String> split = Collector.decode(List.of(Arrays.copyOf(data, half), Arrays.copyOfRange(data, half, data.length)),
                LIMITS).events;
        if (!split.equals(whole)) {
            throw new AssertionError("split at " + half + " changed the events");
        }
        List<byte[]> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < data.length; i += 7) {
            pieces.add(Arrays.copyOfRange(data, i, Math.min(data.length, i + 7)));
        }
        if (!Collector.decode(pieces, LIMITS).events.equals(whole)) {
            throw new AssertionError("7-byte pieces changed the events");
        }
        // bodies taken in fragments reassemble to the same events, whole and in 7-byte pieces
        if (!Collector.decode(List.of(data), LIMITS, -1, true).events.equals(whole)
                || !Collector.decode(pieces, LIMITS, -1, true).events.equals(whole)) {
            throw new AssertionError("Interest.FRAGMENTS changed the events");
        }
        // the multi-chain path (small windows so it runs on small inputs) gives the single chain's events
        for (int window : new int[] {8, 96}) {
            if (!Collector.decode(List.of(data), LIMITS, window).events.equals(whole)) {
                throw new AssertionError("chain window " + window + " changed the events");
            }
        }
        // every tag body parses or raises the module's exception only
        Collector c = Collector.decode(data);
        for (int i = 0; i < c.headers.size(); i++) {
            try {
                if (c.headers.get(i).tagType() == FlvTagHeader.AUDIO) {
                    AudioTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                } else if (c.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                    VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                } else if (c.headers.get(i).tagType() == FlvTagHeader.SCRIPT_DATA) {
                    ScriptData.parse(ByteBuffer.wrap(c.bodies.get(i)));
                }
            } catch (StreamwireException expected) {
                requireFlv(expected);
            }
        }
    }

    private static void requireFlv(StreamwireException e) {
        if (!e.module().equals("flv")) {
            throw new AssertionError("module " + e.module() + " escaped the FLV decoder: " + e, e);
        }
    }
}
