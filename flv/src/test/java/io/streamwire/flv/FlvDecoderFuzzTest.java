package io.streamwire.flv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/** Jazzer target for {@link FlvDecoder}; seeds under {@code FlvDecoderFuzzTestInputs/decode/}. */
class FlvDecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] data) {
        List<String> whole;
        try {
            whole = Collector.decode(List.of(data), FlvLimits.defaults().withMaxTagSize(1 << 16)).events;
        } catch (FlvException expected) {
            return;
        }
        // chunking independence: the same events when split in two in the middle and in 7-byte pieces
        int half = data.length / 2;
        List<String> split = Collector.decode(List.of(Arrays.copyOf(data, half), Arrays.copyOfRange(data, half, data.length)),
                FlvLimits.defaults().withMaxTagSize(1 << 16)).events;
        if (!split.equals(whole)) {
            throw new AssertionError("split at " + half + " changed the events");
        }
        List<byte[]> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < data.length; i += 7) {
            pieces.add(Arrays.copyOfRange(data, i, Math.min(data.length, i + 7)));
        }
        if (!Collector.decode(pieces, FlvLimits.defaults().withMaxTagSize(1 << 16)).events.equals(whole)) {
            throw new AssertionError("7-byte pieces changed the events");
        }
        // the multi-chain path (small windows so it runs on small inputs) gives the single chain's events
        for (int window : new int[] {8, 96}) {
            if (!Collector.decode(List.of(data), FlvLimits.defaults().withMaxTagSize(1 << 16), window).events.equals(whole)) {
                throw new AssertionError("chain window " + window + " changed the events");
            }
        }
        // every tag body parses or raises FlvException only
        Collector c = Collector.decode(data);
        for (int i = 0; i < c.headers.size(); i++) {
            try {
                if (c.headers.get(i).tagType() == FlvTagHeader.AUDIO) {
                    AudioTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                } else if (c.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                    VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                }
            } catch (FlvException expected) {
                // fine
            }
        }
    }
}
