package io.streamwire.examples.origin;

import io.streamwire.rtmp.EncodedMessage;
import io.streamwire.rtmp.ServerSession;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One reader of a channel (an HTTP-FLV response or an RTMP player): a queue of FLV tags bounded in
 * bytes, filled by the publisher's thread without ever blocking it and drained by the reader's own
 * thread. A reader that falls {@link OriginConfig#maxQueuedBytes()} behind is dropped, so a stalled
 * reader costs the publisher and the other readers nothing.
 */
final class Subscriber {
    /** An FLV tag: type 8 audio, 9 video, 18 script data; the body is owned (copied once, shared by readers). */
    static final class Tag {
        private final int type;
        private final long timestamp;
        private final byte[] body;
        private volatile EncodedMessage rtmpChunks;

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
         * An audio or video tag cut into RTMP chunks once, on the first RTMP player's demand, for every
         * RTMP player whatever its play stream id ({@link ServerSession#shareMedia(int, long, ByteBuffer)},
         * {@link ServerSession#sendShared}). Two players asking at once may both cut it: harmless.
         */
        EncodedMessage rtmpChunks() {
            EncodedMessage m = rtmpChunks;
            if (m == null) {
                m = ServerSession.shareMedia(type, timestamp, ByteBuffer.wrap(body));
                rtmpChunks = m;
            }
            return m;
        }
    }

    private final ArrayDeque<Tag> queue = new ArrayDeque<>();
    private final long maxBytes;
    private final String kind;
    private final Runnable onOverflow;
    private long queuedBytes;
    private boolean closed;
    private boolean overflowed;
    private long delivered;

    /**
     * @param onOverflow run (on the publisher's thread, so it must not block) when the reader is dropped:
     *     e.g. closing its socket, which wakes a writer blocked on a full TCP window
     */
    Subscriber(String kind, long maxBytes, Runnable onOverflow) {
        this.kind = kind;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
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
        closed = true;
        notifyAll();
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
