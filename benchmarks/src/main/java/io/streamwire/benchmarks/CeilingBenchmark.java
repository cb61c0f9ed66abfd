package io.streamwire.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's ceiling, measured in the same run as everything else: a long-word scan and a
 * {@code System.arraycopy} over 32 MiB, larger than the last-level cache. One "op" is one byte, so
 * the score reads directly as bytes/s.
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
    @OperationsPerInvocation(SIZE)
    public long longWordScan_bytes() {
        long acc = 0;
        ByteBuffer in = source;
        for (int i = 0; i < SIZE; i += 8) {
            acc ^= in.getLong(i);
        }
        return acc;
    }

    /** Copy of the whole buffer: what a reassembling parser pays at most. */
    @Benchmark
    @OperationsPerInvocation(SIZE)
    public byte[] arraycopy_bytes() {
        System.arraycopy(from, 0, to, 0, SIZE);
        return to;
    }
}
