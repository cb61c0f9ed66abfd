package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Heap after GC, open file descriptors and threads of this JVM, before and after an attack. */
record Resources(long heapBytes, long fds, int threads) {
    static Resources now() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            fds = s.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Resources(heap, fds, ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** Waits (at most {@code millis}) until the resources are back near {@code baseline}, then asserts it. */
    static void assertBackNear(Resources baseline, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        Resources r = now();
        while (!r.near(baseline) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            r = now();
        }
        assertThat(r.fds()).as("open file descriptors after, baseline " + baseline.fds()).isLessThanOrEqualTo(baseline.fds() + 16);
        assertThat(r.heapBytes()).as("heap after GC, baseline " + baseline.heapBytes())
                .isLessThanOrEqualTo(baseline.heapBytes() + (48L << 20));
        assertThat(r.threads()).as("threads after, baseline " + baseline.threads()).isLessThanOrEqualTo(baseline.threads() + 4);
    }

    private boolean near(Resources b) {
        return fds <= b.fds + 16 && heapBytes <= b.heapBytes + (48L << 20) && threads <= b.threads + 4;
    }

    static void waitFor(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + millis + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
