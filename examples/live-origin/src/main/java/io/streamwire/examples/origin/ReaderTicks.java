package io.streamwire.examples.origin;

import io.netty.util.concurrent.EventExecutor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Coalesces the drains of HTTP-FLV and RTMP readers, one tick per event loop. A reader woken by its
 * stream ({@link Subscriber}'s {@code onReady}) is not drained at once: it joins its loop's tick, which
 * runs at most {@link OriginConfig.Limits#readerBatchMillis()} after the first reader joined and drains
 * every reader that joined meanwhile. A reader then writes the tags of that time in one write and one
 * flush (one system call) instead of one per tag, and a loop wakes once per tick instead of once per
 * tag and reader: at 25 frames a second with audio, about seven tags go out per write at 100 ms.
 * Ticks are scheduled only while tags arrive, so an idle origin does nothing.
 */
final class ReaderTicks {
    private final Map<EventExecutor, Tick> ticks;

    /** One tick per loop of {@code loops}; {@code delayMillis} 0 drains at once (one task per wake). */
    ReaderTicks(Iterable<EventExecutor> loops, long delayMillis) {
        Map<EventExecutor, Tick> m = new IdentityHashMap<>();
        for (EventExecutor e : loops) {
            m.put(e, new Tick(e, TimeUnit.MILLISECONDS.toNanos(delayMillis)));
        }
        this.ticks = m; // never changed after construction: read from any thread
    }

    /**
     * Runs {@code drain} on {@code loop} at its next tick. From any thread; {@code drain} runs on
     * {@code loop}. A loop this was not made for runs it there at once.
     */
    void drainLater(EventExecutor loop, Runnable drain) {
        Tick t = ticks.get(loop);
        if (t == null) {
            loop.execute(drain);
        } else {
            t.add(drain);
        }
    }

    private static final class Tick implements Runnable {
        private final EventExecutor loop;
        private final long delayNanos;
        private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Tick(EventExecutor loop, long delayNanos) {
            this.loop = loop;
            this.delayNanos = delayNanos;
        }

        void add(Runnable drain) {
            pending.offer(drain);
            size.incrementAndGet(); // after the offer: run() polls at most what size counted
            schedule();
        }

        private void schedule() {
            if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
                if (delayNanos == 0) {
                    loop.execute(this);
                } else {
                    loop.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
                }
            }
        }

        @Override
        public void run() {
            scheduled.set(false); // a reader that joins from now on is drained at the next tick
            try {
                for (int n = size.get(); n > 0; n--) { // counted offers are in the queue already
                    Runnable r = pending.poll();
                    size.decrementAndGet();
                    r.run();
                }
            } finally {
                if (size.get() > 0) { // joined meanwhile, or a drain threw: never left waiting
                    schedule();
                }
            }
        }
    }
}
