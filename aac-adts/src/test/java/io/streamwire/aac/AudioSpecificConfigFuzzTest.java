package io.streamwire.aac;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Jazzer target for {@link AudioSpecificConfig#parse}: any bytes either raise a
 * {@link StreamwireException} of module {@code "aac"} (leaving the position unchanged) or parse into
 * a config that writes back exactly the same bytes, and whose derived values do not throw. Seeds and kept findings: {@code
 * src/test/resources/io/streamwire/aac/AudioSpecificConfigFuzzTestInputs/parse/}.
 */
class AudioSpecificConfigFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        AudioSpecificConfig config;
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            config = AudioSpecificConfig.parse(in);
        } catch (StreamwireException expected) {
            FuzzChecks.requireAac(expected);
            if (in.position() != 0) {
                throw new AssertionError("a failed parse moved the position to " + in.position());
            }
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
            FuzzChecks.requireAac(expected); // ADTS cannot express every config
        }
    }
}
