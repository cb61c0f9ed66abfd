package io.streamwire.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark whose state is per thread (independent streams, nothing shared), so that the
 * default run measures it with 1 and with 2 threads: throughput should double on 2 cores.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scaling {}
