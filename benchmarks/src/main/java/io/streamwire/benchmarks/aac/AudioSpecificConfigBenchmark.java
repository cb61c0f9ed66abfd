package io.streamwire.benchmarks.aac;

import io.streamwire.aac.AudioSpecificConfig;
import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Goal;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.jcodec.codecs.aac.AACUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AudioSpecificConfig parse, one config per unit, cycling through four real shapes: AAC-LC 44.1 kHz
 * stereo ({@code 1210}, ffmpeg's extradata), HE-AAC hierarchical ({@code 2b920800}, fq's vector),
 * HE-AAC v2 backward-compatible ({@code 131056e59d4880}) and AAC-LC 48 kHz 5.1 ({@code 11b0}).
 * jcodec 0.2.5 {@code AACUtils.parseAudioInfo} parses the same bytes (it reads object type, rate and
 * channels; no sync extension, no PCE).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AudioSpecificConfigBenchmark {
    private static final String[] CONFIGS = {"1210", "2b920800", "131056e59d4880", "11b0"};
    private ByteBuffer[] inputs;

    @Setup
    public void setUp() {
        inputs = new ByteBuffer[CONFIGS.length];
        for (int i = 0; i < CONFIGS.length; i++) {
            inputs[i] = ByteBuffer.wrap(HexFormat.of().parseHex(CONFIGS[i]));
        }
    }

    @Benchmark
    @Goal(maxNanosPerUnit = 100, unit = "configs")
    public int ascParse_streamwire(Counters counters) {
        int check = 0;
        for (ByteBuffer input : inputs) {
            input.position(0);
            check += AudioSpecificConfig.parse(input).outputSampleRateHz();
            counters.bytes += input.limit();
        }
        counters.units += inputs.length;
        return check;
    }

    @Benchmark
    public int ascParse_jcodec(Counters counters) {
        int check = 0;
        for (ByteBuffer input : inputs) {
            input.position(0);
            check += AACUtils.parseAudioInfo(input).getFormat().getSampleRate();
            counters.bytes += input.limit();
        }
        counters.units += inputs.length;
        return check;
    }
}
