package io.streamwire.benchmarks.h264;

import io.streamwire.benchmarks.Counters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Sanity check beside JMH on a shared machine: runs each {@link H264Benchmark} method (ours, jcodec's)
 * and the long-word ceiling interleaved in one JVM, round after round, and prints the best round of
 * each, so that load from other processes hits all of them alike. Best-of-N, not a distribution:
 * read it as "how fast can it go here", next to JMH's mean ± error.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.streamwire.benchmarks.h264.H264Interleaved [rounds]</pre>
 */
public final class H264Interleaved {
    private H264Interleaved() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        H264Benchmark b = new H264Benchmark();
        b.setUp();
        byte[] raw = new byte[H264Benchmark.SIZE];
        new java.util.Random(1).nextBytes(raw);
        ByteBuffer ceilingSource = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, ToLongFunction<Counters>> tasks = new LinkedHashMap<>();
        tasks.put("longWordScan_ceiling", c -> {
            long acc = 0;
            for (int i = 0; i < H264Benchmark.SIZE; i += 8) {
                acc ^= ceilingSource.getLong(i);
            }
            c.bytes += H264Benchmark.SIZE;
            c.units++;
            return acc;
        });
        tasks.put("nalSplit_streamwire", b::nalSplit_streamwire);
        tasks.put("nalSplit_jcodec", b::nalSplit_jcodec);
        tasks.put("epRemoval_streamwire", b::epRemoval_streamwire);
        tasks.put("accessUnits_streamwire", b::accessUnits_streamwire);
        tasks.put("spsParse_streamwire", c -> {
            long h = 0;
            for (int i = 0; i < 200_000; i++) {
                h += b.spsParse_streamwire(c).levelIdc();
            }
            return h;
        });
        tasks.put("spsParse_jcodec", c -> {
            long h = 0;
            for (int i = 0; i < 200_000; i++) {
                h += b.spsParse_jcodec(c).levelIdc;
            }
            return h;
        });
        Map<String, double[]> best = new LinkedHashMap<>(); // {nanos, bytes, units}
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, ToLongFunction<Counters>> e : tasks.entrySet()) {
                Counters c = new Counters();
                long t0 = System.nanoTime();
                sink += e.getValue().applyAsLong(c);
                long t = System.nanoTime() - t0;
                double[] prev = best.get(e.getKey());
                if (prev == null || t < prev[0]) {
                    best.put(e.getKey(), new double[] {t, c.bytes, c.units});
                }
            }
        }
        System.out.printf("best of %d interleaved rounds (sink %d)%n", rounds, sink & 1);
        for (Map.Entry<String, double[]> e : best.entrySet()) {
            double[] v = e.getValue();
            System.out.printf("%-24s %10.1f MB/s %12.1f ns/unit%n", e.getKey(), v[1] * 1e3 / v[0], v[0] / v[2]);
        }
    }
}
