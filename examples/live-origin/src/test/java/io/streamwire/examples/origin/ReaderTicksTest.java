package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReaderTicksTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() throws InterruptedException {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void drainsEveryReaderThatJoinedOnceAtTheTickOnTheLoop() throws Exception {
        ReaderTicks ticks = new ReaderTicks(List.<EventExecutor>of(loop), 200);
        int readers = 50;
        CountDownLatch done = new CountDownLatch(readers);
        List<Long> ranAt = new CopyOnWriteArrayList<>();
        AtomicInteger offLoop = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < readers; i++) {
            ticks.drainLater(loop, () -> {
                if (!loop.inEventLoop()) {
                    offLoop.incrementAndGet();
                }
                ranAt.add(System.nanoTime() - start);
                done.countDown();
            });
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(offLoop).hasValue(0);
        assertThat(ranAt).hasSize(readers);
        // all ran in one tick: none before the delay, and all within one delay of each other
        long first = ranAt.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = ranAt.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(first).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(190));
        assertThat(last - first).isLessThan(TimeUnit.MILLISECONDS.toNanos(150));
    }

    @Test
    void aReaderThatJoinsAfterTheTickIsDrainedAtTheNextTick() throws Exception {
        ReaderTicks ticks = new ReaderTicks(List.<EventExecutor>of(loop), 20);
        CountDownLatch second = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        ticks.drainLater(loop, () -> {
            runs.incrementAndGet();
            first.countDown();
        });
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        ticks.drainLater(loop, () -> {
            runs.incrementAndGet();
            second.countDown();
        });
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aReaderJoiningDuringATickIsNotLeftWaiting() throws Exception {
        ReaderTicks ticks = new ReaderTicks(List.<EventExecutor>of(loop), 10);
        CountDownLatch late = new CountDownLatch(1);
        ticks.drainLater(loop, () -> ticks.drainLater(loop, late::countDown)); // joins while the tick runs
        assertThat(late.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDrainThatThrowsDoesNotStrandTheOthers() throws Exception {
        ReaderTicks ticks = new ReaderTicks(List.<EventExecutor>of(loop), 10);
        CountDownLatch others = new CountDownLatch(3);
        ticks.drainLater(loop, others::countDown);
        ticks.drainLater(loop, () -> {
            throw new IllegalStateException("a reader's bug");
        });
        ticks.drainLater(loop, others::countDown);
        ticks.drainLater(loop, others::countDown);
        assertThat(others.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void zeroDelayAndUnknownLoopsDrainAtOnce() throws Exception {
        DefaultEventLoop other = new DefaultEventLoop();
        try {
            ReaderTicks now = new ReaderTicks(List.<EventExecutor>of(loop), 0);
            ReaderTicks slow = new ReaderTicks(List.<EventExecutor>of(loop), 60_000);
            CountDownLatch both = new CountDownLatch(2);
            now.drainLater(loop, both::countDown);
            slow.drainLater(other, () -> {
                if (other.inEventLoop()) {
                    both.countDown();
                }
            });
            assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            other.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }
}
