package io.streamwire.benchmarks.aac;

import io.streamwire.aac.AdtsHeader;
import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Main;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ADTS header walk over ffmpeg's stereo 44.1 kHz fixture repeated to about 2 MB: every header
 * parsed, the next one found where aac_frame_length says. Units are frames.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AdtsBenchmark {
    private ByteBuffer stream;

    @Setup
    public void setUp() {
        byte[] one = Main.fixture("adts/sine-44100-stereo.aac");
        int copies = (2 << 20) / one.length;
        ByteBuffer all = ByteBuffer.allocate(one.length * copies);
        for (int i = 0; i < copies; i++) {
            all.put(one);
        }
        stream = all.flip();
    }

    @Benchmark
    public int adtsHeaderWalk_streamwire(Counters counters) {
        ByteBuffer in = stream;
        int position = 0;
        int frames = 0;
        while (position < in.limit()) {
            in.position(position);
            position += AdtsHeader.parse(in).aacFrameLength();
            frames++;
        }
        counters.bytes += in.limit();
        counters.units += frames;
        return frames;
    }
}
