package io.streamwire.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark (method or class) that only the {@code --full} preset runs: extra rows of an
 * area that the quick preset already covers with one row (another input of the same peer, the
 * upcall calibration), so the quick run stays under 6 minutes on 2 cores. A REGEX or a JMH
 * command line runs it like any other.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FullOnly {}
