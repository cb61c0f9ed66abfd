package io.streamwire.aac;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target for {@link AdtsDecoder}: any bytes only ever raise a {@link StreamwireException} of
 * module {@code "aac"}, the events are the same fed whole or in chunks whose sizes come from the
 * first byte, every frame survives an {@link AdtsFrame} parse/write round trip (and, with
 * channel_configuration 0, the conversion of its leading PCE to an AudioSpecificConfig, or the
 * config carried from an earlier frame and the block unchanged when it has none), and the
 * {@link io.streamwire.core.StreamDecoder} lifecycle holds (position, a second endOfInput, calls
 * after a failure). Seeds and kept findings:
 * {@code src/test/resources/io/streamwire/aac/AdtsDecoderFuzzTestInputs/decode/}.
 */
class AdtsDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x3F);
        ByteBuffer whole = ByteBuffer.wrap(data, 1, data.length - 1);
        List<String> wholeEvents = run(List.of(whole.slice()));
        List<ByteBuffer> pieces = new ArrayList<>();
        for (int at = 1; at < data.length; at += chunk) {
            pieces.add(ByteBuffer.wrap(data, at, Math.min(chunk, data.length - at)).slice());
        }
        List<String> chunkedEvents = run(pieces);
        if (!wholeEvents.equals(chunkedEvents)) {
            throw new AssertionError("chunking changed the events:\n" + wholeEvents + "\n" + chunkedEvents);
        }
    }

    private static List<String> run(List<ByteBuffer> pieces) {
        List<String> events = new ArrayList<>();
        AudioSpecificConfig[] carried = {null};
        AdtsDecoder decoder = new AdtsDecoder(new AdtsDecoder.Listener() {
            @Override
            public void onFrame(AdtsFrameView frame) {
                events.add("frame " + frame.streamOffset() + " " + frame.aacFrameLength() + " " + frame.slice().hashCode());
                try {
                    AdtsFrame parsed = frame.toFrame();
                    ByteBuffer out = ByteBuffer.allocate(parsed.encodedSize());
                    parsed.writeTo(out);
                    if (!out.flip().equals(frame.slice())) {
                        throw new AssertionError("AdtsFrame write(parse(x)) != x at " + frame.streamOffset());
                    }
                    if (parsed.header().channelConfiguration() == 0) {
                        // the program_config_element leading the raw data block (read with the bit
                        // reader), or the config carried from the last frame that had one
                        AudioSpecificConfig own = AacConversions.audioSpecificConfig(parsed);
                        if (own != null) {
                            own.toByteArray();
                            carried[0] = own;
                        } else if (carried[0] != null && AacConversions.audioSpecificConfig(parsed, carried[0]) != carried[0]) {
                            throw new AssertionError("the carried config was not kept");
                        }
                        ByteBuffer raw = AacConversions.withoutLeadingPce(parsed);
                        if (own == null && !raw.equals(parsed.rawDataBlocks().get(0))) {
                            throw new AssertionError("a block without a leading PCE was changed");
                        }
                    }
                } catch (StreamwireException e) {
                    FuzzChecks.requireAac(e);
                    events.add("frame error " + e.field());
                }
            }

            @Override
            public void onId3Tag(ByteBuffer tag, long streamOffset) {
                events.add("id3 " + streamOffset + " " + tag.remaining());
            }

            @Override
            public void onApeTag(ByteBuffer tag, long streamOffset) {
                events.add("ape " + streamOffset + " " + tag.remaining());
            }

            @Override
            public void onId3v1Tag(ByteBuffer tag, long streamOffset) {
                events.add("id3v1 " + streamOffset + " " + tag.remaining());
            }

            @Override
            public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
                events.add(anomaly.toString());
            }
        }, AacLimits.defaults().withMaxId3TagSize(4096).withMaxResyncDistance(2048));
        FuzzChecks.feedAndCheckLifecycle(decoder, pieces, events);
        return events;
    }
}
