package io.streamwire.benchmarks;

import io.streamwire.aac.AdtsHeader;
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
 * ADTS header walk over ffmpeg's stereo 44.1 kHz fixture repeated to about 2 MB (about 1 min of
 * audio): every header parsed, the next one found where aac_frame_length says. The score is
 * frames/s (the stream's frame count is divided in per invocation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AdtsBenchmark {
    private ByteBuffer stream;
    private int frames;

    @Setup
    public void setUp() {
        byte[] one = Main.fixture("adts/sine-44100-stereo.aac");
        int copies = (2 << 20) / one.length;
        ByteBuffer all = ByteBuffer.allocate(one.length * copies);
        for (int i = 0; i < copies; i++) {
            all.put(one);
        }
        stream = all.flip();
        frames = walk();
        System.out.println("AdtsBenchmark: " + frames + " frames, " + stream.remaining() + " bytes per op");
    }

    /** One op is the whole stream; multiply ops/s by {@link #frames} (printed at setup) for frames/s. */
    @Benchmark
    public int adtsHeaderWalk_stream() {
        return walk();
    }

    private int walk() {
        ByteBuffer in = stream.duplicate();
        int count = 0;
        while (in.hasRemaining()) {
            int at = in.position();
            AdtsHeader header = AdtsHeader.parse(in);
            in.position(at + header.aacFrameLength());
            count++;
        }
        return count;
    }
}
