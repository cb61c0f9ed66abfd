package io.streamwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Asserts that a warm hot path allocates nothing, with the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Tests assert allocation, never
 * time.
 *
 * <p>The counter is reached through a method handle: this class is compiled into each library
 * module's tests, which are patched into a JPMS module that does not read {@code jdk.management}.
 * {@code invokeExact} on a {@code (long)long} handle does not box, so the measurement allocates
 * nothing itself.
 *
 * <p>Thread-safe; measures the calling thread only.
 */
public final class Allocation {
    private static final MethodHandle ALLOCATED_BYTES = allocatedBytesHandle();

    private Allocation() {}

    /**
     * Runs {@code work} {@code warmups} times so the JIT compiles it (and escape analysis applies),
     * then {@code runs} more times, and fails if those runs allocated more than {@code slackBytes}
     * in total.
     *
     * @return the bytes allocated by the measured runs
     */
    public static long assertAllocatesNothing(String what, int warmups, int runs, long slackBytes, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        long id = Thread.currentThread().getId();
        long before = allocatedBytes(id);
        for (int i = 0; i < runs; i++) {
            work.run();
        }
        long allocated = allocatedBytes(id) - before;
        if (allocated > slackBytes) {
            fail(what + " allocated " + allocated + " bytes over " + runs + " warm runs ("
                    + (allocated / Math.max(1, runs)) + " B/run); expected none");
        }
        return allocated;
    }

    /** Bytes the thread has allocated so far. */
    public static long allocatedBytes(long threadId) {
        try {
            return (long) ALLOCATED_BYTES.invokeExact(threadId);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read the thread allocation counter", t);
        }
    }

    private static MethodHandle allocatedBytesHandle() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> sunBean = Class.forName("com.sun.management.ThreadMXBean");
            if (!sunBean.isInstance(bean)) {
                throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
            }
            sunBean.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            return MethodHandles.publicLookup()
                    .findVirtual(sunBean, "getThreadAllocatedBytes", MethodType.methodType(long.class, long.class))
                    .bindTo(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach com.sun.management.ThreadMXBean", e);
        }
    }
}
