package io.streamwire.benchmarks.flv;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.amf.AmfBenchmark;
import java.util.Locale;

/**
 * Interleaved best-of-N comparison in one JVM, for a shared machine where JMH's per-benchmark
 * averages drift with the load: each round times every contender back to back on the same bytes,
 * and the best round of each is compared. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.streamwire.benchmarks.flv.FlvInterleaved [rounds]}.
 */
public final class FlvInterleaved {
    private FlvInterleaved() {}

    private interface Pass {
        Object run(Counters c) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        FlvBenchmark flv = new FlvBenchmark();
        flv.setUp();
        FlvBenchmark small = new FlvBenchmark();
        small.input = "240p-200kbit";
        small.setUp();
        compare("flvTagScan 720p (tags)", rounds, 1_000_000, flv::flvTagScan_streamwire, flv::flvTagScan_jcodec);
        compare("flvTagScan 240p (tags)", rounds, 4_000_000, small::flvTagScan_streamwire, small::flvTagScan_jcodec);
        if (args.length > 1 && args[1].equals("flv")) {
            return;
        }
        AmfBenchmark amf = new AmfBenchmark();
        amf.setUp();
        compare("amf0Connect (messages)", rounds, 200_000, amf::amf0Connect_streamwire, amf::amf0Connect_red5);
        compare("amf0OnMetaData (messages)", rounds, 200_000, amf::amf0OnMetaData_streamwire, amf::amf0OnMetaData_red5);
    }

    /** Each round runs each pass until it has seen about {@code unitsPerRound} units; keeps the best units/s. */
    private static void compare(String what, int rounds, long unitsPerRound, Pass ours, Pass peer) throws Exception {
        double bestOurs = 0;
        double bestPeer = 0;
        for (int r = 0; r < rounds; r++) {
            bestOurs = Math.max(bestOurs, rate(ours, unitsPerRound));
            bestPeer = Math.max(bestPeer, rate(peer, unitsPerRound));
        }
        System.out.printf(Locale.ROOT, "%-26s best of %d: streamwire %,.0f/s, peer %,.0f/s, ratio %.2fx%n", what, rounds,
                bestOurs, bestPeer, bestOurs / bestPeer);
    }

    /** Keeps the passes' results alive so the JIT cannot drop the work. */
    static volatile int sink;

    private static double rate(Pass pass, long units) throws Exception {
        Counters c = new Counters();
        long start = System.nanoTime();
        int h = 0;
        while (c.units < units) {
            h += System.identityHashCode(pass.run(c));
        }
        long ns = System.nanoTime() - start;
        sink = h;
        return c.units * 1e9 / ns;
    }
}
