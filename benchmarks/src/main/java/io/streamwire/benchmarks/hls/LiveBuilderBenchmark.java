package io.streamwire.benchmarks.hls;

import io.streamwire.benchmarks.Counters;
import io.streamwire.hls.LivePlaylistBuilder;
import io.streamwire.hls.PlaylistWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An LL-HLS origin's hot path: add four parts and a segment to a {@link LivePlaylistBuilder} with a
 * 10-segment window, then render the playlist to bytes. {@code history} is how many segments the
 * builder produced before the measurement: the cost must not depend on it (O(window), not
 * O(history)). Units are segments added; bytes are the rendered playlist's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LiveBuilderBenchmark {
    @Param({"100", "1000000"})
    public int history;

    private LivePlaylistBuilder live;
    private long next;

    @Setup
    public void setUp() {
        live = LivePlaylistBuilder.builder(4).window(10).partTarget(1.0).map("init.mp4").build();
        for (next = 0; next < history; next++) {
            add();
        }
    }

    private void add() {
        for (int part = 0; part < 4; part++) {
            live.addPart("seg" + next + "." + part + ".m4s", 1.0, part == 0);
        }
        live.addSegment("seg" + next + ".m4s", 4.0);
        next++;
    }

    @Benchmark
    public int liveAddRender_streamwire(Counters counters) {
        add();
        live.preloadHint("seg" + next + ".0.m4s");
        byte[] out = PlaylistWriter.toBytes(live.playlist());
        counters.bytes += out.length;
        counters.units += 1;
        return out.length;
    }
}
