package io.streamwire.examples.origin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Requests held until something exists (an LL-HLS blocking reload until its part, a hinted part, an
 * HTTP-FLV reader until a publisher), as pending callbacks rather than threads. A probe is looked at
 * when the request arrives and again each time the stream {@linkplain #wake() changes} (a part or
 * segment closes, a publish starts or ends), under the stream's lock; the answer goes to the
 * request's own event loop. A held request that times out gets the timeout probe's answer. The
 * {@link Budget} caps held requests across the origin: past it, a request is answered at once.
 */
final class Waiters {
    /** The origin-wide cap on held requests. */
    static final class Budget {
        private final int max;
        private final AtomicInteger held = new AtomicInteger();

        Budget(int max) {
            this.max = max;
        }

        boolean take() {
            while (true) {
                int n = held.get();
                if (n >= max) {
                    return false;
                }
                if (held.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        void give() {
            held.decrementAndGet();
        }

        /** Requests held now. */
        int held() {
            return held.get();
        }
    }

    private final class Waiter<T> {
        final Supplier<T> probe;
        final Supplier<T> onTimeout;
        final Consumer<T> done;
        final ScheduledExecutorService executor;
        ScheduledFuture<?> timer;

        Waiter(Supplier<T> probe, Supplier<T> onTimeout, Consumer<T> done, ScheduledExecutorService executor) {
            this.probe = probe;
            this.onTimeout = onTimeout;
            this.done = done;
            this.executor = executor;
        }

        /** Under the lock: true when answered (and removed). */
        boolean tryAnswer() {
            T v = probe.get();
            if (v == null) {
                return false;
            }
            finish(v);
            return true;
        }

        void finish(T v) {
            if (timer != null) {
                timer.cancel(false);
            }
            budget.give();
            executor.execute(() -> done.accept(v));
        }

        void timeout() {
            lock.lock();
            try {
                if (!pending.remove(this)) {
                    return; // answered meanwhile
                }
                finish(onTimeout.get());
            } finally {
                lock.unlock();
            }
        }
    }

    private final ReentrantLock lock;
    private final Budget budget;
    private final List<Waiter<?>> pending = new ArrayList<>();

    Waiters(ReentrantLock lock, Budget budget) {
        this.lock = lock;
        this.budget = budget;
    }

    /**
     * Answers {@code done} (on {@code executor}) with the first non-null {@code probe} result, or
     * with {@code onTimeout}'s after {@code timeoutMillis}. When the origin already holds its
     * maximum of requests, answers with {@code onTimeout}'s result at once. Probes run under the
     * stream's lock and must not block.
     */
    <T> void await(Supplier<T> probe, Supplier<T> onTimeout, long timeoutMillis, ScheduledExecutorService executor,
            Consumer<T> done) {
        lock.lock();
        try {
            T now = probe.get();
            if (now != null) {
                executor.execute(() -> done.accept(now));
                return;
            }
            if (timeoutMillis <= 0 || !budget.take()) {
                T v = onTimeout.get();
                executor.execute(() -> done.accept(v));
                return;
            }
            Waiter<T> w = new Waiter<>(probe, onTimeout, done, executor);
            pending.add(w);
            w.timer = executor.schedule(w::timeout, timeoutMillis, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** The stream changed: every held request looks again. Call with the stream's lock held. */
    void wake() {
        for (int i = 0; i < pending.size(); ) {
            if (pending.get(i).tryAnswer()) {
                pending.remove(i);
            } else {
                i++;
            }
        }
    }

    /** Whether no request is held. */
    boolean isEmpty() {
        lock.lock();
        try {
            return pending.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
