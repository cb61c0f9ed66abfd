package io.streamwire.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark whose state is per thread (independent streams, nothing shared), so that the
 * default run measures it with 1 and with 2 threads: throughput should double on 2 cores.
 *
 * <p>Issue 9 asks this of the demuxers and the chunk decoder, so only those carry it (TS demux,
 * FLV tag scan, ADTS scan, Annex B split, RTMP chunk decode) plus the long-word scan they are read
 * against; every extra 2-thread run costs the quick preset about 6 seconds.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scaling {}
