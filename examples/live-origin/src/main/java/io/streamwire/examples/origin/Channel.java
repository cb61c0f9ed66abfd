package io.streamwire.examples.origin;

import io.streamwire.core.StreamwireException;
import io.streamwire.flv.AudioData;
import io.streamwire.flv.OnMetaData;
import io.streamwire.flv.ScriptData;
import io.streamwire.flv.VideoData;
import io.streamwire.hls.BlockingReload;
import io.streamwire.hls.MediaPlaylist;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything the origin holds for one stream key: who publishes, the cached codec headers,
 * metadata and last group of pictures for readers that join late, the readers, the HLS packager of
 * the current (or last) publish and the optional recorder. One lock guards it; readers' sockets are
 * written outside it, from their own threads.
 */
final class Channel {
    private static final int TAG_SCRIPT = 18;

    final String key;
    private final OriginConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final List<Subscriber.Tag> gop = new ArrayList<>();
    private long gopBytes;
    private boolean gopValid;
    private Object publisher;
    private HlsPackager hls;
    private FlvRecorder recorder;
    private Subscriber.Tag metadata;
    private Subscriber.Tag videoHeader;
    private Subscriber.Tag audioHeader;
    private long endedAtNanos = System.nanoTime();
    private long messagesIn;
    private long readersDropped;
    private long packagerErrors;
    private long publishes;

    Channel(String key, OriginConfig config) {
        this.key = key;
        this.config = config;
    }

