package io.streamwire.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Work counters every benchmark adds to, so results read as throughput of real units: JMH reports
 * each public field as a secondary result per second ({@code bytes} → bytes/s, {@code units} →
 * frames/s, NAL units/s, tags/s, packets/s, messages/s, segments/s as the benchmark's Javadoc says).
 *
 * <p>Convention for every benchmark method: take a {@code Counters} parameter, do one pass of the
 * work, then add the input bytes it consumed to {@link #bytes} and the units it produced to
 * {@link #units}. Methods are named {@code <thing>_<implementation>}
 * ({@code adtsScan_streamwire}, {@code adtsScan_jcodec}) so the summary pairs ours with each peer.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Counters {
    /** Input bytes consumed. */
    public long bytes;
    /** Units produced (frames, NAL units, tags, packets, messages, segments...). */
    public long units;

    @Setup(Level.Iteration)
    public void clear() {
        bytes = 0;
        units = 0;
    }
}
