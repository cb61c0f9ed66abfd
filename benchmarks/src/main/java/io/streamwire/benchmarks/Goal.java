package io.streamwire.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The published target of one of our benchmarks, checked by the summary table: a target that
 * is missed is printed as missed. Put it on the {@code <thing>_streamwire} method. Unset members
 * (their defaults) are not checked. Several peers each have their own minimum ratio ({@link #peers()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Goal {
    /** Minimum ratio of our units/s over the named peer's units/s on the same thing. */
    double minPeerRatio() default 0;

    /** The peer implementation suffix the ratio is taken against, e.g. {@code "jcodec"}. */
    String peer() default "";

    /**
     * Further peers with their own minimum ratio, checked like {@link #peer()}: e.g.
     * {@code @Goal(peer = "jcodec", minPeerRatio = 25, peers = @Goal.Peer(name = "ffmpeg", minRatio = 3))}.
     */
    Peer[] peers() default {};

    /** Minimum fraction of {@code CeilingBenchmark.longWordScan_ceiling} bytes/s. */
    double minCeilingFraction() default 0;

    /** Minimum input throughput in MB/s (10^6 bytes). */
    double minMBps() default 0;

    /** Maximum nanoseconds per unit. */
    double maxNanosPerUnit() default 0;

    /** Maximum bytes allocated per unit ({@code gc.alloc.rate.norm} / units per op); -1 = unchecked. */
    double maxBytesPerUnit() default -1;

    /** What one unit is, e.g. {@code "frames"}, {@code "NAL units"}, {@code "tags"}. */
    String unit() default "units";

    /** A minimum ratio of our units/s over one peer's on the same thing. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Peer {
        /** The peer implementation suffix, e.g. {@code "ffmpeg"}. */
        String name();

        /** Minimum ratio of our units/s over the peer's. */
        double minRatio();
    }
}
