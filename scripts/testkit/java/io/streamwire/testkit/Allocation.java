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

    /** Measurement rounds: a one-off allocation does not repeat, a real per-run one does. */
    static final int ROUNDS = 3;

    /**
     * Runs {@code work} {@code warmups} times so the JIT compiles it (and escape analysis applies),
     * then measures {@code runs} more runs, and fails if they allocated more than {@code slackBytes}
     * in total.
     *
     * <p>A round that allocated is measured again, up to {@value #ROUNDS} rounds, and the test passes
     * on the first clean round. One-off allocations on the test thread while a measured loop runs
     * (a late JIT recompilation or deoptimisation, a class initialised on first use, the JVMTI agent
     * of Jazzer) do not repeat, while anything the work itself allocates per run repeats in every
     * round and still fails: the zero-allocation claim is not loosened.
     *
     * @return the bytes allocated by the clean round (or the smallest round when none was clean)
     */
    public static long assertAllocatesNothing(String what, int warmups, int runs, long slackBytes, Runnable work) {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        long id = Thread.currentThread().getId();
        long smallest = Long.MAX_VALUE;
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            long before = allocatedBytes(id);
            for (int i = 0; i < runs; i++) {
                work.run();
            }
            long allocated = allocatedBytes(id) - before;
            if (allocated <= slackBytes) {
                return allocated;
            }
            smallest = Math.min(smallest, allocated);
            rounds.append(round == 0 ? "" : ", ").append(allocated);
        }
        fail(what + " allocated " + smallest + " bytes over " + runs + " warm runs ("
                + (smallest / Math.max(1, runs)) + " B/run) in the best of " + ROUNDS + " rounds [" + rounds
                + "]; expected none");
        return smallest;
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
