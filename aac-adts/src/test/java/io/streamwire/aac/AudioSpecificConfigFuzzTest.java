package io.streamwire.aac;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Jazzer target for {@link AudioSpecificConfig#parse}: any bytes either raise {@link AacException}
 * or parse into a config that writes back exactly the same bytes, and whose derived values do not
 * throw. Seeds and kept findings: {@code
 * src/test/resources/io/streamwire/aac/AudioSpecificConfigFuzzTestInputs/parse/}.
 */
class AudioSpecificConfigFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        AudioSpecificConfig config;
        try {
            config = AudioSpecificConfig.parse(ByteBuffer.wrap(data));
        } catch (AacException expected) {
            return;
        }
        byte[] written = config.toByteArray();
        if (!Arrays.equals(written, data)) {
            throw new AssertionError("write(parse(x)) != x: " + config);
        }
        config.codecString();
        config.outputSampleRateHz();
        config.outputSamplesPerFrame();
        config.channelCount();
        if (config.samplesPerFrame() > 0) {
            AacTiming.of(config).timestamp(1000, 90_000);
        }
        try {
            AacConversions.adtsHeader(config, 100);
        } catch (UnsupportedFeatureException expected) {
            // ADTS cannot express every config
        }
    }
}
