package io.streamwire.examples.origin;

import io.streamwire.rtmp.EncodedMessage;
import io.streamwire.rtmp.ServerSession;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One reader of a channel (an HTTP-FLV response or an RTMP player): a queue of FLV tags bounded in
 * bytes, filled by the publisher's event loop without ever blocking it and drained by the reader's
 * own event loop ({@link #poll()}), which the queue wakes once ({@code onReady}) when it goes from
 * empty to not empty or closes. The reader drains only while its connection is writable, so bytes
 * it cannot send stay here, counted; a reader that falls {@link OriginConfig#maxQueuedBytes()} behind
 * is dropped, so a stalled reader costs the publisher and the other readers nothing.
 */
final class Subscriber {
    /** An FLV tag: type 8 audio, 9 video, 18 script data; the body is owned (copied once, shared by readers). */
    static final class Tag {
        private final int type;
        private final long timestamp;
        private final byte[] body;
        private volatile EncodedMessage rtmpChunks;
        private volatile ByteBuffer flvTag;

        Tag(int type, long timestamp, byte[] body) {
            this.type = type;
            this.timestamp = timestamp;
            this.body = body;
        }

        int type() {
            return type;
        }

        long timestamp() {
            return timestamp;
        }

        byte[] body() {
            return body;
        }

        /**
         * The whole FLV tag (header, body, previous tag size), written once on the first HTTP-FLV
         * reader's demand and shared by all of them (a fresh duplicate each time). Native memory: the
         * transport writes it to every reader without copying it first. Two readers asking at once may
         * both write it: harmless.
         */
        ByteBuffer flvTag() {
            ByteBuffer b = flvTag;
            if (b == null) {
                b = ByteBuffer.allocateDirect(io.streamwire.flv.FlvWriter.tagSize(body.length));
                io.streamwire.flv.FlvWriter.writeTag(b, type, (int) timestamp, ByteBuffer.wrap(body));
                b.flip();
                flvTag = b;
            }
            return b.duplicate();
        }

        /**
         * An audio or video tag cut into RTMP chunks once, on the first RTMP player's demand, for every
         * RTMP player whatever its play stream id: cut with stream id 1 as the fan-out form
         * {@link ServerSession#shareMedia(int, long, ByteBuffer)} does (players on another id get a
         * re-stamped first header from {@link ServerSession#sendShared}), in native memory like
         * {@link #flvTag()}. Two players asking at once may both cut it: harmless.
         */
        EncodedMessage rtmpChunks() {
            EncodedMessage m = rtmpChunks;
            if (m == null) {
                m = ServerSession.shareMedia(1, type, timestamp, ByteBuffer.wrap(body), ByteBuffer::allocateDirect);
                rtmpChunks = m;
            }
            return m;
        }
    }

    private final ArrayDeque<Tag> queue = new ArrayDeque<>();
    private final long maxBytes;
    private final String kind;
    private final Runnable onOverflow;
    private final Runnable onReady;
    private boolean wakePending;
    private long queuedBytes;
    private boolean closed;
    private boolean overflowed;
    private long delivered;

    /**
     * @param onOverflow run (on the publisher's thread, so it must not block) when the reader is dropped:
     *     e.g. closing its socket, which wakes a writer blocked on a full TCP window
     */
    Subscriber(String kind, long maxBytes, Runnable onOverflow) {
        this(kind, maxBytes, onOverflow, () -> { });
    }

    /**
     * @param onReady run (on the publisher's thread: it must only schedule, e.g. on the reader's event
     *     loop) when tags become available or the subscription closes, once until {@link #poll()} has
     *     emptied the queue again
     */
    Subscriber(String kind, long maxBytes, Runnable onOverflow, Runnable onReady) {
        this.kind = kind;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
        this.onReady = onReady;
    }

    private void wake() {
        if (!wakePending) {
            wakePending = true;
            onReady.run();
        }
    }

    /**
     * The next tag without waiting, or null when there is none now (then the next {@code offer} or
     * {@code close} wakes the reader again) or the reader was dropped.
     */
    synchronized Tag poll() {
        if (overflowed) {
            return null;
        }
        Tag t = queue.pollFirst();
        if (t == null) {
            wakePending = false;
            return null;
        }
        queuedBytes -= t.body().length;
        delivered++;
        return t;
    }

    /** Queues {@code tag}; false (and the subscriber closes) when it would go past the byte limit. */
    synchronized boolean offer(Tag tag) {
        if (closed) {
            return false;
        }
        if (queuedBytes + tag.body().length > maxBytes) {
            overflowed = true;
            queue.clear(); // free what it held now, even if its writer stays blocked
            queuedBytes = 0;
            close();
            onOverflow.run();
            return false;
        }
        queue.addLast(tag);
        queuedBytes += tag.body().length;
        notifyAll();
        wake();
        return true;
    }

    /** The next tag, waiting at most {@code timeoutMillis}; null on timeout or once closed and drained. */
    synchronized Tag take(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (queue.isEmpty() && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (overflowed) {
            return null; // dropped: do not keep writing to a reader that could not keep up
        }
        Tag t = queue.pollFirst();
        if (t != null) {
            queuedBytes -= t.body().length;
            delivered++;
        }
        return t;
    }

    /** Ends the subscription: the reader gets what is queued, then null. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            notifyAll();
            wakePending = false;
            wake();
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Whether it was dropped for falling behind. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    synchronized boolean drained() {
        return closed && queue.isEmpty();
    }

    synchronized long queuedBytes() {
        return queuedBytes;
    }

    synchronized long delivered() {
        return delivered;
    }

    String kind() {
        return kind;
    }
}
