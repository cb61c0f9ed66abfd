package io.streamwire.benchmarks.ffmpeg;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JNI crossings made by an FFmpeg benchmark, reported by JMH per second beside
 * {@link io.streamwire.benchmarks.Counters}: the summary divides them by units to get crossings
 * per unit, and subtracts their calibrated cost ({@link FfmpegJniBenchmark}) to give FFmpeg's own
 * time per unit.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class JniCalls {
    /** Java → native calls: FFmpeg functions, JavaCPP field getters and setters, copies. */
    public long jniCalls;
    /** Native → Java calls: the AVIO read and write callbacks. */
    public long upcalls;

    @Setup(Level.Iteration)
    public void clear() {
        jniCalls = 0;
        upcalls = 0;
    }
}
