package io.streamwire.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;

/**
 * Asserts that a warm hot path allocates nothing, with the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Tests assert allocation, never
 * time.
 *
 * <p>Thread-safe; measures the calling thread only.
 */
public final class Allocation {
    private Allocation() {}

    /**
     * Runs {@code work} {@code warmups} times so the JIT compiles it (and escape analysis applies),
     * then {@code runs} more times, and fails if those runs allocated more than {@code slackBytes}
     * in total (the counter itself may report a few bytes).
     *
     * @return the bytes allocated by the measured runs
     */
    public static long assertAllocatesNothing(String what, int warmups, int runs, long slackBytes, Runnable work) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!bean.isThreadAllocatedMemorySupported()) {
            return fail("this JVM cannot count allocated bytes per thread");
        }
        bean.setThreadAllocatedMemoryEnabled(true);
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < runs; i++) {
            work.run();
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        if (allocated > slackBytes) {
            fail(what + " allocated " + allocated + " bytes over " + runs + " warm runs ("
                    + (allocated / Math.max(1, runs)) + " B/run); expected none");
        }
        return allocated;
    }
}
