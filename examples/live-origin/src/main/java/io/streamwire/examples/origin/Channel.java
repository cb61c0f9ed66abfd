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
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything the origin holds for one stream name: who publishes, the cached codec headers,
 * metadata and last group of pictures for readers that join late, the readers, the HLS packager of
 * the current (or last) publish, the optional recorder, and the requests held until a part or
 * segment exists ({@link Waiters}). One lock guards it, held only for short non-blocking work; readers'
 * connections are written from their own event loops.
 *
 * <p>A publish ends cleanly ({@link #endPublish}: FCUnpublish/deleteStream, EXT-X-ENDLIST at once,
 * readers closed) or is lost ({@link #publisherLost}: connection dropped, publisher silent, or origin
 * limits): then the playlist stays live without EXT-X-ENDLIST and readers stay connected for
 * {@link OriginConfig.Limits#graceMillis()}; a republish within it continues the same playlist after
 * EXT-X-DISCONTINUITY and the readers' timestamps continue where they were.
 */
final class Channel {
    private static final int TAG_SCRIPT = 18;

    /** Where a stream is in its life. */
    enum State { WAITING, LIVE, GRACE, ENDED }

    /** Why {@link #media} refused a tag: the publisher must be dropped. */
    enum Refusal { NONE, NOT_PUBLISHER, SEGMENT_TOO_LARGE, GOP_TOO_LARGE }

    final String key;
    private final OriginConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Waiters waiters;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final List<Subscriber.Tag> gop = new ArrayList<>();
    private long gopBytes;
    private boolean gopValid;
    private Object publisher;
    private State state = State.WAITING;
    private long graceDeadlineNanos;
    private Packager hls;
    private FlvRecorder recorder;
    private Mp4FileRecorder mp4Recorder;
    private Subscriber.Tag metadata;
    private Subscriber.Tag videoHeader;
    private Subscriber.Tag audioHeader;
    private long endedAtNanos = System.nanoTime();
    private long publishStartNanos;
    private long lastMediaNanos;
    private boolean rebase;
    private long offsetMs;
    private long lastOutMs = -1;
    private long messagesIn;
    private long bytesIn;
    private long readersDropped;
    private long packagerErrors;
    private long publishes;
    private long versionSeen = -1;
    private final byte[][] playlistCache = new byte[BlockingReload.Skip.values().length][];

    Channel(String key, OriginConfig config) {
        this(key, config, new Waiters.Budget(config.limits().maxPendingRequests()));
    }

    Channel(String key, OriginConfig config, Waiters.Budget budget) {
        this.key = key;
        this.config = config;
        this.waiters = new Waiters(lock, budget);
    }

    /** Starts a publish by {@code token} in the configured segment format; false when another publisher holds the name. */
    boolean startPublish(Object token) {
        return startPublish(token, config.output().segments());
    }

    /** Starts a publish by {@code token} with {@code format} segments; false when another publisher holds the name. */
    boolean startPublish(Object token, OriginConfig.SegmentFormat format) {
        lock.lock();
        try {
            if (publisher != null) {
                return false;
            }
            publisher = token;
            publishes++;
            publishStartNanos = System.nanoTime();
            lastMediaNanos = publishStartNanos;
            if (state == State.GRACE && hls != null && !hls.finished()) {
                // a reconnect within the grace period: same playlist after a discontinuity, same readers,
                // timestamps rebased so that they go on from where the last publisher stopped
                hls.resume(config.clock().instant());
                rebase = true;
            } else {
                long firstMsn = 0;
                long discontinuity = 0;
                if (hls != null) { // a new presentation after a clean end: numbering goes on
                    firstMsn = hls.lastMsn() + 1;
                    discontinuity = hls.discontinuitySequence() + 1;
                }
                hls = format == OriginConfig.SegmentFormat.TS ? new HlsPackager(key, config, firstMsn, discontinuity)
                        : new CmafPackager(key, config, firstMsn, discontinuity, hls instanceof CmafPackager c ? c.nextInit() : 0);
                metadata = null;
                videoHeader = null;
                audioHeader = null;
                rebase = lastOutMs >= 0 && !subscribers.isEmpty();
                if (config.recordDirectory() != null && config.output().recordFlv()) {
                    recorder = FlvRecorder.open(config.recordDirectory(), key, config.clock().instant());
                }
                if (config.recordDirectory() != null && config.output().recordMp4()) {
                    mp4Recorder = Mp4FileRecorder.open(config.recordDirectory(), key, config.clock().instant());
                }
            }
            gop.clear();
            gopBytes = 0;
            gopValid = false;
            state = State.LIVE;
            changed();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A clean end of the publish of {@code token} (FCUnpublish, deleteStream): EXT-X-ENDLIST, readers closed. */
    void endPublish(Object token) {
        Runnable r;
        lock.lock();
        try {
            if (publisher != token || token == null) {
                return;
            }
            publisher = null;
            r = finishLocked();
        } finally {
            lock.unlock();
        }
        if (r != null) {
            r.run(); // file I/O outside the lock
        }
    }

    /**
     * The publisher {@code token} is gone without unpublishing (connection lost or timed out): the
     * stream waits {@link OriginConfig.Limits#graceMillis()} for a republish before it ends.
     */
    void publisherLost(Object token) {
        Runnable r = null;
        lock.lock();
        try {
            if (publisher != token || token == null) {
                return;
            }
            publisher = null;
            if (config.limits().graceMillis() == 0) {
                r = finishLocked();
            } else {
                state = State.GRACE;
                graceDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.limits().graceMillis());
                hls.pause();
                changed();
            }
        } finally {
            lock.unlock();
        }
        if (r != null) {
            r.run();
        }
    }

    /** Ends the stream now whoever publishes (origin shutdown); the recording is finalised. */
    void shutdown() {
        Runnable r;
        lock.lock();
        try {
            publisher = null;
            r = state == State.ENDED ? null : finishLocked();
        } finally {
            lock.unlock();
        }
        if (r != null) {
            r.run();
        }
    }

    /** Ends the stream; returns what finishes the recordings (file I/O, to run outside the lock), or null. */
    private Runnable finishLocked() {
        state = State.ENDED;
        endedAtNanos = System.nanoTime();
        if (hls != null) {
            try {
                hls.finish();
            } catch (StreamwireException e) { // the last segment could not be written: counted, the channel still ends
                packagerErrors++;
            }
        }
        for (Subscriber s : subscribers) {
            s.close();
        }
        subscribers.clear();
        gop.clear();
        gopBytes = 0;
        FlvRecorder flv = recorder;
        Mp4FileRecorder mp4 = mp4Recorder;
        recorder = null;
        mp4Recorder = null;
        changed();
        if (flv == null && mp4 == null) {
            return null;
        }
        return () -> {
            if (flv != null) {
                flv.finish();
            }
            if (mp4 != null) {
                mp4.finish();
            }
        };
    }

    /**
     * An audio (8) or video (9) FLV tag body from the publisher {@code token}; {@code body} is read now
     * only. Anything but {@link Refusal#NONE} and {@link Refusal#NOT_PUBLISHER} means the stream went
     * past a per-stream byte limit and has been ended: the caller drops the publisher.
     */
    Refusal media(Object token, int type, long timestamp, ByteBuffer body) {
        Runnable finished = null;
        Refusal refusal = Refusal.NONE;
        lock.lock();
        try {
            if (publisher != token) {
                return Refusal.NOT_PUBLISHER;
            }
            long ts = rebased(timestamp);
            messagesIn++;
            int n = body.remaining();
            bytesIn += n;
            lastMediaNanos = System.nanoTime();
            byte[] bytes = new byte[n];
            body.get(body.position(), bytes);
            Subscriber.Tag tag = new Subscriber.Tag(type, ts, bytes);
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
                if (gopValid) {
                    if (gopBytes + n > config.maxGopCacheBytes()) {
                        refusal = Refusal.GOP_TOO_LARGE;
                    } else {
                        gop.add(tag);
                        gopBytes += n;
                    }
                }
            }
            if (refusal == Refusal.NONE) {
                try {
                    if (type == 9) {
                        hls.onVideo(ts, ByteBuffer.wrap(bytes));
                    } else {
                        hls.onAudio(ts, ByteBuffer.wrap(bytes));
                    }
                } catch (StreamwireException e) { // malformed codec data (H264Exception, AacException...): frame lost
                    packagerErrors++;
                }
                if (hls.openSegmentBytes() > config.limits().maxSegmentBytes()) {
                    refusal = Refusal.SEGMENT_TOO_LARGE;
                }
            }
            if (refusal != Refusal.NONE) {
                publisher = null;
                finished = finishLocked();
            } else {
                fanOut(tag);
                if (recorder != null) {
                    recorder.write(tag);
                }
                if (mp4Recorder != null) {
                    mp4Recorder.write(type, ts, ByteBuffer.wrap(bytes));
                }
                if (hls.version() != versionSeen) {
                    changed();
                }
            }
        } finally {
            lock.unlock();
        }
        if (finished != null) {
            finished.run();
        }
        return refusal;
    }

    /** The publisher's timestamp on the readers' timeline (continuous across a republish). */
    private long rebased(long timestamp) {
        if (rebase) {
            offsetMs = lastOutMs < 0 ? 0 : lastOutMs + 40 - timestamp; // one frame after the last one sent
            rebase = false;
        }
        long ts = Math.max(0, timestamp + offsetMs);
        lastOutMs = Math.max(lastOutMs, ts);
        return ts;
    }

    /** onMetaData from the publisher. */
    void metadata(Object token, long timestamp, OnMetaData meta) {
        lock.lock();
        try {
            if (publisher != token) {
                return;
            }
            metadata = new Subscriber.Tag(TAG_SCRIPT, rebased(timestamp), ScriptData.of(meta).toByteArray());
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
     * A new reader: it gets metadata and codec headers at timestamp 0 (as nginx-rtmp sends them) and
     * the current group of pictures first (so it starts at a keyframe), then live tags.
     */
    Subscriber subscribe(String kind, Runnable onOverflow) {
        return subscribe(kind, onOverflow, () -> { });
    }

    /** As {@link #subscribe(String, Runnable)}, waking the reader through {@code onReady} (see {@link Subscriber}). */
    Subscriber subscribe(String kind, Runnable onOverflow, Runnable onReady) {
        Subscriber s = new Subscriber(kind, config.maxQueuedBytes(), onOverflow, onReady);
        lock.lock();
        try {
            if (metadata != null) {
                s.offer(new Subscriber.Tag(TAG_SCRIPT, 0, metadata.body()));
            }
            if (videoHeader != null) {
                s.offer(new Subscriber.Tag(9, 0, videoHeader.body()));
            }
            if (audioHeader != null) {
                s.offer(new Subscriber.Tag(8, 0, audioHeader.body()));
            }
            for (Subscriber.Tag t : gop) {
                s.offer(t);
            }
            if (state == State.ENDED && hls != null) {
                s.close(); // nothing more will come
            } else {
                subscribers.add(s);
            }
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

    /** Bytes of media received over every publish. */
    long bytesIn() {
        lock.lock();
        try {
            return bytesIn;
        } finally {
            lock.unlock();
        }
    }

    private void changed() {
        if (hls != null) {
            versionSeen = hls.version();
        }
        java.util.Arrays.fill(playlistCache, null);
        waiters.wake();
    }

    boolean isLive() {
        lock.lock();
        try {
            return publisher != null;
        } finally {
            lock.unlock();
        }
    }

    /** Live or waiting for a reconnect: readers are served. */
    boolean isServing() {
        lock.lock();
        try {
            return isServingLocked();
        } finally {
            lock.unlock();
        }
    }

    /** The requests held on this stream. */
    Waiters waiters() {
        return waiters;
    }

    /**
     * The answer to a playlist request now: null when there is no playlist; status WAIT when the
     * asked segment or part does not exist yet. Call with the lock held (from a {@link Waiters} probe) or not.
     */
    BlockingReload.Answer reload(BlockingReload request) {
        lock.lock();
        try {
            return hls == null ? null : hls.reload(request);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The playlist text for a request whose answer was READY, written from the playlist as it is now
     * (never older than that answer: a held request may be answered on another thread after the
     * stream moved on) and cached per playlist version and skip kind (full, YES or v2 delta).
     */
    byte[] playlistBytes(BlockingReload request, BlockingReload.Answer ready) {
        lock.lock();
        try {
            BlockingReload.Answer now = hls == null ? null : hls.reload(request);
            if (now == null || now.status() != BlockingReload.Status.READY || now.playlist() == null) {
                return ready.playlist().write().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            int i = request.skip().ordinal();
            if (playlistCache[i] == null || hls.version() != versionSeen) {
                byte[] b = now.playlist().write().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (hls.version() == versionSeen) {
                    playlistCache[i] = b;
                }
                return b;
            }
            return playlistCache[i];
        } finally {
            lock.unlock();
        }
    }

    /** Init segment {@code n} of a CMAF stream, or null. */
    byte[] init(int n) {
        lock.lock();
        try {
            return hls instanceof CmafPackager c ? c.init(n) : null;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the stream's segments are fMP4 (else MPEG-TS). */
    boolean fmp4() {
        lock.lock();
        try {
            return hls instanceof CmafPackager;
        } finally {
            lock.unlock();
        }
    }

    /** The multivariant playlist for this stream, or null before its codecs are known. */
    io.streamwire.hls.MultivariantPlaylist multivariant() {
        lock.lock();
        try {
            if (hls == null || (videoHeader == null && audioHeader == null)) {
                return null;
            }
            StreamInfo v = videoHeader == null ? StreamInfo.EMPTY : StreamInfo.video(ByteBuffer.wrap(videoHeader.body()));
            StreamInfo a = audioHeader == null ? StreamInfo.EMPTY : StreamInfo.audio(ByteBuffer.wrap(audioHeader.body()));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishStartNanos);
            long bits = millis <= 0 ? 0 : bytesIn * 8_000 / millis;
            return Multivariant.of(key, v, a, bits);
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

    /** A segment's bytes; null when unknown. {@code upcoming[0]} tells whether it is being produced. */
    byte[] segment(long msn, boolean[] upcoming) {
        lock.lock();
        try {
            if (hls == null) {
                return null;
            }
            byte[] b = hls.segment(msn);
            upcoming[0] = b == null && isServingLocked() && hls.isUpcomingSegment(msn);
            return b;
        } finally {
            lock.unlock();
        }
    }

    /** A part's bytes; null when unknown. {@code upcoming[0]} tells whether it is the next one. */
    byte[] part(long msn, int index, boolean[] upcoming) {
        lock.lock();
        try {
            if (hls == null) {
                return null;
            }
            byte[] b = hls.part(msn, index);
            upcoming[0] = b == null && isServingLocked() && hls.isUpcomingPart(msn, index);
            return b;
        } finally {
            lock.unlock();
        }
    }

    private boolean isServingLocked() {
        return state == State.LIVE || state == State.GRACE;
    }

    /**
     * The janitor's look, every second: a lost publisher's grace that ran out ends the stream, a
     * publisher silent for {@link OriginConfig.Limits#publisherIdleMillis()} is returned (the caller
     * drops it), and true in {@code idle[0]} when nothing is left to serve (the channel can go).
     */
    Object sweep(long nowNanos, boolean[] idle) {
        Runnable r = null;
        Object silent = null;
        lock.lock();
        try {
            if (state == State.GRACE && nowNanos - graceDeadlineNanos >= 0) {
                r = finishLocked();
            }
            if (publisher != null
                    && nowNanos - lastMediaNanos > TimeUnit.MILLISECONDS.toNanos(config.limits().publisherIdleMillis())) {
                silent = publisher;
            }
            idle[0] = publisher == null && subscribers.isEmpty() && waiters.isEmpty() && state != State.GRACE
                    && nowNanos - endedAtNanos > TimeUnit.MILLISECONDS.toNanos(config.lingerMillis());
        } finally {
            lock.unlock();
        }
        if (r != null) {
            r.run();
        }
        return silent;
    }

    /** Nobody publishes or reads, and the last playlist has been served long enough: the channel can go. */
    boolean idle(long nowNanos) {
        boolean[] idle = new boolean[1];
        sweep(nowNanos, idle);
        return idle[0];
    }

    /** Counters for tests and the status page. */
    record Stats(String key, boolean live, long publishes, long messagesIn, int readers, long readersDropped,
            long packagerErrors, long segments, long framesPackaged, long framesDropped, double longestSegmentSeconds,
            long bytesHeld, String state, long bytesIn, long uptimeMillis, ByteBuffer videoHeader,
            ByteBuffer audioHeader, int flvReaders, int rtmpReaders) {}

    Stats stats() {
        lock.lock();
        try {
            int flv = 0;
            int rtmp = 0;
            for (Subscriber s : subscribers) {
                flv += s.kind().equals("http-flv") ? 1 : 0;
                rtmp += s.kind().equals("rtmp") ? 1 : 0;
            }
            return new Stats(key, publisher != null, publishes, messagesIn, subscribers.size(), readersDropped,
                    packagerErrors, hls == null ? 0 : hls.segmentsDone(), hls == null ? 0 : hls.framesIn(),
                    hls == null ? 0 : hls.framesDropped(), hls == null ? 0 : hls.longestSegmentSeconds(),
                    (hls == null ? 0 : hls.bytesHeld()) + gopBytes, state.name().toLowerCase(java.util.Locale.ROOT),
                    bytesIn, publisher == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishStartNanos),
                    videoHeader == null ? null : ByteBuffer.wrap(videoHeader.body()).asReadOnlyBuffer(),
                    audioHeader == null ? null : ByteBuffer.wrap(audioHeader.body()).asReadOnlyBuffer(), flv, rtmp);
        } finally {
            lock.unlock();
        }
    }
}
