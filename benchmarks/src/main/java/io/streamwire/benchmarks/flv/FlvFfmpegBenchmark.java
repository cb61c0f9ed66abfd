package io.streamwire.benchmarks.flv;

import io.streamwire.benchmarks.Counters;
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
 * FFmpeg 7.1.1's FLV demuxer through JNI on {@link FlvBenchmark}'s main input, the 64 s 720p
 * recording ({@link FlvFfmpegDemux} describes the pass). FFmpeg parses each tag's audio/video
 * header (codec, frame type, AVC packet type, composition time) and copies its body into a packet
 * buffer, so the like-for-like row is {@code flvTagParse}; it is listed beside {@code flvTagScan}
 * too. {@link FlvFfmpegSmallTagsBenchmark} is the 240p small-tag input (full preset only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FlvFfmpegBenchmark {
    /** Only the main input here, so the quick preset runs one FFmpeg FLV row. */
    @Param({"720p-2.5Mbit"})
    public String input = "720p-2.5Mbit";

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
