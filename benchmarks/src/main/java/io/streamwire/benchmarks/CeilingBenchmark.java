package io.streamwire.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's ceiling, measured in the same run as everything else: a long-word scan and a
 * {@code System.arraycopy} over 32 MiB, larger than the last-level cache. The {@code bytes}
 * counter gives bytes/s. Both also run with 2 threads (each its own buffers): the ceiling that
 * 2-thread scaling results are read against.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CeilingBenchmark {
    static final int SIZE = 32 << 20;

    private ByteBuffer source;
    private byte[] from;
    private byte[] to;

    @Setup
    public void setUp() {
        from = new byte[SIZE];
        to = new byte[SIZE];
        new java.util.Random(1).nextBytes(from);
        source = ByteBuffer.wrap(from).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** XOR of every 8-byte word: the fastest a byte scanner can possibly read memory. */
    @Benchmark
    @Scaling
    public long longWordScan_ceiling(Counters counters) {
        long acc = 0;
        ByteBuffer in = source;
        for (int i = 0; i < SIZE; i += 8) {
            acc ^= in.getLong(i);
        }
        counters.bytes += SIZE;
        return acc;
    }

    /** Copy of the whole buffer: what a reassembling parser pays at most. */
    @Benchmark
    public byte[] arraycopy_ceiling(Counters counters) {
        System.arraycopy(from, 0, to, 0, SIZE);
        counters.bytes += SIZE;
        return to;
    }
}
