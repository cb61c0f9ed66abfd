package io.streamwire.benchmarks.flv;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.FullOnly;
import io.streamwire.benchmarks.PeerOf;
import io.streamwire.benchmarks.ffmpeg.JniCalls;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link FlvFfmpegBenchmark} on {@link FlvBenchmark}'s second input, ffmpeg's 240p fixture
 * repeated (about 530 B per tag, so per-tag costs, the JNI calls among them, dominate). A class
 * of its own so that the quick preset can leave it out ({@link FullOnly}); the row pairs with
 * {@code flvTagParse[input=240p-200kbit]}. Each copy of the fixture repeats its onMetaData and
 * sequence headers (FFmpeg turns the repeated headers into new-extradata side data).
 */
@FullOnly
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FlvFfmpegSmallTagsBenchmark {
    @Param({"240p-200kbit"})
    public String input = "240p-200kbit";

    private FlvFfmpegDemux demux;

    @Setup
    public void setUp() {
        demux = new FlvFfmpegDemux(FlvBenchmark.input(input));
    }

    @Benchmark
    @PeerOf("flvTagScan")
    public long flvTagParse_ffmpeg(Counters counters, JniCalls calls) {
        return demux.pass(counters, calls) + demux.check;
    }

    @TearDown
    public void tearDown() {
        demux.close();
    }
}