    /** Starts a publish by {@code token}; false when another publisher holds the key. */
    boolean startPublish(Object token) {
        lock.lock();
        try {
            if (publisher != null) {
                return false;
            }
            publisher = token;
            publishes++;
            long firstMsn = 0;
            long discontinuity = 0;
            if (hls != null) { // a reconnect: numbering goes on, so players' media sequence numbers stay valid
                firstMsn = hls.lastMsn() + 1;
                discontinuity = hls.discontinuitySequence() + 1;
            }
            hls = new HlsPackager(key, config, firstMsn, discontinuity);
            metadata = null;
            videoHeader = null;
            audioHeader = null;
            gop.clear();
            gopBytes = 0;
            gopValid = false;
            if (config.recordDirectory() != null) {
                recorder = FlvRecorder.open(config.recordDirectory(), key, config.clock().instant());
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the publish of {@code token}: ENDLIST, readers closed, recording finalised. */
    void endPublish(Object token) {
        FlvRecorder r;
        lock.lock();
        try {
            if (publisher != token || token == null) {
                return;
            }
            publisher = null;
            endedAtNanos = System.nanoTime();
            try {
                hls.finish();
            } catch (StreamwireException e) { // the last segment could not be written: counted, the channel still ends
                packagerErrors++;
            }
            for (Subscriber s : subscribers) {
                s.close();
            }
            subscribers.clear();
            gop.clear();
            gopBytes = 0;
            r = recorder;
            recorder = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (r != null) {
            r.finish(); // file I/O outside the lock
        }
    }

    /** An audio (8) or video (9) FLV tag body from the publisher {@code token}; {@code body} is read now only. */
    void media(Object token, int type, long timestamp, ByteBuffer body) {
        lock.lock();
        try {
            if (publisher != token) {
                return;
            }
            messagesIn++;
            int p = body.position();
            int n = body.remaining();
            byte[] bytes = new byte[n];
            body.get(p, bytes);
            Subscriber.Tag tag = new Subscriber.Tag(type, timestamp, bytes);
            ByteBuffer view = ByteBuffer.wrap(bytes);
            boolean header = type == 9 ? VideoData.isSequenceHeader(view) : AudioData.isSequenceHeader(view);
            // a keyframe starts a new cached group of pictures (an AVC end of sequence is not one)
            boolean keyframe = type == 9 && VideoData.isKeyframe(view);
            if (header) {
                if (type == 9) {
                    videoHeader = tag;
                } else {
                    audioHeader = tag;
                }
            } else {
                if (keyframe) {
                    gop.clear();
                    gopBytes = 0;
                    gopValid = true;
                }
                if (gopValid && gopBytes + n <= config.maxGopCacheBytes()) {
                    gop.add(tag);
                    gopBytes += n;
                } else {
                    gopValid = false;
                    gop.clear();
                    gopBytes = 0;
                }
            }
            try {
                if (type == 9) {
                    hls.onVideo(timestamp, ByteBuffer.wrap(bytes));
                } else {
                    hls.onAudio(timestamp, ByteBuffer.wrap(bytes));
                }
            } catch (StreamwireException e) { // malformed codec data (H264Exception, AacException...): frame lost
                packagerErrors++;
            }
            fanOut(tag);
            if (recorder != null) {
                recorder.write(tag);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** onMetaData from the publisher. */
    void metadata(Object token, long timestamp, OnMetaData meta) {
        lock.lock();
        try {
            if (publisher != token) {
                return;
            }
            metadata = new Subscriber.Tag(TAG_SCRIPT, timestamp, ScriptData.of(meta).toByteArray());
            fanOut(metadata);
            if (recorder != null) {
                recorder.write(metadata);
            }
        } finally {
            lock.unlock();
        }
    }

    private void fanOut(Subscriber.Tag tag) {
        for (int i = subscribers.size() - 1; i >= 0; i--) {
            Subscriber s = subscribers.get(i);
            if (!s.offer(tag)) {
                subscribers.remove(i);
                if (s.overflowed()) {
                    readersDropped++;
                }
            }
        }
    }

    /**
     * A new reader: it gets metadata, codec headers and the current group of pictures first (so it
     * starts at a keyframe), then live tags.
     */
    Subscriber subscribe(String kind, Runnable onOverflow) {
        Subscriber s = new Subscriber(kind, config.maxQueuedBytes(), onOverflow);
        lock.lock();
        try {
            long start = gop.isEmpty() ? 0 : gop.get(0).timestamp();
            if (metadata != null) {
                s.offer(new Subscriber.Tag(TAG_SCRIPT, start, metadata.body()));
            }
            if (videoHeader != null) {
                s.offer(new Subscriber.Tag(9, start, videoHeader.body()));
            }
            if (audioHeader != null) {
                s.offer(new Subscriber.Tag(8, start, audioHeader.body()));
            }
            for (Subscriber.Tag t : gop) {
                s.offer(t);
            }
            subscribers.add(s);
            return s;
        } finally {
            lock.unlock();
        }
    }

    void unsubscribe(Subscriber s) {
        s.close();
        lock.lock();
        try {
            subscribers.remove(s);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until someone publishes on this key; false after {@code millis}. */
    boolean awaitPublisher(long millis) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (publisher == null) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    boolean isLive() {
        lock.lock();
        try {
            return publisher != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The playlist for a request with these blocking-reload directives, waiting (at most
     * {@link OriginConfig#playWaitMillis()}) until the asked segment or part exists. Null when there is
     * no playlist; a {@link BlockingReload.Answer} with status WAIT when the wait timed out.
     */
    BlockingReload.Answer playlist(BlockingReload request) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(config.playWaitMillis());
        lock.lock();
        try {
            while (true) {
                if (hls == null) {
                    return null;
                }
                BlockingReload.Answer a = hls.reload(request);
                if (a.status() != BlockingReload.Status.WAIT || left <= 0) {
                    return a;
                }
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The current full playlist, or null. */
    MediaPlaylist playlist() {
        lock.lock();
        try {
            return hls == null ? null : hls.playlist();
        } finally {
            lock.unlock();
        }
    }

    /** A segment's bytes, waiting for it when it is the one being produced; null when unknown. */
    byte[] segment(long msn) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(config.playWaitMillis());
        lock.lock();
        try {
            while (true) {
                if (hls == null) {
                    return null;
                }
                byte[] b = hls.segment(msn);
                if (b != null || !hls.isUpcomingSegment(msn) || left <= 0) {
                    return b;
                }
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A part's bytes, waiting for it when it is the next one (the preload hint); null when unknown. */
    byte[] part(long msn, int index) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(config.playWaitMillis());
        lock.lock();
        try {
            while (true) {
                if (hls == null) {
                    return null;
                }
                byte[] b = hls.part(msn, index);
                if (b != null || !hls.isUpcomingPart(msn, index) || left <= 0) {
                    return b;
                }
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Nobody publishes or reads, and the last playlist has been served long enough: the channel can go. */
    boolean idle(long nowNanos) {
        lock.lock();
        try {
            return publisher == null && subscribers.isEmpty()
                    && nowNanos - endedAtNanos > TimeUnit.MILLISECONDS.toNanos(config.lingerMillis());
        } finally {
            lock.unlock();
        }
    }

    /** Counters for tests and the status page. */
    record Stats(String key, boolean live, long publishes, long messagesIn, int readers, long readersDropped,
            long packagerErrors, long segments, long framesPackaged, long framesDropped, double longestSegmentSeconds,
            long bytesHeld) {}

    Stats stats() {
        lock.lock();
        try {
            return new Stats(key, publisher != null, publishes, messagesIn, subscribers.size(), readersDropped,
                    packagerErrors, hls == null ? 0 : hls.segmentsDone(), hls == null ? 0 : hls.framesIn(),
                    hls == null ? 0 : hls.framesDropped(), hls == null ? 0 : hls.longestSegmentSeconds(),
                    (hls == null ? 0 : hls.bytesHeld()) + gopBytes);
        } finally {
            lock.unlock();
        }
    }
}
