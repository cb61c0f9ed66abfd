package io.streamwire.benchmarks.hls;

import io.streamwire.benchmarks.Counters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sanity check beside JMH on a shared machine: runs each {@link HlsPlaylistBenchmark} parse and write
 * method (ours, lindstrom's, open-m3u8's) interleaved in one JVM, round after round, and prints the
 * best and the median round of each, so that load from other processes hits all of them alike.
 * Best-of-N is "how fast can it go here", next to JMH's mean ± error.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.streamwire.benchmarks.hls.HlsInterleaved [rounds]</pre>
 */
public final class HlsInterleaved {
    private HlsInterleaved() {}

    private interface Task {
        long run(Counters c) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String only = args.length > 1 ? args[1] : "";
        HlsPlaylistBenchmark b = new HlsPlaylistBenchmark();
        b.setUp();
        Map<String, Task> tasks = new LinkedHashMap<>();
        tasks.put("mediaParse_streamwire", b::mediaParse_streamwire);
        tasks.put("mediaParse_lindstrom", b::mediaParse_lindstrom);
        tasks.put("mediaParse_openm3u8", b::mediaParse_openm3u8);
        tasks.put("mediaWrite_streamwire", b::mediaWrite_streamwire);
        tasks.put("mediaWrite_lindstrom", b::mediaWrite_lindstrom);
        tasks.put("mediaWrite_openm3u8", b::mediaWrite_openm3u8);
        tasks.keySet().removeIf(k -> !k.matches(".*(" + only + ").*"));
        Map<String, long[]> times = new LinkedHashMap<>();
        Map<String, double[]> sizes = new LinkedHashMap<>(); // {bytes, units} of one call
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Task> e : tasks.entrySet()) {
                Counters c = new Counters();
                long t0 = System.nanoTime();
                sink += e.getValue().run(c);
                long t = System.nanoTime() - t0;
                times.computeIfAbsent(e.getKey(), k -> new long[rounds])[round] = t;
                sizes.put(e.getKey(), new double[] {c.bytes, c.units});
            }
        }
        System.out.printf("%d interleaved rounds, last half (sink %d)%n", rounds, sink & 1);
        for (Map.Entry<String, long[]> e : times.entrySet()) {
            long[] t = Arrays.copyOfRange(e.getValue(), rounds / 2, rounds);
            Arrays.sort(t);
            double[] s = sizes.get(e.getKey());
            System.out.printf("%-24s best %7.1f MB/s  median %7.1f MB/s %9.1f ns/unit%n", e.getKey(), s[0] * 1e3 / t[0],
                    s[0] * 1e3 / t[t.length / 2], t[t.length / 2] / s[1]);
        }
    }
}
